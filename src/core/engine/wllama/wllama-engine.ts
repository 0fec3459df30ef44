/**
 * `Engine` over wllama (llama.cpp compiled to WebAssembly): models run on the CPU, in a worker
 * wllama starts per model. One `WllamaCore` holds one model, so loading several keeps several
 * instances; whether they fit together is the caller's planner's job (see `cpu-fit.ts`).
 *
 * Cancelling a load aborts the download and stops the instance's worker; a cancelled or failed
 * model leaves nothing behind. Stopping a chat aborts wllama's stream, which frees llama.cpp's
 * slot; the answer so far comes back with finish reason "abort".
 */
import { PolymathError } from "../../errors";
import { systemScheduler, type Scheduler } from "../scheduler";
import { createThinkSplitter } from "../think-splitter";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  FinishReason,
  LoadOptions,
  LoadPhase,
  StreamChunk,
  StreamOptions,
} from "../types";
import { measuredUsage } from "../usage";
import { translateWllamaError } from "./errors-wllama";
import type { WllamaChunk, WllamaCore } from "./wllama-core";
import {
  finishReasonOf,
  toWllamaRequest,
  usageFromWllama,
  type WllamaReport,
} from "./wllama-request";

/**
 * Where a model's GGUF comes from: a URL (the first part of a split model; it must end in
 * `.gguf`), fetched into wllama's cache, or files in hand.
 */
export type WllamaModelSource = { url: string } | { files: Blob[] };

export interface WllamaModelSpec {
  source: WllamaModelSource;
  /** Context to allocate, tokens (default 2048); its KV cache costs memory up front. */
  nCtx?: number;
}

export interface WllamaEngineOptions {
  /** Makes one wllama instance (one per model). */
  createCore: () => Promise<WllamaCore>;
  /** The GGUF behind a model id; undefined for ids this engine cannot load. */
  resolveModel: (modelId: string) => WllamaModelSpec | undefined;
  /** llama.cpp threads per model (see `planThreads`); 1 by default. */
  threads?: number;
  /** Layers offloaded to WebGPU; 0 (the default) keeps the model on the CPU. */
  gpuLayers?: number;
  scheduler?: Scheduler;
}

/** How a loaded model runs, for the Device view and reports. */
export interface WllamaRuntimeInfo {
  threads: number;
  multiThread: boolean;
  nCtx: number;
  /** False when the GGUF has no chat template (llama.cpp then falls back to ChatML). */
  hasChatTemplate: boolean;
}

interface Instance {
  core: WllamaCore;
  info: WllamaRuntimeInfo;
}

interface ChatJob {
  modelId: string;
  controller: AbortController;
}

export const DEFAULT_CONTEXT = 2048;

export class WllamaEngine implements Engine {
  readonly kind = "wllama";
  private readonly scheduler: Scheduler;
  private readonly instances = new Map<string, Instance>();
  private readonly jobs = new Set<ChatJob>();
  private readonly threads: number;
  private readonly gpuLayers: number;

  constructor(private readonly options: WllamaEngineOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.threads = Math.max(1, Math.floor(options.threads ?? 1));
    this.gpuLayers = Math.max(0, Math.floor(options.gpuLayers ?? 0));
  }

