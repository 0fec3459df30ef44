/**
 * GGUF files on Hugging Face, as plain functions: the ids and keys of GGUF catalog entries, the
 * quantization a file name carries, the repository file-list URL, and which file of that list
 * to download. Fetching is the platform's job; these decide from what it fetched.
 */
import { PolymathError } from "../errors";
import type { Quantization } from "./types";

const HF = "https://huggingface.co";

/** The catalog id of a model's GGUF build ("Qwen2.5-0.5B-Instruct-GGUF"). */
export function ggufModelId(key: string): string {
  return `${key}-GGUF`;
}

const GGUF_QUANT =
  /(?:^|[-_.])((?:i?q)(\d)_(?:k_[sml]|k|\d|xxs|xs|s|m|nl)|bf16|f16|f32)(?=$|[-_.])/i;

/** The quantization a GGUF file name or id names ("…-Q4_K_M.gguf" → q4_k_m, 4 bits); CPU math is f32. */
export function parseGgufQuant(text: string): Quantization | null {
  const match = GGUF_QUANT.exec(text);
  if (!match) return null;
  const code = (match[1] ?? "").toLowerCase();
  const bits = match[2] ? Number(match[2]) : code === "f32" ? 32 : 16;
  return { code, weightBits: bits, dtype: "f32" };
}

/** Hugging Face's file list of `repo` at `revision` (JSON: `[{ type, path, size, lfs? }]`). */
export function hfTreeUrl(repo: string, revision = "main"): string {
  return `${HF}/api/models/${repo}/tree/${encodeURIComponent(revision)}`;
}

/** The download URL of `path` in `repo`. */
export function hfFileUrl(repo: string, path: string, revision = "main"): string {
  const file = path.split("/").map(encodeURIComponent).join("/");
  return `${HF}/${repo}/resolve/${encodeURIComponent(revision)}/${file}`;
}

/** The repository page, for "where this file comes from". */
export function hfRepoUrl(repo: string): string {
  return `${HF}/${repo}`;
}

export interface HfFile {
  path: string;
  size: number;
  /** SHA-256 of the file's content, when the host gives it (Git LFS). */
  sha256?: string;
}

/** The files in a Hugging Face tree listing; throws malformed-input when it is not one. */
export function parseHfTree(json: unknown): HfFile[] {
  if (!Array.isArray(json)) {
    throw new PolymathError("malformed-input", "The repository's file list is not a list.", {
      advice: "Check the repository name; Hugging Face may also be refusing requests for now.",
    });
  }
  const files: HfFile[] = [];
  for (const item of json as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { type, path, size, lfs } = item as Record<string, unknown>;
    if (type !== "file" || typeof path !== "string" || typeof size !== "number") continue;
    const oid =
      typeof lfs === "object" && lfs !== null ? (lfs as { oid?: unknown }).oid : undefined;
    files.push({ path, size, ...(typeof oid === "string" ? { sha256: oid } : {}) });
  }
  return files;
}

export interface PickedGguf {
  /** The file to download: the only one, or the first part of a split model. */
  path: string;
  /** All parts together, bytes. */
  bytes: number;
  parts: number;
  quant: string;
  /** Size of each part, bytes, in order. */
  partBytes: number[];
  sha256?: string;
  /** Every part as listed (path, size, SHA-256 where given), in order. */
  files: HfFile[];
}

const SPLIT = /-(\d{5})-of-(\d{5})\.gguf$/i;

/**
 * The GGUF to download from `files`: the first of `quants` that a file name carries (as a
 * whole token, so q4_k never matches q4_k_m), skipping multimodal projectors. A split model
 * (`…-00001-of-00003.gguf`) counts only when all its parts are listed. Null when none matches.
 */
