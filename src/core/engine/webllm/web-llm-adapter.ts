/**
 * The one file that imports web-llm. `WebLlmEngine` implements `Engine` over web-llm's
 * `MLCEngine` and is meant to run inside the engine worker (the main thread talks to it through
 * `src/platform/webllm/worker-engine.ts`). Every web-llm failure leaves here as a PolymathError.
 *
 * Cancelling a load: web-llm has no cancel for `reload()`. `unload()` aborts the fetches of a
 * reload in progress, so a cancelled load calls `unload()` and rejects with `download-cancelled`
 * at once; parts already downloaded stay in the cache and the next load resumes from them.
 */
import {
  MLCEngine,
  ModelType,
  deleteChatConfigInCache,
  deleteModelAllInfoInCache,
  deleteModelInCache,
  deleteModelWasmInCache,
  hasModelInCache,
  prebuiltAppConfig,
  type AppConfig,
  type ChatCompletionChunk,
  type ChatCompletionMessageParam,
  type ChatCompletionRequestStreaming,
  type InitProgressCallback,
  type MLCEngineConfig,
  type ModelRecord,
} from "@mlc-ai/web-llm";
import { version as webllmPackageVersion } from "@mlc-ai/web-llm/package.json";
import { PolymathError } from "../../errors";
import { parseQuant } from "../../catalog/parse-id";
import type { ModelRecord as CatalogRecord } from "../../catalog/types";
import type { EngineAppConfig, EngineModelInfo } from "./app-config";
import type { ConfigurableEngine } from "../engine-host";
import { cachedAmong, type ModelCache } from "../model-cache";
import { translateWebLlmError } from "./errors";
import { systemScheduler, type Scheduler } from "../scheduler";
import { createThinkSplitter } from "../think-splitter";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  FinishReason,
  LoadOptions,
  StreamChunk,
  StreamOptions,
} from "../types";
import { measuredUsage, usageFromOpenAi, type OpenAiStyleUsage } from "../usage";
import { createProgressTracker } from "./progress";

export type { ChatCompletionChunk as WebLlmChunk, ChatCompletionRequestStreaming as WebLlmRequest };

/** The web-llm version bundled with the app. */
export const WEBLLM_VERSION: string = webllmPackageVersion;

/** The part of `MLCEngine` the adapter uses; tests pass a fake with the same shape. */
export interface WebLlmCore {
  reload(modelId: string[]): Promise<void>;
  unload(): Promise<void>;
  interruptGenerate(): Promise<void>;
  setAppConfig(appConfig: AppConfig): void;
  setInitProgressCallback(callback?: InitProgressCallback): void;
  chat: {
    completions: {
      create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>>;
    };
  };
}

export interface WebLlmEngineOptions extends EngineAppConfig {
  scheduler?: Scheduler;
  /** Makes the web-llm engine; `new MLCEngine(config)` by default. */
  createCore?: (config: MLCEngineConfig) => WebLlmCore;
}

interface ChatJob {
  stopRequested: boolean;
}

/** `Engine` over web-llm's MLCEngine, plus web-llm's cache helpers. Run it in a worker. */
export class WebLlmEngine implements Engine, ModelCache, ConfigurableEngine {
  readonly kind = "webllm";
  private readonly scheduler: Scheduler;
  private readonly createCore: (config: MLCEngineConfig) => WebLlmCore;
  private core: WebLlmCore | null = null;
  private appConfig: AppConfig = prebuiltAppConfig;
  private customIds = new Set<string>();
  private loadedIds: string[] = [];
  private readonly jobs = new Set<ChatJob>();

