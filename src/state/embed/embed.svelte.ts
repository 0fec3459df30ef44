/**
 * The embed page's state: a recording to replay (from a URL or a share link), the answers of its
 * models to the prompt asked (by a button or by the host page over postMessage), and live runs:
 * the models the URL names (or the recording's) planned for this device, offered with their
 * download size, and run only after the visitor confirms; no model runtime loads before that.
 */
import type { EmbedParams } from "../../core/embed/embed-params";
import type { EmbedEvent } from "../../core/embed/protocol";
import { readHostMessage } from "../../core/embed/protocol";
import { isRemoteModelId } from "../../core/engine/remote/model-id";
import type { Recording } from "../../core/engine/replay/recording";
import type { Engine, LoadProgress, SamplingParams } from "../../core/engine/types";
import type { PolymathError } from "../../core/errors";
import type { LiveRunner } from "../app/embed-live-root";

export interface EmbedDeps {
  params: EmbedParams;
  /** The recording the parameters name (fetched or decoded), or null when they name none. */
  recording(): Promise<Recording | null>;
  /** A replay engine over the recording at the chosen pace. */
  replay(recording: Recording): Promise<Engine>;
  toError(e: unknown): Promise<PolymathError>;
  /** Tell the host page (allowed origins only). */
  post(event: EmbedEvent): void;
  /** Plan `models` for this device (catalog and probe only; no runtime loads). */
  live?(models: string[]): Promise<LiveRunner>;
}

/**
 * Where live runs stand: planning (reading the device), planned (the button), offered (the size
 * shown, waiting for the confirming click), loading (downloading), ready (answers run live).
 */
export type LiveStep = "none" | "planning" | "planned" | "offered" | "loading" | "ready";

/** Live answers in the embed stay short: it is a demo, and a small frame. */
const LIVE_PARAMS: SamplingParams = { max_tokens: 256, temperature: 0.7 };

export interface EmbedAnswer {
  modelId: string;
  text: string;
  done: boolean;
}

export class EmbedState {
  #deps: EmbedDeps;
  #engine: Engine | null = null;
  #asked = 0;
  recording = $state.raw<Recording | null>(null);
  error = $state<PolymathError | null>(null);
  prompt = $state("");
  answers = $state<EmbedAnswer[]>([]);
  running = $state(false);
  live = $state.raw<LiveRunner | null>(null);
  liveStep = $state<LiveStep>("none");
  liveError = $state<PolymathError | null>(null);
  /** Downloads under way, by model. */
  liveProgress = $state<Record<string, LoadProgress>>({});
  #liveEngine: Engine | null = null;

  constructor(deps: EmbedDeps) {
    this.#deps = deps;
  }

  get params(): EmbedParams {
    return this.#deps.params;
  }

  /** The prompts the recording answers (first turns). */
  get prompts(): string[] {
    const r = this.recording;
    if (!r) return this.params.prompts;
    // A local set, built and read at once: nothing reactive.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const seen = new Set<string>();
    for (const e of r.entries) {
      const p = e.request.messages.findLast((m) => m.role === "user")?.content;
      if (p && e.request.messages.filter((m) => m.role === "user").length === 1) seen.add(p);
    }
    return [...seen];
  }

  /**
   * The models a live run would use: those the URL names, else the recording's. Never a remote
   * endpoint's: a host page must not make a visitor's own endpoints (and keys) answer it.
   */
  get liveModels(): string[] {
    const ids = this.params.models.length
      ? this.params.models
      : (this.recording?.models.map((m) => m.id) ?? []);
    return ids.filter((id) => !isRemoteModelId(id));
  }

  /** True when a prompt can be answered now (replayed or live). */
  get canAsk(): boolean {
    return !this.running && (this.liveStep === "ready" || this.recording !== null);
  }

