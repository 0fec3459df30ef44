/**
 * The Embed dialog's state: which result it embeds (a comparison's export or the recording being
 * replayed, carried in the URL fragment when it fits, else a hosted file's address), the host
 * origins allowed to talk to the embed, the pace, and the `<iframe>` snippet they make.
 */
import type { EmbedSpeed } from "../../core/embed/embed-params";
import { embedSnippet, embedUrl, readOriginsField } from "../../core/embed/embed-snippet";
import type { Recording } from "../../core/engine/replay/recording";

/** A result to embed: the recording and its file, for download when it is too big for a link. */
export interface EmbedSource {
  recording: Recording;
  fileName: string;
  text: string;
}

export interface EmbedDialogDeps {
  /** The embed page's absolute address. */
  page: string;
  /** The share payload for a recording, or null when it is too big for a link. */
  encode(recording: Recording): Promise<string | null>;
  copy(text: string): Promise<void>;
  download(fileName: string, text: string): void;
}

export class EmbedDialogState {
  #deps: EmbedDialogDeps;
  source = $state.raw<EmbedSource | null>(null);
  /** The fragment payload, or null when the recording is too big (then a hosted URL is needed). */
  payload = $state<string | null>(null);
  open = $state(false);
  recordingUrl = $state("");
  originsText = $state("");
  speed = $state<EmbedSpeed>("1");
  /** What the last Copy did, for a status line. */
  copyStatus = $state("");
  origins = $derived(readOriginsField(this.originsText));
  /** Why the hosted recording's address cannot be used, or "". */
  recordingUrlProblem = $derived.by(() => {
    const text = this.recordingUrl.trim();
    if (!text) return "";
    try {
      // Read once for its protocol: nothing reactive holds it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const url = new URL(text);
      return url.protocol === "https:" || url.protocol === "http:"
        ? ""
        : "The recording's address must start with https:// (or http:// on this machine).";
    } catch {
      return "That is not a full address (https://…).";
    }
  });
  /** The embed page's URL, or null until it can name the result. */
  url = $derived.by(() => {
    const recordingUrl = this.recordingUrlProblem ? "" : this.recordingUrl.trim();
    if (!recordingUrl && !this.payload) return null;
    return embedUrl({
      page: this.#deps.page,
      sharePayload: this.payload,
      recordingUrl,
      speed: this.speed,
      origins: this.origins.origins,
    });
  });
  snippet = $derived(this.url ? embedSnippet(this.url) : "");

  constructor(deps: EmbedDialogDeps) {
    this.#deps = deps;
  }

  /** Open the dialog for `source`. */
  async show(source: EmbedSource): Promise<void> {
    this.payload = await this.#deps.encode(source.recording);
    this.source = source;
    this.copyStatus = "";
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  async copy(): Promise<void> {
    if (!this.snippet) return;
    try {
      await this.#deps.copy(this.snippet);
      this.copyStatus = "Copied the snippet.";
    } catch {
      this.copyStatus = "The browser did not allow copying: select the snippet and copy it.";
    }
  }

  /** Save the recording, to host it where the embed can fetch it. */
  download(): void {
    if (this.source) this.#deps.download(this.source.fileName, this.source.text);
  }
}
