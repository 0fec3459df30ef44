/**
 * The main thread's side of a worker with a typed call map: it owns the connection, gives each
 * call an id and a promise, forwards the events a call streams (progress, chunks) to it, cancels a
 * call when its signal aborts, and after a crash fails every pending call and starts a fresh
 * worker on the next call. The engine and scoring clients are both built on it.
 */
import { PolymathError } from "../core/errors";
import type { SerializedError } from "../core/errors";

/** A call map: each call's request fields and the value its result holds. */
export type CallMap<Calls> = { [K in keyof Calls]: { args: object; result: unknown } };

/** Events every worker of this kind sends: a call's result or error, keyed by the call's id. */
export type CallEvent =
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: SerializedError };

/** A connection to one worker. */
export interface WorkerPort<Request> {
  post(request: Request): void;
  terminate(): void;
}

export interface WorkerPortHandlers<Event> {
  onEvent(event: Event): void;
  /** The worker died or could not start; `reason` is for the error message. */
  onCrash(reason: string): void;
}

export type WorkerPortFactory<Request, Event> = (
  handlers: WorkerPortHandlers<Event>,
) => WorkerPort<Request>;

/** Connect a started `Worker` to `handlers` (`label` names it in crash messages). */
export function connectWorker<Request, Event>(
  worker: Worker,
  handlers: WorkerPortHandlers<Event>,
  label: string,
): WorkerPort<Request> {
  worker.onmessage = (event: MessageEvent<Event>) => handlers.onEvent(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onCrash(event.message || `the ${label} failed`);
  };
  worker.onmessageerror = () => handlers.onCrash(`a message from the ${label} was unreadable`);
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
}

interface Pending<Event> {
  resolve(value: unknown): void;
  reject(error: PolymathError): void;
  onEvent?: (event: Event) => void;
}

export interface WorkerClientOptions<Request, Event> {
  createPort: WorkerPortFactory<Request, Event>;
  /** The error pending calls fail with when the worker crashes. */
  crashError: (reason: string) => PolymathError;
  /** Events that belong to no call (`ready`, requests from the worker); `port` is the sender. */
  onOtherEvent?: (event: Event, port: WorkerPort<Request>) => void;
  /** Errors after which the worker is unusable: the rest fail too and the next call restarts it. */
  isFatal?: (error: PolymathError) => boolean;
  /** Called with each new port before any call is posted (to replay settings). */
  onStart?: (port: WorkerPort<Request>, nextId: () => number) => void;
}

type EventOf = { type: string; id?: number };

export class WorkerClient<
  Calls extends CallMap<Calls>,
  Request extends { id?: number; type: string },
  Event extends EventOf,
> {
  readonly #options: WorkerClientOptions<Request, Event>;
  #port: WorkerPort<Request> | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending<Event>>();

  constructor(options: WorkerClientOptions<Request, Event>) {
    this.#options = options;
  }

  /** True while a worker is running. */
  get started(): boolean {
    return this.#port !== null;
  }

  /** Start the worker now (a no-op when it runs). */
  start(): WorkerPort<Request> {
    return this.#ensurePort();
  }

  /**
   * Post call `type` and resolve with its result. `onEvent` gets the call's other events
   * (progress, chunks). When `signal` aborts, a `cancel` request names the call.
   */
  call<K extends keyof Calls & string>(
    type: K,
    args: Calls[K]["args"],
    onEvent?: (event: Event) => void,
    signal?: AbortSignal,
  ): Promise<Calls[K]["result"]> {
    const port = this.#ensurePort();
    const id = this.#nextId++;
    return new Promise<Calls[K]["result"]>((resolve, reject) => {
      const cancel = (): void => {
        if (this.#pending.has(id)) {
          // Every call map here has `cancel: { target }`; the request union is the caller's.
          this.#port?.post({
            id: this.#nextId++,
            type: "cancel",
            target: id,
          } as unknown as Request);
        }
      };
      const done = (): void => signal?.removeEventListener("abort", cancel);
      this.#pending.set(id, {
        // The worker answers request `id` with the result type of call `type`.
        resolve: (value) => {
          done();
          resolve(value as Calls[K]["result"]);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        ...(onEvent ? { onEvent } : {}),
      });
      port.post({ id, type, ...args } as unknown as Request);
      if (signal?.aborted) cancel();
      else signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  /** Stop the worker; pending calls reject with `error`. The next call starts a new one. */
  stop(error: PolymathError): void {
    const port = this.#port;
    this.#port = null;
    port?.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }

  #ensurePort(): WorkerPort<Request> {
    if (this.#port) return this.#port;
    const port: WorkerPort<Request> = this.#options.createPort({
      onEvent: (event) => {
        if (this.#port === port) this.#onEvent(port, event);
      },
      onCrash: (reason) => {
        if (this.#port === port) this.stop(this.#options.crashError(reason));
      },
    });
    this.#port = port;
    this.#options.onStart?.(port, () => this.#nextId++);
    return port;
  }

  #onEvent(port: WorkerPort<Request>, event: Event): void {
    const pending = event.id === undefined ? undefined : this.#pending.get(event.id);
    if (pending === undefined || event.id === undefined) {
      this.#options.onOtherEvent?.(event, port);
      return;
    }
    if (event.type !== "result" && event.type !== "error") {
      pending.onEvent?.(event);
      return;
    }
    this.#pending.delete(event.id);
    const settled = event as unknown as CallEvent;
    if (settled.type === "result") {
      pending.resolve(settled.value);
      return;
    }
    const error = PolymathError.fromJSON(settled.error);
    // Fail the rest too: the worker's engine is gone. The next call starts a new worker.
    if (this.#options.isFatal?.(error)) this.stop(error);
    pending.reject(error);
  }
}