  /** Load the recording the URL names, plan live runs, and tell the host the embed is ready. */
  async start(): Promise<void> {
    try {
      this.recording = await this.#deps.recording();
    } catch (e) {
      this.error = await this.#deps.toError(e);
    }
    void this.#planLive();
    this.#deps.post({
      type: "polymath:ready",
      models: this.recording?.models.map((m) => m.id) ?? this.params.models,
      prompts: this.prompts,
    });
  }

  /** A message from an allowed host: a prompt to answer. */
  onHostMessage(data: unknown): void {
    const message = readHostMessage(data, `host-${++this.#asked}`);
    if (message) void this.ask(message.prompt, message.id);
  }

  async #planLive(): Promise<void> {
    const models = this.liveModels;
    if (!models.length || !this.#deps.live) return;
    this.liveStep = "planning";
    try {
      this.live = await this.#deps.live(models);
      this.liveStep = "planned";
    } catch (e) {
      this.liveError = await this.#deps.toError(e);
      this.liveStep = "none";
    }
  }

  /** First click: state what running live downloads (nothing loads yet). */
  offerLive(): void {
    if (this.liveStep === "planned") this.liveStep = "offered";
  }

  cancelLive(): void {
    if (this.liveStep === "offered") this.liveStep = "planned";
  }

  /** The confirming click: start the runtime the plan needs, download and load the models. */
  async runLive(): Promise<void> {
    const live = this.live;
    if (!live || this.liveStep !== "offered") return;
    this.liveStep = "loading";
    this.liveError = null;
    try {
      this.#liveEngine = await live.start((p) => (this.liveProgress[p.modelId] = p));
      this.liveStep = "ready";
    } catch (e) {
      this.liveError = await this.#deps.toError(e);
      this.liveStep = "offered";
    }
  }

  /** The engine, models and settings that answer now: live once loaded, else the recording. */
  async #source(): Promise<{ engine: Engine; models: string[]; params: SamplingParams } | null> {
    if (this.#liveEngine && this.live) {
      const models = this.live.plan.models.map((m) => m.modelId);
      return { engine: this.#liveEngine, models, params: LIVE_PARAMS };
    }
    const recording = this.recording;
    if (!recording) return null;
    this.#engine ??= await this.#deps.replay(recording);
    const models = recording.models.map((m) => m.id);
    await this.#engine.load(models);
    return { engine: this.#engine, models, params: recording.entries[0]?.request.params ?? {} };
  }

  /** Every model's answer to `prompt` (live or replayed), streaming to the page and the host. */
  async ask(prompt: string, id = `page-${++this.#asked}`): Promise<void> {
    if (!this.canAsk) return;
    this.running = true;
    this.prompt = prompt;
    this.error = null;
    try {
      const source = await this.#source();
      if (!source) return;
      const { engine, models, params } = source;
      this.answers = models.map((modelId) => ({ modelId, text: "", done: false }));
      const answer = async (modelId: string, i: number) => {
        try {
          const result = await engine.chat(
            { modelId, messages: [{ role: "user", content: prompt }], params },
            {
              onChunk: (chunk) => {
                if (chunk.reasoning) return;
                const a = this.answers[i];
                if (a) a.text += chunk.delta;
                this.#deps.post({ type: "polymath:chunk", id, modelId, delta: chunk.delta });
              },
            },
          );
          const a = this.answers[i];
          if (a) Object.assign(a, { text: result.text, done: true });
          this.#deps.post({
            type: "polymath:done",
            id,
            modelId,
            text: result.text,
            usage: result.usage,
          });
        } catch (e) {
          const error = await this.#deps.toError(e);
          this.error = error;
          this.#deps.post({
            type: "polymath:error",
            id,
            code: error.code,
            message: error.message,
          });
        }
      };
      // Live models share this device's memory and processor: one answers at a time.
      if (this.#liveEngine) for (const [i, m] of models.entries()) await answer(m, i);
      else await Promise.all(models.map(answer));
    } catch (e) {
      this.error = await this.#deps.toError(e);
    } finally {
      this.running = false;
    }
  }
}