  /** The loaded set becomes exactly `modelIds`: others are unloaded, loaded ones are kept. */
  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    const specs = modelIds.map((id) => {
      const spec = this.options.resolveModel(id);
      if (spec === undefined) {
        throw new PolymathError("model-not-found", `No GGUF model is known as ${id}.`, {
          details: { modelId: id },
        });
      }
      return [id, spec] as const;
    });
    if (options.signal?.aborted) throw cancelledError();
    await this.unload(this.loaded().filter((id) => !modelIds.includes(id)));
    for (const [id, spec] of specs) {
      if (!this.instances.has(id)) await this.loadOne(id, spec, options);
    }
  }

  loaded(): string[] {
    return [...this.instances.keys()];
  }

  /** Threads, context and template of a loaded model. */
  runtimeInfo(modelId: string): WllamaRuntimeInfo | undefined {
    const info = this.instances.get(modelId)?.info;
    return info && { ...info };
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const { modelId } = request;
    const instance = this.instances.get(modelId);
    if (instance === undefined) {
      throw new PolymathError("model-not-loaded", `${modelId} is not loaded.`, {
        details: { modelId },
      });
    }
    const started = this.scheduler.now();
    const job: ChatJob = { modelId, controller: new AbortController() };
    const stop = (): void => job.controller.abort();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    this.jobs.add(job);

    const splitter = createThinkSplitter();
    let text = "";
    let reasoning = "";
    let firstChunkMs: number | null = null;
    let deltas = 0;
    let finish: FinishReason = "stop";
    const report: WllamaReport = {};
    const deliver = (chunks: StreamChunk[]): void => {
      for (const chunk of chunks) {
        if (chunk.reasoning) reasoning += chunk.delta;
        else text += chunk.delta;
        options.onChunk(chunk);
      }
    };
    const receive = (chunk: WllamaChunk): void => {
      const choice = chunk.choices[0];
      const thought = choice?.delta.reasoning_content;
      const content = choice?.delta.content;
      if (thought || content) {
        firstChunkMs ??= this.scheduler.now() - started;
        deltas++;
      }
      if (thought) deliver([{ delta: thought, reasoning: true }]);
      if (content) deliver(splitter.push(content));
      finish = finishReasonOf(choice?.finish_reason) ?? finish;
      if (chunk.usage) report.usage = chunk.usage;
      if (chunk.timings) report.timings = chunk.timings;
    };
    try {
      if (!job.controller.signal.aborted) {
        const stream = await instance.core.createChatCompletion({
          ...toWllamaRequest(request),
          abortSignal: job.controller.signal,
        });
        for await (const chunk of stream) receive(chunk);
      }
    } catch (e) {
      if (!job.controller.signal.aborted) throw translateWllamaError(e, { modelId });
    } finally {
      this.jobs.delete(job);
      options.signal?.removeEventListener("abort", stop);
    }
    deliver(splitter.flush());
    const measured = measuredUsage({
      promptTokens: 0,
      completionTokens: deltas,
      firstChunkMs,
      totalMs: this.scheduler.now() - started,
    });
    const aborted = job.controller.signal.aborted;
    return {
      text,
      reasoning,
      finishReason: aborted ? "abort" : finish,
      // An aborted stream ends before llama.cpp's report; count what was delivered.
      usage: aborted ? measured : usageFromWllama(report, measured),
    };
  }

  async interrupt(): Promise<void> {
    for (const job of this.jobs) job.controller.abort();
  }

  async unload(modelIds?: string[]): Promise<void> {
    const gone = modelIds ?? this.loaded();
    for (const job of this.jobs) if (gone.includes(job.modelId)) job.controller.abort();
    const exits: Promise<void>[] = [];
    for (const id of gone) {
      const instance = this.instances.get(id);
      if (instance === undefined) continue;
      this.instances.delete(id);
      exits.push(instance.core.exit());
    }
    const failed = (await Promise.allSettled(exits)).find((r) => r.status === "rejected");
    if (failed) throw translateWllamaError(failed.reason);
  }

  private async loadOne(
    modelId: string,
    spec: WllamaModelSpec,
    { onProgress, signal }: LoadOptions,
  ): Promise<void> {
    const started = this.scheduler.now();
    const emit = (phase: LoadPhase, fraction: number, text: string, bytes?: number[]) => {
      const [loadedBytes, totalBytes] = bytes ?? [];
      onProgress?.({
        modelId,
        phase,
        fraction,
        text,
        elapsedMs: this.scheduler.now() - started,
        ...(loadedBytes === undefined ? {} : { loadedBytes }),
        ...(totalBytes === undefined ? {} : { totalBytes }),
      });
    };
    const nCtx = spec.nCtx ?? DEFAULT_CONTEXT;
    const { source } = spec;
    const threads = `${this.threads} thread${this.threads === 1 ? "" : "s"}`;
    let core: WllamaCore | undefined;
    let onAbort = (): void => {};
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => reject(cancelledError());
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    cancelled.catch(() => {});
    /** Wait for `step`, or reject at once on cancel (the step's own outcome is then moot). */
    const step = async <T>(work: Promise<T>): Promise<T> => {
      work.catch(() => {});
      const value = await Promise.race([work, cancelled]);
      if (signal?.aborted) throw cancelledError();
      return value;
    };
    try {
      core = await step(this.options.createCore());
      let files: Blob[];
      if ("url" in source) {
        emit("fetching", 0, "Fetching the model (or reading it from the cache).");
        const fetching = core.fetchModel(source.url, {
          ...(signal ? { signal } : {}),
          progressCallback: ({ loaded, total }) => {
            const fraction = total > 0 ? Math.min(1, loaded / total) : 0;
            const mb = (n: number) => (n / 1e6).toFixed(1);
            const text = `Downloading ${mb(loaded)} of ${mb(total)} MB.`;
            emit("fetching", fraction, text, [loaded, total]);
          },
        });
        files = await step(fetching);
      } else {
        files = source.files;
      }
      emit("loading", 0, `Starting llama.cpp (${threads}, ${nCtx}-token context).`);
      const params = { n_ctx: nCtx, n_threads: this.threads, n_gpu_layers: this.gpuLayers };
      await step(core.loadModel(files, params));
    } catch (e) {
      await core?.exit().catch(() => {});
      if (signal?.aborted) {
        emit("cancelled", 0, "Loading cancelled.");
        throw cancelledError();
      }
      emit("error", 0, "Loading failed.");
      throw translateWllamaError(e, { modelId, ...("url" in source ? { url: source.url } : {}) });
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    const info: WllamaRuntimeInfo = {
      threads: core.getNumThreads(),
      multiThread: core.isMultithread(),
      nCtx,
      hasChatTemplate: core.getChatTemplate() !== null,
    };
    this.instances.set(modelId, { core, info });
    const where = this.gpuLayers > 0 ? "Ready" : "Ready on the CPU";
    emit("ready", 1, `${where} (${info.threads} thread${info.threads === 1 ? "" : "s"}).`);
  }
}

function cancelledError(): PolymathError {
  return new PolymathError("download-cancelled", "Loading was cancelled.");
}
