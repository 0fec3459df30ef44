/**
 * One `Engine` over several runtimes, picking the runtime per model: a comparison can then mix
 * a replayed column with a live one and its runner never knows. Runtimes start on first use.
 *
 * `load(ids)` keeps the one-engine contract (afterwards exactly `ids` are loaded) where it
 * matters, device memory: models of other memory-using runtimes are unloaded when the new set
 * needs device memory. Replayed models cost nothing, so loading them unloads nothing.
 */
import { PolymathError, toPolymathError } from "../errors";
import { RUNTIME_TRAITS, type RuntimeId } from "./runtime";
import type { ChatRequest, ChatResult, Engine, LoadOptions, StreamOptions } from "./types";

export interface EngineSetOptions {
  /** The runtime that serves a model now. */
  runtimeOf: (modelId: string) => RuntimeId;
  /** Start (or return) a runtime's engine; rejects when this device has none. */
  start: (runtime: RuntimeId) => Promise<Engine>;
}

/**
 * A load where some runtimes failed and others loaded: `byModel` says why each failed model did
 * not load; models it does not name are ready (a replayed column answers beside a failed download).
 */
export class PartialLoadError extends PolymathError {
  constructor(readonly byModel: Readonly<Record<string, PolymathError>>) {
    const first =
      Object.values(byModel)[0] ?? new PolymathError("unknown", "A model did not load.");
    super(first.code, first.message, {
      advice: first.advice,
      details: { ...first.details, failedModels: Object.keys(byModel).join(", ") },
      cause: first,
    });
  }
}

export class EngineSet implements Engine {
  readonly kind = "mixed";
  readonly #options: EngineSetOptions;
  readonly #started = new Map<RuntimeId, Engine>();
  /** Starts under way: concurrent callers share one, so a runtime never starts twice. */
  readonly #starting = new Map<RuntimeId, Promise<Engine>>();

  constructor(options: EngineSetOptions) {
    this.#options = options;
  }

  /** The runtimes started so far, with their engines. */
  started(): ReadonlyMap<RuntimeId, Engine> {
    return this.#started;
  }

  /** Replace a runtime's engine (another recording): the old one's models are gone. */
  replace(runtime: RuntimeId, engine: Engine | null): void {
    if (engine) this.#started.set(runtime, engine);
    else this.#started.delete(runtime);
  }

  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    const groups = this.#group(modelIds);
    const needsMemory = [...groups.keys()].some((r) => RUNTIME_TRAITS[r].usesDeviceMemory);
    if (needsMemory) {
      for (const [runtime, engine] of this.#started) {
        if (groups.has(runtime) || !RUNTIME_TRAITS[runtime].usesDeviceMemory) continue;
        if (engine.loaded().length > 0) await engine.unload();
      }
    }
    // Each runtime loads its own models; one failing leaves the others ready.
    const failed: Record<string, PolymathError> = {};
    for (const [runtime, ids] of groups) {
      if (options.signal?.aborted) break;
      try {
        const engine = await this.#engine(runtime);
        // Reloading what is loaded would fetch and compile it again for nothing.
        if (!sameSet(engine.loaded(), ids)) await engine.load(ids, options);
      } catch (e) {
        if (groups.size === 1) throw e;
        const error = toPolymathError(e);
        for (const id of ids) failed[id] = error;
      }
    }
    if (Object.keys(failed).length > 0) throw new PartialLoadError(failed);
  }

  loaded(): string[] {
    return [...this.#started.values()].flatMap((e) => e.loaded());
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const engine = await this.#engine(this.#options.runtimeOf(request.modelId));
    return engine.chat(request, options);
  }

  async interrupt(): Promise<void> {
    await Promise.all([...this.#started.values()].map((e) => e.interrupt()));
  }

  async unload(modelIds?: string[]): Promise<void> {
    if (modelIds === undefined) {
      await Promise.all([...this.#started.values()].map((e) => e.unload()));
      return;
    }
    for (const [runtime, ids] of this.#group(modelIds)) {
      await this.#started.get(runtime)?.unload(ids);
    }
  }

  /** `modelIds` by runtime, each group in the order given. */
  #group(modelIds: readonly string[]): Map<RuntimeId, string[]> {
    const groups = new Map<RuntimeId, string[]>();
    for (const id of modelIds) {
      const runtime = this.#options.runtimeOf(id);
      groups.set(runtime, [...(groups.get(runtime) ?? []), id]);
    }
    return groups;
  }

  /** A runtime's engine, started on first use (once, whoever asks first). */
  engine(runtime: RuntimeId): Promise<Engine> {
    const running = this.#started.get(runtime);
    if (running) return Promise.resolve(running);
    let starting = this.#starting.get(runtime);
    if (!starting) {
      starting = this.#startOnce(runtime).finally(() => this.#starting.delete(runtime));
      this.#starting.set(runtime, starting);
    }
    return starting;
  }

  #engine(runtime: RuntimeId): Promise<Engine> {
    return this.engine(runtime);
  }

  async #startOnce(runtime: RuntimeId): Promise<Engine> {
    let engine: Engine;
    try {
      engine = await this.#options.start(runtime);
    } catch (e) {
      throw e instanceof PolymathError
        ? e
        : new PolymathError("engine-crashed", `The ${runtime} runtime could not start.`, {
            cause: e,
          });
    }
    // A recording may have been put in its place meanwhile: keep that one.
    const first = this.#started.get(runtime) ?? engine;
    this.#started.set(runtime, first);
    return first;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