  constructor(options: WebLlmEngineOptions = {}) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.createCore = options.createCore ?? ((config) => new MLCEngine(config));
    this.setAppConfig(options);
  }

  /** Use this cache backend and these custom models (added to web-llm's prebuilt list). */
  setAppConfig(config: EngineAppConfig): void {
    const custom = config.customModels ?? [];
    this.customIds = new Set(custom.map((m) => m.model_id));
    const prebuilt = prebuiltAppConfig.model_list.filter((m) => !this.customIds.has(m.model_id));
    this.appConfig = {
      ...prebuiltAppConfig,
      model_list: [...prebuilt, ...custom.map(toModelRecord)],
      cacheBackend: config.cacheBackend ?? "cache",
    };
    this.core?.setAppConfig(this.appConfig);
  }

  /** Every model web-llm can load here, from its prebuilt list and the custom records. */
  listModels(): EngineModelInfo[] {
    return this.appConfig.model_list.map((record) => this.modelInfo(record));
  }

  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    const { onProgress, signal } = options;
    const known = new Set(this.appConfig.model_list.map((m) => m.model_id));
    const missing = modelIds.find((id) => !known.has(id));
    if (missing !== undefined) {
      throw new PolymathError("model-not-found", `web-llm has no model record for ${missing}.`, {
        details: { modelId: missing },
      });
    }
    if (signal?.aborted) throw cancelledError();
    const core = this.getCore();
    const started = this.scheduler.now();
    const tracker = createProgressTracker(modelIds, () => this.scheduler.now() - started);
    core.setInitProgressCallback((report) => onProgress?.(tracker.report(report)));
    this.loadedIds = [];
    let onAbort = (): void => {};
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => {
        void core.unload().catch(() => {});
        reject(cancelledError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    const reload = core.reload(modelIds);
    reload.catch(() => {}); // a cancelled reload may still settle later; its outcome is moot
    try {
      await Promise.race([reload, cancelled]);
    } catch (e) {
      if (signal?.aborted) {
        onProgress?.({
          modelId: tracker.current(),
          phase: "cancelled",
          fraction: 0,
          text: "Loading cancelled.",
          elapsedMs: this.scheduler.now() - started,
        });
        throw cancelledError();
      }
      throw this.translate(e, tracker.current());
    } finally {
      signal?.removeEventListener("abort", onAbort);
      core.setInitProgressCallback(undefined);
    }
    // web-llm resolves an aborted reload quietly; report it as the cancel it was.
    if (signal?.aborted) throw cancelledError();
    this.loadedIds = [...modelIds];
  }

  loaded(): string[] {
    return [...this.loadedIds];
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const { modelId } = request;
    const core = this.core;
    if (core === null || !this.loadedIds.includes(modelId)) {
      throw new PolymathError("model-not-loaded", `${modelId} is not loaded.`, {
        details: { modelId },
      });
    }
    const started = this.scheduler.now();
    const job: ChatJob = { stopRequested: options.signal?.aborted ?? false };
    const splitter = createThinkSplitter();
    let text = "";
    let reasoning = "";
    let firstChunkMs: number | null = null;
    let deltas = 0;
    let finish: FinishReason = "stop";
    let usage: OpenAiStyleUsage | undefined;
    const deliver = (chunks: StreamChunk[]): void => {
      for (const chunk of chunks) {
        if (chunk.reasoning) reasoning += chunk.delta;
        else text += chunk.delta;
        options.onChunk(chunk);
      }
    };
    const receive = (chunk: ChatCompletionChunk): void => {
      const choice = chunk.choices[0];
      const content = choice?.delta.content;
      if (content) {
        firstChunkMs ??= this.scheduler.now() - started;
        deltas++;
        deliver(splitter.push(content));
      }
      if (choice?.finish_reason)
        finish = choice.finish_reason === "tool_calls" ? "stop" : choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
      // web-llm clears its interrupt flag when generation starts, so a stop that came earlier is repeated.
      if (job.stopRequested) void core.interruptGenerate();
    };
    const stop = (): void => {
      job.stopRequested = true;
      void core.interruptGenerate();
    };
    const measured = () =>
      measuredUsage({
        promptTokens: usage?.prompt_tokens ?? 0,
        completionTokens: usage?.completion_tokens ?? deltas,
        firstChunkMs,
        totalMs: this.scheduler.now() - started,
      });
    if (job.stopRequested) {
      return { text, reasoning, finishReason: "abort", usage: measured() };
    }
    options.signal?.addEventListener("abort", stop, { once: true });
    this.jobs.add(job);
    try {
      const stream = await core.chat.completions.create(toWebLlmRequest(request));
      for await (const chunk of stream) receive(chunk);
    } catch (e) {
      throw this.translate(e, modelId);
    } finally {
      this.jobs.delete(job);
      options.signal?.removeEventListener("abort", stop);
    }
    deliver(splitter.flush());
    return {
      text,
      reasoning,
      finishReason: job.stopRequested ? "abort" : finish,
      usage: usage ? usageFromOpenAi(usage, measured()) : measured(),
    };
  }

  async interrupt(): Promise<void> {
    for (const job of this.jobs) job.stopRequested = true;
    await this.core?.interruptGenerate();
  }

  /**
   * web-llm can only unload everything. Unloading some of several loaded models therefore
   * unloads all and reloads the others (from the cache, without progress reports).
   */
  async unload(modelIds?: string[]): Promise<void> {
    const core = this.core;
    if (core === null) return;
    const keep =
      modelIds === undefined ? [] : this.loadedIds.filter((id) => !modelIds.includes(id));
    if (keep.length === this.loadedIds.length && modelIds !== undefined) return;
    await this.interrupt();
    try {
      await core.unload();
      this.loadedIds = [];
      if (keep.length > 0) {
        await core.reload(keep);
        this.loadedIds = keep;
      }
    } catch (e) {
      throw this.translate(e, keep[0]);
    }
  }

  /** True when web-llm's cache holds this model's weights. */
  /** Those of `modelIds` whose weights, config and library are all cached. */
  cachedModelIds(modelIds: string[]): Promise<string[]> {
    return cachedAmong(modelIds, (id) => this.hasModelInCache(id));
  }

  /** Delete everything web-llm cached for a model. */
  deleteModel(modelId: string): Promise<void> {
    return this.deleteModelAllInfoInCache(modelId);
  }

  hasModelInCache(modelId: string): Promise<boolean> {
    return this.cacheOp(modelId, () => hasModelInCache(modelId, this.appConfig));
  }

  /** Delete weights, config and library of a model from web-llm's cache. */
  deleteModelAllInfoInCache(modelId: string): Promise<void> {
    return this.cacheOp(modelId, () => deleteModelAllInfoInCache(modelId, this.appConfig));
  }

  /** Delete only the weights of a model from web-llm's cache. */
  deleteModelInCache(modelId: string): Promise<void> {
    return this.cacheOp(modelId, () => deleteModelInCache(modelId, this.appConfig));
  }

  /** Delete only the mlc-chat-config of a model from web-llm's cache. */
  deleteChatConfigInCache(modelId: string): Promise<void> {
    return this.cacheOp(modelId, () => deleteChatConfigInCache(modelId, this.appConfig));
  }

  /** Delete only the model library (.wasm) of a model from web-llm's cache. */
  deleteModelWasmInCache(modelId: string): Promise<void> {
    return this.cacheOp(modelId, () => deleteModelWasmInCache(modelId, this.appConfig));
  }

  private async cacheOp<T>(modelId: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      throw this.translate(e, modelId);
    }
  }

  private getCore(): WebLlmCore {
    this.core ??= this.createCore({ appConfig: this.appConfig });
    return this.core;
  }

  private translate(e: unknown, modelId: string | undefined): PolymathError {
    return translateWebLlmError(e, {
      webllmVersion: WEBLLM_VERSION,
      ...(modelId === undefined ? {} : { modelId }),
    });
  }

  private modelInfo(record: ModelRecord): EngineModelInfo {
    const info: EngineModelInfo = {
      id: record.model_id,
      url: record.model,
      lib: record.model_lib,
      type:
        record.model_type === ModelType.embedding
          ? "embedding"
          : record.model_type === ModelType.VLM
            ? "vlm"
            : "llm",
      requiredFeatures: [...(record.required_features ?? [])],
      custom: this.customIds.has(record.model_id),
    };
    if (record.vram_required_MB !== undefined) info.vramRequiredMB = record.vram_required_MB;
    if (record.low_resource_required !== undefined) {
      info.lowResourceRequired = record.low_resource_required;
    }
    const contextWindow = record.overrides?.context_window_size;
    if (contextWindow !== undefined) info.contextWindowSize = contextWindow;
    return info;
  }
}

