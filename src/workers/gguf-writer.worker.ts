/**
 * Writes one model file into the origin-private file system with a synchronous access handle
 * (the one OPFS write every browser with OPFS has in a worker) and hashes it as it goes, so the
 * page's thread neither writes nor hashes. Opening hashes what an earlier, cut download saved, so
 * a resumed file is checked whole. Another tab writing the same file holds its handle, and
 * opening fails with NoModificationAllowedError, which the page reports as such.
 */
import { Sha256 } from "../core/hash/sha256";
import type { WriterReply, WriterRequest } from "../platform/gguf-store/writer-protocol";

interface SyncHandle {
  getSize(): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

let access: SyncHandle | null = null;
let hash = new Sha256();
let size = 0;
let dir: FileSystemDirectoryHandle | null = null;

async function syncHandle(name: string): Promise<SyncHandle> {
  if (!dir) throw new Error("The writer is not open.");
  const file = await dir.getFileHandle(name, { create: true });
  return (
    file as unknown as { createSyncAccessHandle(): Promise<SyncHandle> }
  ).createSyncAccessHandle();
}

async function handle(request: WriterRequest): Promise<WriterReply> {
  switch (request.op) {
    case "open": {
      const root = await navigator.storage.getDirectory();
      dir = await root.getDirectoryHandle(request.dir, { create: true });
      access = await syncHandle(request.name);
      size = access.getSize();
      hash = new Sha256();
      const chunk = new Uint8Array(4 * 1024 * 1024);
      for (let at = 0; at < size;) {
        const read = access.read(chunk, { at });
        if (read <= 0) break;
        hash.update(chunk.subarray(0, read));
        at += read;
      }
      return { id: request.id, size };
    }
    case "append": {
      const handle = opened();
      const written = handle.write(request.chunk, { at: size });
      if (written !== request.chunk.length) {
        handle.truncate(size);
        throw Object.assign(new Error("The disk took only part of a write."), {
          name: "QuotaExceededError",
        });
      }
      hash.update(request.chunk);
      size += written;
      return { id: request.id, size };
    }
    case "truncate":
      opened().truncate(0);
      size = 0;
      hash = new Sha256();
      return { id: request.id, size };
    case "flush":
      opened().flush();
      return { id: request.id, size };
    case "digest":
      return { id: request.id, size, digest: hash.clone().hex() };
    case "record": {
      // The record that makes the file count as present; written last, after the checks.
      const record = await syncHandle(request.name);
      try {
        const bytes = new TextEncoder().encode(request.text);
        record.truncate(0);
        record.write(bytes, { at: 0 });
        record.flush();
      } finally {
        record.close();
      }
      return { id: request.id, size };
    }
    case "close":
      access?.flush();
      access?.close();
      access = null;
      return { id: request.id, size };
  }
}

function opened(): SyncHandle {
  if (!access) throw new Error("The writer is not open.");
  return access;
}

// Requests come one at a time (the page awaits each reply), so they never interleave.
self.onmessage = (event: MessageEvent<WriterRequest>) => {
  handle(event.data).then(
    (reply) => self.postMessage(reply),
    (e: unknown) => {
      const error = e instanceof Error ? e : new Error(String(e));
      self.postMessage({
        id: event.data.id,
        size,
        error: { name: error.name, message: error.message },
      } satisfies WriterReply);
    },
  );
};
