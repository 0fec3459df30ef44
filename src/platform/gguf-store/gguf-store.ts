/**
 * The app's own store of GGUF model files, in the origin-private file system (folder
 * `polymath-models`): each file's bytes under `<key>.gguf` and, written only once they arrived
 * whole and passed the size and hash checks, a record `<key>.json`. Only a file with its record
 * counts as present, so a download cut by a closed tab or a lost connection never loads as a
 * model; its bytes stay, and the next download continues from them (`core/downloads/`).
 *
 * This module does not import wllama: the Models view lists and deletes models through it
 * without starting the CPU runtime.
 */
import { downloadFile, type FileToFetch } from "../../core/downloads/download-file";
import { PolymathError } from "../../core/errors";
import { sha256Hex } from "../../core/hash/sha256";
import { OpfsSavedFile, savedElsewhere } from "./opfs-saved-file";

export const GGUF_DIR = "polymath-models";

/** What a record says of one saved file. */
export interface GgufRecord {
  v: 1;
  url: string;
  /** The URL of the model's first file (the model's identity; split models have several). */
  model: string;
  part: number;
  parts: number;
  name: string;
  bytes: number;
  sha256: string;
  savedAt: string;
}

/** A model whose every file is saved whole. */
export interface SavedGguf {
  url: string;
  bytes: number;
  files: GgufRecord[];
}

export interface GgufDownloadOptions {
  signal?: AbortSignal;
  /** Bytes saved of all files, the total, and how many were saved before this try. */
  onProgress?: (saved: number, total: number, resumedFrom: number) => void;
  fetch?: typeof globalThis.fetch;
}

/** The storage key of a file's URL. */
export function ggufKey(url: string): string {
  return sha256Hex(new TextEncoder().encode(url)).slice(0, 32);
}

function unavailable(e: unknown): PolymathError {
  return new PolymathError("storage-unavailable", "This browser gives the site no file storage.", {
    advice:
      "Models cannot be saved here (a private window often refuses it); use a normal window, or replay a recording.",
    cause: e,
  });
}

async function folder(): Promise<FileSystemDirectoryHandle> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(GGUF_DIR, { create: true });
  } catch (e) {
    throw unavailable(e);
  }
}

type Entries = AsyncIterable<[string, FileSystemHandle]>;

/** Every record in the store whose data file has the size it names. */
async function records(dir: FileSystemDirectoryHandle): Promise<GgufRecord[]> {
  const sizes = new Map<string, number>();
  const texts: string[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): Entries }).entries()) {
    if (handle.kind !== "file") continue;
    const file = await (handle as FileSystemFileHandle).getFile();
    if (name.endsWith(".gguf")) sizes.set(name.slice(0, -5), file.size);
    else if (name.endsWith(".json")) texts.push(await file.text());
  }
  const found: GgufRecord[] = [];
  for (const text of texts) {
    let record: GgufRecord;
    try {
      record = JSON.parse(text) as GgufRecord;
    } catch {
      continue;
    }
    if (record?.v !== 1 || typeof record.url !== "string") continue;
    if (sizes.get(ggufKey(record.url)) === record.bytes) found.push(record);
  }
  return found;
}

/** Models whose every file is in the store, whole. */
export async function savedGgufs(): Promise<SavedGguf[]> {
  const byModel = new Map<string, GgufRecord[]>();
  for (const record of await records(await folder())) {
    byModel.set(record.model, [...(byModel.get(record.model) ?? []), record]);
  }
  const models: SavedGguf[] = [];
  for (const [url, files] of byModel) {
    files.sort((a, b) => a.part - b.part);
    const parts = files[0]?.parts ?? 0;
    if (files.length !== parts || files.some((f, i) => f.part !== i)) continue;
    models.push({ url, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) });
  }
  return models;
}

/** The files of a saved model, in order. */
export async function openGguf(model: SavedGguf): Promise<Blob[]> {
  const dir = await folder();
  return Promise.all(
    model.files.map(async (f) => (await dir.getFileHandle(`${ggufKey(f.url)}.gguf`)).getFile()),
  );
}

async function remove(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await dir.removeEntry(name);
  } catch (e) {
    if (e instanceof Error && e.name === "NotFoundError") return;
    throw savedElsewhere(e) ?? e;
  }
}

/**
 * Delete the model at `url`: its records first (so it stops counting as present at once), then
 * the bytes, including those of files a cut download left (`partUrls`, when known).
 */
export async function deleteGguf(url: string, partUrls: readonly string[] = []): Promise<void> {
  const dir = await folder();
  const mine = (await records(dir)).filter((r) => r.model === url).map((r) => r.url);
  const urls = [...new Set([url, ...partUrls, ...mine])];
  for (const u of urls) await remove(dir, `${ggufKey(u)}.json`);
  for (const u of urls) await remove(dir, `${ggufKey(u)}.gguf`);
}

/**
 * Download the files of the model whose first file is `files[0]`, one after another, each
 * continuing from what an earlier try saved; a file already whole is checked, not fetched.
 */
export async function downloadGguf(
  files: readonly FileToFetch[],
  options: GgufDownloadOptions = {},
): Promise<SavedGguf> {
  const model = files[0]?.url;
  if (!model) throw new Error("A model has at least one file.");
  const dir = await folder();
  const whole = new Map((await records(dir)).map((r) => [r.url, r]));
  const listed = files.every((f) => f.bytes !== undefined)
    ? files.reduce((sum, f) => sum + (f.bytes ?? 0), 0)
    : 0;
  let before = 0;
  let resumed = 0;
  const saved: GgufRecord[] = [];
  for (const [part, file] of files.entries()) {
    const kept = whole.get(file.url);
    if (kept && kept.model === model && kept.part === part) {
      saved.push(kept);
      before += kept.bytes;
      continue;
    }
    const key = ggufKey(file.url);
    const target = await OpfsSavedFile.open(GGUF_DIR, `${key}.gguf`);
    try {
      const done = await downloadFile(file, target, {
        fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (bytes, total, resumedFrom) => {
          if (bytes === resumedFrom) resumed = before + resumedFrom;
          const all = listed || (files.length === 1 ? total : 0);
          options.onProgress?.(before + bytes, all, resumed);
        },
      });
      const record: GgufRecord = {
        v: 1,
        url: file.url,
        model,
        part,
        parts: files.length,
        name: file.name,
        bytes: done.bytes,
        sha256: done.sha256,
        savedAt: new Date().toISOString(),
      };
      await target.record(`${key}.json`, JSON.stringify(record));
      saved.push(record);
      before += done.bytes;
    } finally {
      await target.close().catch(() => {});
    }
  }
  return { url: model, files: saved, bytes: before };
}