function cancelledError(): PolymathError {
  return new PolymathError("download-cancelled", "Loading was cancelled.");
}

/**
 * The catalog's record as web-llm takes it. Every f16 model needs shader-f16 (web-llm lists it on
 * only some), so a custom f16 model fails with web-llm's clear feature error, not a shader error.
 */
function toModelRecord(custom: CatalogRecord): ModelRecord {
  const record: ModelRecord = {
    model: custom.model,
    model_id: custom.model_id,
    model_lib: custom.model_lib,
  };
  if (custom.vram_required_MB !== undefined) record.vram_required_MB = custom.vram_required_MB;
  if (custom.low_resource_required !== undefined) {
    record.low_resource_required = custom.low_resource_required;
  }
  if (custom.buffer_size_required_bytes !== undefined) {
    record.buffer_size_required_bytes = custom.buffer_size_required_bytes;
  }
  if (custom.model_type !== undefined) record.model_type = custom.model_type;
  const features = new Set(custom.required_features ?? []);
  const quant = parseQuant(custom.model_id) ?? parseQuant(custom.model_lib);
  if (quant?.dtype === "f16") features.add("shader-f16");
  if (features.size > 0) record.required_features = [...features];
  if (custom.overrides) record.overrides = { ...custom.overrides };
  return record;
}

/** Polymath's request in web-llm's OpenAI-style shape; unset settings are left out (model defaults). */
export function toWebLlmRequest(request: ChatRequest): ChatCompletionRequestStreaming {
  const { params } = request;
  const messages: ChatCompletionMessageParam[] = request.messages.map((m) =>
    m.role === "system"
      ? { role: "system", content: m.content }
      : m.role === "user"
        ? { role: "user", content: m.content }
        : { role: "assistant", content: m.content },
  );
  const body: ChatCompletionRequestStreaming = {
    stream: true,
    stream_options: { include_usage: true },
    model: request.modelId,
    messages,
  };
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.top_p !== undefined) body.top_p = params.top_p;
  if (params.max_tokens !== undefined) body.max_tokens = params.max_tokens;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.stop !== undefined && params.stop.length > 0) body.stop = [...params.stop];
  if (params.enable_thinking !== undefined) {
    body.extra_body = { enable_thinking: params.enable_thinking };
  }
  return body;
}
