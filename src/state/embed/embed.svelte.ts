/**
 * The embed page's state: a recording to replay (from a URL or a share link), the answers of its
 * models to the prompt asked (by a button or by the host page over postMessage), and the "run
 * live" offer, which loads nothing until the visitor confirms it.
 */
import type { EmbedParams } from "../../core/embed/embed-params";
import type { EmbedEvent } from "../../core/embed/protocol";
import { readHostMessage } from "../../core/embed/protocol";
import type { Recording } from "../../core/engine/replay/recording";
import type { Engine } from "../../core/engine/types";
import type { PolymathError } from "../../core/errors";

export interface EmbedDeps {
  params: EmbedParams;
  /** The recording the parameters name (fetched or decoded), or null when they name none. */
  recording(): Promise<Recording | null>;
  /** A replay engine over the recording at the chosen pace. */
  replay(recording: Recording): Promise<Engine>;
  toError(e: unknown): Promise<PolymathError>;
  /** Tell the host page (allowed origins only). */
  post(event: EmbedEvent): void;
}

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
  /** The visitor asked to run live: the size is shown and a second click is needed. */
  liveOffered = $state(false);

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

  /** Load the recording the URL names and tell the host the embed is ready. */
  async start(): Promise<void> {
    try {
      this.recording = await this.#deps.recording();
    } catch (e) {
      this.error = await this.#deps.toError(e);
    }
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

  /** Replay every model's recorded answer to `prompt`, streaming to the page and the host. */
  async ask(prompt: string, id = `page-${++this.#asked}`): Promise<void> {
    const recording = this.recording;
    if (!recording || this.running) return;
    this.running = true;
    this.prompt = prompt;
    this.error = null;
    const models = recording.models.map((m) => m.id);
    this.answers = models.map((modelId) => ({ modelId, text: "", done: false }));
    try {
      this.#engine ??= await this.#deps.replay(recording);
      await this.#engine.load(models);
      const params = recording.entries[0]?.request.params ?? {};
      await Promise.all(
        models.map(async (modelId, i) => {
          try {
            const result = await this.#engine!.chat(
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
        }),
      );
    } finally {
      this.running = false;
    }
  }

  /** Approximate download of a live run: the recording's model sizes, when it states them. */
  get liveDownloadMB(): number | null {
    const sizes = this.recording?.models.map((m) => m.vramMB);
    if (!sizes?.length || sizes.some((s) => s === undefined)) return null;
    return sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  }
}
