/**
 * One hidden sandboxed frame that runs one program at a time. Its timer is the hard limit: when it
 * fires, the frame is removed (which kills its worker, even mid `while (true) {}`) and the slot is
 * dead; the pool replaces it.
 */
import { PolymathError } from "../../core/errors";
import type { RunOutcome } from "../../core/scoring/types";
import { parseFrameMessage, type RunRequest } from "./protocol";
import { sandboxPageName } from "virtual:sandbox-page";
import { newNonce } from "./nonce";

export interface SlotOptions {
  /** Where the hidden frame is attached. */
  container: HTMLElement;
  /** How long a new frame may take to report ready. */
  startTimeoutMs: number;
}

interface PendingRun {
  id: string;
  resolve: (outcome: RunOutcome) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

let runCounter = 0;

export class SandboxSlot {
  #frame: HTMLIFrameElement | null;
  #ready: Promise<void>;
  #pending: PendingRun | null = null;
  #markReady: () => void = () => {};
  #failStart: (error: PolymathError) => void = () => {};
  #startTimer: ReturnType<typeof setTimeout>;

  constructor(options: SlotOptions) {
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#markReady = resolve;
      this.#failStart = reject;
    });
    this.#ready.catch(() => {}); // surfaced by run()
    const frame = document.createElement("iframe");
    // Set before the document loads: scripts only, opaque origin, no popups or top navigation.
    frame.setAttribute("sandbox", "allow-scripts");
    // A page of its own, loaded by URL: a srcdoc document would inherit the app's CSP.
    frame.src = new URL(sandboxPageName, document.baseURI).href;
    frame.title = "Code sandbox";
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.referrerPolicy = "no-referrer";
    frame.dataset.sandbox = "";
    this.#frame = frame;
    addEventListener("message", this.#onMessage);
    options.container.append(frame);
    this.#startTimer = setTimeout(
      () => this.#fail("The code sandbox did not start in time."),
      options.startTimeoutMs,
    );
  }

  /** False once the frame was removed (timeout, failure or dispose). */
  get alive(): boolean {
    return this.#frame !== null;
  }

  /** Run one program; resolves with its outcome, rejects only when the sandbox itself fails. */
  async run(program: string, timeoutMs: number): Promise<RunOutcome> {
    if (this.#pending) throw new Error("A sandbox slot runs one program at a time.");
    await this.#ready;
    const frame = this.#frame;
    if (!frame?.contentWindow) throw unavailable("The code sandbox was closed.");
    const id = `run-${++runCounter}-${newNonce()}`;
    const startedAt = performance.now();
    // Visible state, not timing: which frames are running a program right now.
    frame.dataset.busy = "";
    return new Promise<RunOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = null;
        this.destroy("The program ran past its time limit.");
        resolve({
          status: "timeout",
          message: `Stopped at the time limit of ${timeoutMs} ms.`,
          durationMs: performance.now() - startedAt,
        });
      }, timeoutMs);
      this.#pending = { id, resolve, reject, timer };
      const request: RunRequest = { type: "run", id, program };
      // An opaque origin cannot be named as a target; the window itself is the address.
      frame.contentWindow?.postMessage(request, "*");
    });
  }

  /** Remove the frame (killing whatever runs in it) and reject a run still in flight. */
  destroy(reason = "The code sandbox was closed."): void {
    clearTimeout(this.#startTimer);
    removeEventListener("message", this.#onMessage);
    this.#frame?.remove();
    this.#frame = null;
    this.#failStart(unavailable(reason));
    const pending = this.#pending;
    this.#pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(new PolymathError("aborted", reason));
    }
  }

  #onMessage = (event: MessageEvent): void => {
    // Only our frame's window may talk to us; the per-run id ties a result to its run.
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.type === "ready") {
      clearTimeout(this.#startTimer);
      this.#markReady();
    } else if (message.type === "fatal") {
      this.#fail(`The code sandbox could not start: ${message.message}`);
    } else if (this.#pending?.id === message.id) {
      const { resolve, timer } = this.#pending;
      clearTimeout(timer);
      this.#pending = null;
      delete this.#frame.dataset.busy;
      resolve(message.outcome);
    }
  };

  #fail(reason: string): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(unavailable(reason));
    }
    this.destroy(reason);
  }
}

function unavailable(message: string): PolymathError {
  return new PolymathError("sandbox-unavailable", message);
}
