/**
 * A `SavedFile` in the origin-private file system, written by its own worker
 * (`workers/gguf-writer.worker.ts`): the page sends chunks and awaits each reply, so writes keep
 * their order and a slow disk slows the download instead of filling memory.
 */
import type { SavedFile } from "../../core/downloads/download-file";
import { PolymathError } from "../../core/errors";
import type { WriterReply, WriterRequest } from "./writer-protocol";

/**
 * The error for a file another download holds open (here or in another tab: OPFS gives one
 * writer at a time); null for any other failure.
 */
export function savedElsewhere(e: unknown): PolymathError | null {
  if (!(e instanceof Error) || e.name !== "NoModificationAllowedError") return null;
  return new PolymathError(
    "storage-unavailable",
    "This model is being saved already (by another download here or in another tab).",
    { advice: "Let that download finish (or cancel it), then try again.", cause: e },
  );
}

type Body<T> = T extends unknown ? Omit<T, "id"> : never;

export class OpfsSavedFile implements SavedFile {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, (reply: WriterReply) => void>();
  #next = 1;
  #size = 0;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<WriterReply>) => {
      const settle = this.#waiting.get(event.data.id);
      this.#waiting.delete(event.data.id);
      settle?.(event.data);
    };
  }

  /** Open (or create) `name` in the folder `dir`, with what an earlier download left. */
  static async open(dir: string, name: string): Promise<OpfsSavedFile> {
    const worker = new Worker(new URL("../../workers/gguf-writer.worker.ts", import.meta.url), {
      type: "module",
      name: "polymath-gguf-writer",
    });
    const file = new OpfsSavedFile(worker);
    try {
      await file.#ask({ op: "open", dir, name });
    } catch (e) {
      worker.terminate();
      throw savedElsewhere(e) ?? e;
    }
    return file;
  }

  get size(): number {
    return this.#size;
  }

  async append(chunk: Uint8Array): Promise<void> {
    // The chunk is not used again here, so its memory moves to the worker when it owns a buffer.
    const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
    const sent = own ? chunk : chunk.slice();
    await this.#ask({ op: "append", chunk: sent }, [sent.buffer as ArrayBuffer]);
  }

  async truncate(): Promise<void> {
    await this.#ask({ op: "truncate" });
  }

  async flush(): Promise<void> {
    await this.#ask({ op: "flush" });
  }

  async digest(): Promise<string> {
    return (await this.#ask({ op: "digest" })).digest ?? "";
  }

  /** Write the record file `name` beside the data. */
  async record(name: string, text: string): Promise<void> {
    await this.#ask({ op: "record", name, text });
  }

  /** Flush, release the file (another tab may open it now) and stop the worker. */
  async close(): Promise<void> {
    try {
      await this.#ask({ op: "close" });
    } finally {
      this.#worker.terminate();
    }
  }

  #ask(request: Body<WriterRequest>, transfer: Transferable[] = []): Promise<WriterReply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (reply) => {
        this.#size = reply.size;
        if (reply.error) {
          reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
        } else {
          resolve(reply);
        }
      });
      this.#worker.onerror = (event) => {
        this.#waiting.delete(id);
        reject(new Error(event.message || "The file writer stopped."));
      };
      this.#worker.postMessage({ ...request, id } as WriterRequest, transfer);
    });
  }
}
