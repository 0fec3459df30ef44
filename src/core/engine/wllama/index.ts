/**
 * The CPU runtime's pure side: the `Engine` over an injected wllama, the GGUF header reader and
 * the fit rules. The browser glue that creates the real wllama is `src/platform/wllama/`.
 */
export {
  WllamaEngine,
  DEFAULT_CONTEXT,
  type WllamaEngineOptions,
  type WllamaModelSource,
  type WllamaModelSpec,
  type WllamaRuntimeInfo,
} from "./wllama-engine";
export type * from "./wllama-core";
export { toWllamaRequest, usageFromWllama, finishReasonOf } from "./wllama-request";
export { translateWllamaError, type WllamaErrorContext } from "./errors-wllama";
export {
  readGgufHeader,
  readGgufHeaderFrom,
  isTruncatedHeader,
  GGUF_TYPE,
  type GgufHeader,
  type GgufValue,
  type GgufArray,
  type GgufTensorInfo,
  type ReadGgufOptions,
} from "./gguf-header";
export { ggufModelFacts, type GgufModelFacts } from "./gguf-model";
export {
  cpuFit,
  kvCacheBytes,
  kvShapeOf,
  ramNeededBytes,
  MAX_FILE_BYTES,
  WASM_HEAP_MAX_BYTES,
  type CpuFit,
  type CpuFitInput,
  type CpuFitProblem,
  type KvShape,
} from "./cpu-fit";
export { planThreads, type ThreadInput, type ThreadPlan } from "./threads";
