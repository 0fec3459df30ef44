/**
 * The recording file being replayed and its pace, shared by the views that replay (Chat, Compare):
 * the engine holds the recording, this remembers which file it came from and how fast to play it.
 * A recording comes from a file or from an address (fetched; its host must allow this page to read
 * it). A file that does not parse, or an address that cannot be read, changes nothing.
 */
import type { Recording } from "../../core/engine/replay/recording";
import type { PolymathError } from "../../core/errors";
import type { ReplayOptions } from "../../core/engine/replay/replay-engine";

export type ReplayPace = "recorded" | "double" | "quadruple" | "fastest" | "tps";

/** The part of `EngineState` replay needs. */
export interface ReplayTarget {
  readonly recording: Recording | null;
  useRecording(recording: Recording, options?: ReplayOptions): Promise<void>;
  stopReplay(): void;
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
    () => this.#recording !== null && this.#target.recording === this.#recording,
  );
  /** "file.json" or "file.json (test fixture)", for badges and saved answers. */
  label = $derived(
    this.active && this.fileName
      ? `${this.fileName}${this.#recording?.fixture ? " (test fixture)" : ""}`
      : null,
  );
  recording = $derived(this.active ? this.#recording : null);

  /** True while a recording is fetched from an address. */
  fetching = $state(false);
  #fetch: typeof fetch;

  constructor(target: ReplayTarget, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
    this.#target = target;
    this.#fetch = fetchImpl;
  }

  /** Fetch the recording at `address` and replay it; false (and `error` set) when it cannot. */
  async loadUrl(address: string): Promise<boolean> {
    const { PolymathError } = await import("../../core/errors");
    let url: URL;
    try {
      // Resolved once for one fetch: nothing reactive reads it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      url = new URL(address.trim());
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
    } catch {
      this.error = new PolymathError("invalid-request", "That is not a recording's address.", {
        advice: "Give its full address, starting with https://.",
      });
      return false;
    }
    this.fetching = true;
    try {
      let response: Response;
      try {
        response = await this.#fetch(url.href);
      } catch (cause) {
        this.error = new PolymathError("network", `${url.host} did not answer.`, {
          cause,
          advice:
            "You may be offline, or its server does not let this page read the file (CORS). " +
            "Download the file and choose it here instead.",
        });
        return false;
      }
      if (!response.ok) {
        this.error = new PolymathError(
          "network",
          `The recording could not be fetched (${response.status}${response.statusText ? ` ${response.statusText}` : ""}).`,
          { advice: "Check the address, or download the file and choose it here instead." },
        );
        return false;
      }
      const name = decodeURIComponent(url.pathname.split("/").pop() || url.host);
      return await this.load({ name, text: () => response.text() });
    } finally {
      this.fetching = false;
    }
  }

  /** The replay engine options for the chosen pace. */
  options(): ReplayOptions {
    switch (this.pace) {
      case "double":
        return { speed: 2 };
      case "quadruple":
        return { speed: 4 };
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
    // The parser and the errors module load with the first file, off the entry chunk.
    const [{ parseRecording }, { toPolymathError }] = await Promise.all([
      import("../../core/engine/replay/recording"),
      import("../../core/errors"),
    ]);
    try {
      const recording = parseRecording(await file.text());
      await this.#target.useRecording(recording, await this.#checkedOptions());
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
    const { toPolymathError } = await import("../../core/errors");
    try {
      const options = await this.#checkedOptions();
      this.error = null;
      if (this.active && this.#recording) await this.#target.useRecording(this.#recording, options);
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** Back to real models on this device. */
  back(): void {
    this.#target.stopReplay();
    this.#recording = null;
    this.fileName = null;
    this.error = null;
  }

  async #checkedOptions(): Promise<ReplayOptions> {
    const options = this.options();
    const tps = options.tokensPerSecond;
    if (tps !== undefined && !(Number.isFinite(tps) && tps > 0)) {
      const { PolymathError } = await import("../../core/errors");
      throw new PolymathError("invalid-request", "Tokens per second must be a number above 0.", {
        advice: "Type a rate such as 20 or 40, or pick another pace.",
      });
    }
    return options;
  }
}