export function pickGgufFile(
  files: readonly HfFile[],
  quants: readonly string[],
): PickedGguf | null {
  const ggufs = files.filter(
    (f) => f.path.toLowerCase().endsWith(".gguf") && !/mmproj/i.test(f.path),
  );
  for (const wanted of quants) {
    const matching = ggufs.filter(
      (f) => parseGgufQuant(f.path.split("/").pop() ?? "")?.code === wanted.toLowerCase(),
    );
    const single = matching.find((f) => !SPLIT.test(f.path));
    if (single) {
      return {
        path: single.path,
        bytes: single.size,
        parts: 1,
        quant: wanted.toLowerCase(),
        partBytes: [single.size],
        ...(single.sha256 ? { sha256: single.sha256 } : {}),
        files: [single],
      };
    }
    for (const first of matching.filter((f) => SPLIT.exec(f.path)?.[1] === "00001")) {
      const count = Number(SPLIT.exec(first.path)?.[2]);
      const stem = first.path.replace(SPLIT, "");
      const parts = Array.from({ length: count }, (_, i) => {
        const n = String(i + 1).padStart(5, "0");
        return matching.find(
          (f) => f.path === `${stem}-${n}-of-${SPLIT.exec(first.path)?.[2]}.gguf`,
        );
      });
      const listed = parts.filter((p): p is HfFile => p !== undefined);
      if (listed.length !== count) continue;
      const sizes = listed.map((p) => p.size);
      return {
        path: first.path,
        bytes: sizes.reduce((a, b) => a + b, 0),
        parts: count,
        quant: wanted.toLowerCase(),
        partBytes: sizes,
        ...(first.sha256 ? { sha256: first.sha256 } : {}),
        files: listed,
      };
    }
  }
  return null;
}

/** The part URLs of a model given by URL: itself, or every part when it names the first of several. */
export function splitPartUrls(url: string): string[] {
  const match = SPLIT.exec(url);
  if (!match || match[1] !== "00001") return [url];
  return Array.from({ length: Number(match[2]) }, (_, i) =>
    url.replace(SPLIT, `-${String(i + 1).padStart(5, "0")}-of-${match[2]}.gguf`),
  );
}

/** Whether a file URL in `repo` carries one of `quants` (how a saved file is told apart offline). */
export function isRepoQuantUrl(url: string, repo: string, quants: readonly string[]): boolean {
  if (!url.startsWith(`${HF}/${repo}/resolve/`)) return false;
  const code = parseGgufQuant(decodeURIComponent(url.slice(url.lastIndexOf("/") + 1)))?.code;
  return code !== undefined && quants.some((q) => q.toLowerCase() === code);
}

/** The error when a repository lists no file of the wanted quantizations. */
export function noGgufFile(repo: string, quants: readonly string[]): PolymathError {
  return new PolymathError(
    "model-not-found",
    `The repository ${repo} lists no GGUF file in ${quants.join(", ")}.`,
    {
      advice:
        "The repository may have renamed or removed its files; add the file you want as your own GGUF model.",
      details: { repo },
    },
  );
}

/**
 * A model URL from what a form gives: a full URL of a `.gguf` file, or a Hugging Face repository
 * ("owner/name" or its URL) plus a file name. `/blob/` links become `/resolve/` downloads.
 */
export function ggufUrlFrom(input: {
  url?: string;
  repo?: string;
  file?: string;
}): string | PolymathError {
  const url = input.url?.trim() ?? "";
  const repoText = input.repo?.trim() ?? "";
  const file = input.file?.trim().replace(/^\/+/, "") ?? "";
  if (url) return checkGgufUrl(url);
  if (!repoText) {
    return invalidField("url", "Give the GGUF file's URL, or a Hugging Face repository and file.");
  }
  const repo = repoText
    .replace(/^https?:\/\/huggingface\.co\//, "")
    .replace(/\/(?:tree|blob|resolve)\/.*$/, "")
    .replace(/\/+$/, "");
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    return invalidField("repo", 'The repository must look like "owner/name".');
  }
  if (!file.toLowerCase().endsWith(".gguf")) {
    return invalidField("file", "Give the file's name in the repository, ending in .gguf.");
  }
  return hfFileUrl(repo, file);
}

function checkGgufUrl(text: string): string | PolymathError {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalidField("url", "The GGUF URL is not a URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return invalidField("url", "The GGUF URL must start with https:// or http://.");
  }
  url.pathname = url.pathname.replace(/\/blob\/([^/]+)\//, "/resolve/$1/");
  url.hash = "";
  if (!url.pathname.toLowerCase().endsWith(".gguf")) {
    return invalidField(
      "url",
      "The URL must point at a .gguf file (the first part of a split model).",
    );
  }
  return url.href;
}

function invalidField(field: string, message: string): PolymathError {
  return new PolymathError("malformed-input", message, {
    advice: "A GGUF model is one .gguf file (or the first part of a split one).",
    details: { field },
  });
}
