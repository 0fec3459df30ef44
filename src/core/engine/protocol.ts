/**
 * The engine worker's message protocol. The main thread sends `EngineRequest`s, each with a fresh
 * `id`; the worker answers with `EngineEvent`s carrying the same `id`: any number of `progress`
 * (load) or `chunks` (chat) events, then exactly one `result` or `error`. `ready` (id 0) is sent
 * once when the worker has started.
 */
import type { SerializedError } from "../errors";
import type { EngineAppConfig, EngineModelInfo } from "./webllm/app-config";
import type { ChatRequest, ChatResult, EngineKind, LoadProgress, StreamChunk } from "./types";

type NoArgs = Record<never, never>;

/** Each call: the fields its request carries and the value its `result` event holds. */
export interface EngineCalls {
  /** Result: the models loaded afterwards. */
  load: { args: { modelIds: string[] }; result: string[] };
  chat: { args: { request: ChatRequest }; result: ChatResult };
  interrupt: { args: NoArgs; result: null };
  /** Abort the load or chat started by request `target` (a chat then resolves with "abort"). */
  cancel: { args: { target: number }; result: null };
  /** Result: the models still loaded. */
  unload: { args: { modelIds?: string[] }; result: string[] };
  loaded: { args: NoArgs; result: string[] };
  /** Result: those of `modelIds` whose weights are all in the runtime's cache (one round trip). */
  cachedModelIds: { args: { modelIds: string[] }; result: string[] };
  deleteModel: { args: { modelId: string }; result: null };
  setAppConfig: { args: { config: EngineAppConfig }; result: null };
  listModels: { args: NoArgs; result: EngineModelInfo[] };
}

export type EngineCallType = keyof EngineCalls;

export type EngineRequestOf<K extends EngineCallType> = {
  id: number;
  type: K;
} & EngineCalls[K]["args"];

export type EngineRequest = { [K in EngineCallType]: EngineRequestOf<K> }[EngineCallType];

export type EngineResultValue = EngineCalls[EngineCallType]["result"];

export type EngineEvent =
  | { type: "ready"; id: 0; kind: EngineKind; webllmVersion?: string }
  | { type: "progress"; id: number; progress: LoadProgress }
  | { type: "chunks"; id: number; chunks: StreamChunk[] }
  | { type: "result"; id: number; value: EngineResultValue }
  | { type: "error"; id: number; error: SerializedError };

const CALL_TYPES: readonly EngineCallType[] = [
  "load",
  "chat",
  "interrupt",
  "cancel",
  "unload",
  "loaded",
  "cachedModelIds",
  "deleteModel",
  "setAppConfig",
  "listModels",
];

/** True when a message received by the worker looks like a request (guards stray messages). */
export function isEngineRequest(message: unknown): message is EngineRequest {
  if (typeof message !== "object" || message === null) return false;
  const { id, type } = message as { id?: unknown; type?: unknown };
  return typeof id === "number" && CALL_TYPES.includes(type as EngineCallType);
}
