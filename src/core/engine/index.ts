/**
 * The engine layer's public surface. The web-llm adapter is deliberately not exported here: it
 * pulls in web-llm and belongs to the worker (`src/workers/engine.worker.ts` imports it directly).
 */
export type * from "./types";
export type {
  CacheBackend,
  CustomModelRecord,
  EngineAppConfig,
  EngineModelInfo,
} from "./webllm/app-config";
export { CACHE_BACKENDS } from "./webllm/app-config";
export {
  parseRecording,
  serializeRecording,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type Recording,
  type RecordingEntry,
  type RecordingModel,
  type RecordingDevice,
  type RecordingResult,
  type RecordedChunk,
} from "./replay/recording";
export {
  RecordingBuilder,
  recordingEngine,
  deviceSummary,
  type RecordingBuilderInit,
  type NewEntry,
} from "./replay/recording-builder";
export { ReplayEngine, type ReplayOptions } from "./replay/replay-engine";
export {
  matchEntry,
  recordedPrompts,
  type ReplayMatch,
  type ReplayMatchKind,
} from "./replay/replay-match";
export { translateWebLlmError, f32VariantOf, type WebLlmErrorContext } from "./webllm/errors";
export { createThinkSplitter, type ThinkSplitter } from "./think-splitter";
export { systemScheduler, sleep, type Scheduler, type TimerHandle } from "./scheduler";
export { emptyUsage } from "./usage";
export {
  isEngineRequest,
  type EngineCalls,
  type EngineCallType,
  type EngineEvent,
  type EngineRequest,
  type EngineRequestOf,
  type EngineResultValue,
} from "./protocol";
export { EngineHost, type EngineHostExtras, type EngineHostOptions } from "./engine-host";
export { createChunkBatcher, type ChunkBatcher, type ChunkBatcherOptions } from "./chunk-batcher";
