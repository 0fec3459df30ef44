/**
 * The recording file being replayed and its pace, shared by the views that replay (Chat, Compare):
 * the engine holds the recording, this remembers which file it came from and how fast to play it.
 * A file that does not parse changes nothing.
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import { parseRecording, type Recording } from "../../core/engine/replay/recording";
import type { ReplayOptions } from "../../core/engine/replay/replay-engine";
import { app } from "../app.svelte";

export type ReplayPace = "recorded" | "double" | "fastest" | "tps";

/** The part of `EngineState` replay needs. */
export interface ReplayTarget {
  readonly mode: "webllm" | "replay";
  readonly recording: Recording | null;
  useRecording(recording: Recording, options?: ReplayOptions): Promise<void>;
  useWebLlm(): void;
}

/** Something with a name and text: a `File` in the app. */
export interface NamedText {
  name: string;
  text(): Promise<string>;
}

export class ReplayFile {
  #target: ReplayTarget;
  #recording = $state.raw<Recording | null>(null);
  fileName = $state<string | null>(null);
  pace = $state<ReplayPace>("recorded");
  tokensPerSecond = $state(20);
  /** Why the last file or pace was refused. */
  error = $state<PolymathError | null>(null);
  /** True while the engine replays the file loaded here. */
  active = $derived.by(
    () =>
      this.#recording !== null &&
      this.#target.mode === "replay" &&
      this.#target.recording === this.#recording,
  );
  /** "file.json" or "file.json (test fixture)", for badges and saved answers. */
  label = $derived(
    this.active && this.fileName
      ? `${this.fileName}${this.#recording?.fixture ? " (test fixture)" : ""}`
      : null,
  );
  recording = $derived(this.active ? this.#recording : null);

  constructor(target: ReplayTarget) {
    this.#target = target;
  }

  /** The replay engine options for the chosen pace. */
  options(): ReplayOptions {
    switch (this.pace) {
      case "double":
        return { speed: 2 };
      case "fastest":
        return { speed: Infinity };
      case "tps":
        return { tokensPerSecond: this.tokensPerSecond };
      default:
        return { speed: 1 };
    }
  }

  /** Parse `file` and replay it; false (and `error` set) when it is not a usable recording. */
  async load(file: NamedText): Promise<boolean> {
    try {
      const recording = parseRecording(await file.text());
      await this.#target.useRecording(recording, this.#checkedOptions());
      this.#recording = recording;
      this.fileName = file.name;
      this.error = null;
      return true;
    } catch (e) {
      this.error = toPolymathError(e, "malformed-input");
      return false;
    }
  }

  /** Change the pace; applies at once to a recording being replayed. */
  async setPace(pace: ReplayPace, tokensPerSecond = this.tokensPerSecond): Promise<void> {
    this.pace = pace;
    this.tokensPerSecond = tokensPerSecond;
    try {
      const options = this.#checkedOptions();
      this.error = null;
      if (this.active && this.#recording) await this.#target.useRecording(this.#recording, options);
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** Back to real models on this GPU. */
  back(): void {
    this.#target.useWebLlm();
    this.#recording = null;
    this.fileName = null;
    this.error = null;
  }

  #checkedOptions(): ReplayOptions {
    const options = this.options();
    const tps = options.tokensPerSecond;
    if (tps !== undefined && !(Number.isFinite(tps) && tps > 0)) {
      throw new PolymathError("invalid-request", "Tokens per second must be a number above 0.", {
        advice: "Type a rate such as 20 or 40, or pick another pace.",
      });
    }
    return options;
  }
}

/** The app's one replay file, over the shared engine. */
export const replayFile = new ReplayFile(app.engine);
