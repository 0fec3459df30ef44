/**
 * The GGUF models of the catalog as files on this device, without the CPU runtime: which file a
 * model downloads (picked from its repository's file list once, with the size and SHA-256 the
 * list gives), which models are saved whole, their download (continuing a cut one) and their
 * deletion. The Models view uses it from the page; the runtime (`platform/wllama/`) uses the
 * same to load. It does not import wllama.
 */
import {
  hfFileUrl,
  hfTreeUrl,
  isRepoQuantUrl,
  noGgufFile,
  parseHfTree,
  pickGgufFile,
  splitPartUrls,
  type PickedGguf,
} from "../../core/catalog/gguf-files";
import type { GgufSource } from "../../core/catalog/types";
import type { FileToFetch } from "../../core/downloads/download-file";
import { cachedAmong, type DownloadingCache } from "../../core/engine/model-cache";
import type { LoadOptions } from "../../core/engine/types";
import { PolymathError } from "../../core/errors";
import { deleteGguf, downloadGguf, openGguf, savedGgufs, type SavedGguf } from "./gguf-store";

/** A GGUF resolved to the file(s) to fetch. */
export interface ResolvedGguf {
  /** The first file's URL (the model's identity in the store). */
  url: string;
  /** Expected bytes of all parts, when the host listed them. */
  bytes?: number;
  file: string;
  /** Every file, in order, with the size and SHA-256 the host listed. */
  files: FileToFetch[];
}

/** What a model downloads, worked out from its files (the first one names the model). */
function resolvedFrom(files: FileToFetch[]): ResolvedGguf {
  const [first] = files;
  if (!first) throw new Error("A model has at least one file.");
  const listed = files.every((f) => f.bytes !== undefined);
  return {
    url: first.url,
    file: first.name,
    files,
    ...(listed ? { bytes: files.reduce((sum, f) => sum + (f.bytes ?? 0), 0) } : {}),
  };
}

const nameOf = (url: string) => decodeURIComponent(url.split("/").pop() ?? url);

export class GgufModels implements DownloadingCache {
  readonly #sourceOf: (modelId: string) => GgufSource | undefined;
  readonly #resolved = new Map<string, ResolvedGguf>();

  /** `sourceOf`: where a model's GGUF comes from; undefined for ids that are no GGUF model. */
  constructor(sourceOf: (modelId: string) => GgufSource | undefined) {
    this.#sourceOf = sourceOf;
  }

  /** The file a model downloads, resolved from its repository's file list once. */
  async resolve(modelId: string, signal?: AbortSignal): Promise<ResolvedGguf> {
    const known = this.#resolved.get(modelId);
    if (known) return known;
    const source = this.#sourceOf(modelId);
    if (!source) {
      throw new PolymathError("model-not-found", `No GGUF model is known as ${modelId}.`, {
        details: { modelId },
      });
    }
    let resolved: ResolvedGguf;
    if (source.kind === "url") {
      resolved = resolvedFrom(splitPartUrls(source.url).map((url) => ({ url, name: nameOf(url) })));
    } else {
      const picked = await this.#pick(source, signal);
      resolved = resolvedFrom(
        picked.files.map((f) => ({
          url: hfFileUrl(source.repo, f.path),
          name: f.path,
          bytes: f.size,
          ...(f.sha256 ? { sha256: f.sha256 } : {}),
        })),
      );
    }
    this.#resolved.set(modelId, resolved);
    return resolved;
  }

  /**
   * The saved files of a model, in order, downloading what is missing first (a cut download
   * continues). A saved model is found without the repository's file list, so it loads offline.
   */
  async files(modelId: string, options: LoadOptions = {}): Promise<Blob[]> {
    const saved =
      (await savedGgufs()).find((m) => this.#matches(modelId, m.url)) ??
      (await this.#download(modelId, options));
    return openGguf(saved);
  }

  /** Models whose every file is saved whole (a cut download is not among them). */
  async cachedModelIds(modelIds: string[]): Promise<string[]> {
    const saved = await savedGgufs();
    return cachedAmong(modelIds, async (id) => saved.some((m) => this.#matches(id, m.url)));
  }

  /** Delete a model's saved files, with what a cut download of it left. */
  async deleteModel(modelId: string): Promise<void> {
    const resolved = this.#resolved.get(modelId);
    for (const model of (await savedGgufs()).filter((m) => this.#matches(modelId, m.url))) {
      await deleteGguf(model.url);
    }
    if (resolved)
      await deleteGguf(
        resolved.url,
        resolved.files.map((f) => f.url),
      );
  }

  /**
   * Fetch a model's file(s) into the store with progress, continuing from what a cut download
   * saved; each file is checked against the size and SHA-256 the host listed.
   */
  async download(modelId: string, options: LoadOptions = {}): Promise<void> {
    await this.#download(modelId, options);
  }

  async #download(modelId: string, options: LoadOptions): Promise<SavedGguf> {
    const started = Date.now();
    const resolved = await this.resolve(modelId, options.signal);
    const report = (loaded: number, total: number, resumedFrom: number) =>
      options.onProgress?.({
        modelId,
        phase: "fetching",
        fraction: total > 0 ? Math.min(1, loaded / total) : 0,
        text:
          `Downloading ${resolved.file}: ${(loaded / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB` +
          (resumedFrom > 0 ? `, continuing from ${(resumedFrom / 1e6).toFixed(1)} MB saved.` : "."),
        loadedBytes: loaded,
        totalBytes: total,
        elapsedMs: Date.now() - started,
      });
    const saved = await downloadGguf(resolved.files, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (loaded, total, resumedFrom) =>
        report(loaded, total || resolved.bytes || 0, resumedFrom),
    });
    report(saved.bytes, saved.bytes, 0);
    return saved;
  }

  /** Whether a saved model's URL is this model's: the resolved URL, else its repository's quant. */
  #matches(modelId: string, url: string): boolean {
    const resolved = this.#resolved.get(modelId);
    if (resolved) return resolved.url === url;
    const source = this.#sourceOf(modelId);
    if (!source) return false;
    if (source.kind === "url") return source.url === url;
    return isRepoQuantUrl(url, source.repo, source.quants);
  }

  async #pick(
    source: Extract<GgufSource, { kind: "repo" }>,
    signal?: AbortSignal,
  ): Promise<PickedGguf> {
    let response: Response;
    try {
      response = await fetch(hfTreeUrl(source.repo), { ...(signal ? { signal } : {}) });
    } catch (e) {
      throw new PolymathError("network", `Could not read the file list of ${source.repo}.`, {
        advice: "Check the connection; Hugging Face must be reachable to pick the file.",
        details: { repo: source.repo },
        cause: e,
      });
    }
    if (!response.ok) {
      throw new PolymathError(
        "network",
        `Hugging Face answered ${response.status} for the file list of ${source.repo}.`,
        {
          advice: "The repository may have moved; try again later.",
          details: { repo: source.repo },
        },
      );
    }
    const picked = pickGgufFile(parseHfTree(await response.json()), source.quants);
    if (!picked) throw noGgufFile(source.repo, source.quants);
    return picked;
  }
}
