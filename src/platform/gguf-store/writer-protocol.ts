/** Messages between the page and `workers/gguf-writer.worker.ts`; one request, one reply. */

export type WriterRequest =
  | { id: number; op: "open"; dir: string; name: string }
  | { id: number; op: "append"; chunk: Uint8Array }
  | { id: number; op: "truncate" }
  | { id: number; op: "flush" }
  | { id: number; op: "digest" }
  /** Write a small text file beside the data (the record that says it is whole). */
  | { id: number; op: "record"; name: string; text: string }
  | { id: number; op: "close" };

export interface WriterReply {
  id: number;
  /** Bytes in the data file after the request. */
  size: number;
  digest?: string;
  error?: { name: string; message: string };
}
