/**
 * Models the user adds by URL: an MLC model folder (mlc-chat-config.json + tensor-cache.json)
 * and a compiled WebGPU library (.wasm) for web-llm, or one GGUF file for the CPU runtime
 * (`runtime: "wllama"`). Validation is pure; fetching the files is not done here.
 */
import { PolymathError } from "../errors";
import { ggufUrlFrom } from "./gguf-files";
import { MODEL_DOMAINS, type ModelDomain } from "../domains";
import type { ModelRecord, ModelRole } from "./types";

export interface CustomModel {
  id: string;
  name: string;
  /** Folder holding mlc-chat-config.json and tensor-cache.json. */
  modelUrl: string;
  /** URL of the compiled WebGPU library, ending in .wasm. */
  modelLibUrl: string;
  role: Exclude<ModelRole, "unknown">;
  domains: ModelDomain[];
  vramMB?: number;
  /** Epoch ms. */
  addedAt: number;
  /** "wllama": `modelUrl` is a GGUF file run on the CPU (no library). Absent: web-llm. */
  runtime?: "wllama";
  /** GGUF only, read from the file when it was checked. */
  architecture?: string;
  fileBytes?: number;
  contextWindow?: number;
}

/** What a form gives: strings as typed; validation turns it into a `CustomModel`. */
export interface CustomModelInput {
  id?: string;
  name?: string;
  modelUrl?: string;
  modelLibUrl?: string;
  role?: string;
  domains?: readonly string[];
  /** A number input gives a number, or null when empty. */
  vramMB?: number | string | null;
  runtime?: string;
  /** GGUF by Hugging Face repository + file name (instead of `modelUrl`). */
  ggufRepo?: string;
  ggufFile?: string;
  architecture?: string;
  fileBytes?: number;
  contextWindow?: number;
}

export interface ValidateOptions {
  /** Ids already in the catalog (prebuilt and custom). */
  existingIds: Iterable<string>;
  /** Epoch ms for `addedAt`. */
  now: number;
}

const ROLES: readonly CustomModel["role"][] = ["generalist", "specialist", "embedding"];
const DOMAINS: readonly ModelDomain[] = MODEL_DOMAINS;
const MANIFEST_FILES = /\/(?:mlc-chat-config\.json|tensor-cache\.json|ndarray-cache\.json)$/;

/** Check and normalise a custom model; returns the model or the first field's PolymathError. */
export function validateCustomModel(
  input: CustomModelInput,
  options: ValidateOptions,
): CustomModel | PolymathError {
  const checked =
    input?.runtime === "wllama"
      ? checkCustomGguf(input, options)
      : checkCustomModel(input, options);
  return "model" in checked ? checked.model : (checked.errors[0] as PolymathError);
}

/**
 * A GGUF model for the CPU runtime: a `.gguf` URL (or repository + file), name, role, domains;
 * every invalid field at once. The file itself is checked by the platform before saving.
 */
export function checkCustomGguf(
  input: CustomModelInput,
  options: ValidateOptions,
): { model: CustomModel } | { errors: [PolymathError, ...PolymathError[]] } {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  const url = ggufUrlFrom({
    ...(input.modelUrl === undefined ? {} : { url: input.modelUrl }),
    ...(input.ggufRepo === undefined ? {} : { repo: input.ggufRepo }),
    ...(input.ggufFile === undefined ? {} : { file: input.ggufFile }),
  });
  const role = ROLES.find((r) => r === input.role);
  const domains = [...new Set(input.domains ?? [])];
  const unknown = domains.filter((d) => !DOMAINS.includes(d as ModelDomain));
  const vramMB = parseVram(input.vramMB);
  const typedId = typeof input.id === "string" ? input.id.trim() : "";
  const id =
    typedId ||
    (typeof url === "string"
      ? `${decodeURIComponent(lastSegment(url)).replace(/\.gguf$/i, "")}-GGUF`
      : "");
  const errors: PolymathError[] = [];
  if (!name)
    errors.push(invalid("name", "Give the model a name.", "Any short name you recognise."));
  if (url instanceof PolymathError) errors.push(url);
  errors.push(...roleAndDomainErrors(role, domains, unknown));
  if (vramMB instanceof PolymathError) errors.push(vramMB);
  const idError = checkId(id, typedId !== "" || typeof url === "string", options);
  if (idError) errors.push(idError);
  if (errors.length > 0 || typeof url !== "string" || !role || vramMB instanceof PolymathError) {
    return { errors: errors as [PolymathError, ...PolymathError[]] };
  }
  const positive = (n: unknown): n is number =>
    typeof n === "number" && Number.isFinite(n) && n > 0;
  return {
    model: {
      id,
      name,
      modelUrl: url,
      modelLibUrl: "",
      role,
      domains: domains as ModelDomain[],
      ...(vramMB === undefined ? {} : { vramMB }),
      addedAt: options.now,
      runtime: "wllama",
      ...(typeof input.architecture === "string" && input.architecture
        ? { architecture: input.architecture }
        : {}),
      ...(positive(input.fileBytes) ? { fileBytes: input.fileBytes } : {}),
      ...(positive(input.contextWindow) ? { contextWindow: input.contextWindow } : {}),
    },
  };
}

/** Every invalid field at once (each error's `details.field` names it), or the model. */
export function checkCustomModel(
  input: CustomModelInput,
  options: ValidateOptions,
): { model: CustomModel } | { errors: [PolymathError, ...PolymathError[]] } {
  if (typeof input !== "object" || input === null) {
    return {
      errors: [
        invalid("form", "The custom model form is empty.", "Fill in the fields and try again."),
      ],
    };
  }
  // Every check runs, so a form can show each field to fix at once.
  const name = typeof input.name === "string" ? input.name.trim() : "";
  const modelUrl = normaliseModelUrl(input.modelUrl);
  const modelLibUrl = normaliseLibUrl(input.modelLibUrl);
  const role = ROLES.find((r) => r === input.role);
  const domains = [...new Set(input.domains ?? [])];
  const unknown = domains.filter((d) => !DOMAINS.includes(d as ModelDomain));
  const vramMB = parseVram(input.vramMB);
  const typedId = typeof input.id === "string" ? input.id.trim() : "";
  const id = typedId || (typeof modelUrl === "string" ? lastSegment(modelUrl) : "");

  const errors: PolymathError[] = [];
  if (!name)
    errors.push(invalid("name", "Give the model a name.", "Any short name you recognise."));
  if (modelUrl instanceof PolymathError) errors.push(modelUrl);
  if (modelLibUrl instanceof PolymathError) errors.push(modelLibUrl);
  errors.push(...roleAndDomainErrors(role, domains, unknown));
  if (vramMB instanceof PolymathError) errors.push(vramMB);
  const idError = checkId(id, typedId !== "" || typeof modelUrl === "string", options);
  if (idError) errors.push(idError);

  if (
    errors.length > 0 ||
    typeof modelUrl !== "string" ||
    typeof modelLibUrl !== "string" ||
    !role ||
    vramMB instanceof PolymathError
  ) {
    // Each failed check above pushed its error, so the list is never empty here.
    return { errors: errors as [PolymathError, ...PolymathError[]] };
  }
  return {
    model: {
      id,
      name,
      modelUrl,
      modelLibUrl,
      role,
      domains: domains as ModelDomain[],
      ...(vramMB === undefined ? {} : { vramMB }),
      addedAt: options.now,
    },
  };
}

/** The id's error; none when the id is derived from a model URL that is itself invalid. */
function checkId(id: string, known: boolean, options: ValidateOptions): PolymathError | null {
  if (!known) return null;
  if (!id) return invalid("id", "The model needs an id.", "Type an id, e.g. my-model-q4f16_1.");
  if (!new Set(options.existingIds).has(id)) return null;
  return invalid(
    "id",
    `A model with id "${id}" is already in the catalog.`,
    "Pick it from the catalog, or give this one another id.",
  );
}

function parseVram(value: CustomModelInput["vramMB"]): number | undefined | PolymathError {
  if (value === undefined || value === null || String(value).trim() === "") return undefined;
  const mb = Number(value);
  if (Number.isFinite(mb) && mb > 0) return mb;
  return invalid(
    "vramMB",
    "GPU memory must be a positive number of MB.",
    "Leave it empty if you don't know; web-llm's list gives ~1,000–2,000 MB for 0.5B–1.5B q4 models.",
  );
}

/** The web-llm model record for a custom model (structurally a web-llm `ModelRecord`). */
export function toModelRecord(custom: CustomModel): ModelRecord {
  return {
    model: custom.modelUrl,
    model_id: custom.id,
    model_lib: custom.modelLibUrl,
    ...(custom.vramMB === undefined ? {} : { vram_required_MB: custom.vramMB }),
    low_resource_required: false,
    ...(custom.role === "embedding" ? { model_type: 1 } : {}),
  };
}

export interface LibVersionCheck {
  status: "match" | "mismatch" | "unknown";
  /** "0.2.80" as named in the library URL, or null. */
  libVersion: string | null;
  runtimeVersion: string;
  message: string;
}

/**
 * Compare the web-llm version a model library URL names (prebuilt libs live under
 * `…/web-llm-models/v0_2_xx/…`) with the runtime's (`modelVersion`, e.g. "v0_2_86/base").
 */
export function checkModelLibVersion(modelLibUrl: string, runtimeVersion: string): LibVersionCheck {
  const runtime = versionIn(runtimeVersion, /v?(\d+)[._](\d+)[._](\d+)/) ?? runtimeVersion;
  // Only the v0_2_xx folder form counts: model names carry dotted numbers too ("Qwen2.5-1.5B").
  const lib = versionIn(pathOf(modelLibUrl), /\bv(\d+)_(\d+)_(\d+)\b/);
  if (lib === null) {
    return {
      status: "unknown",
      libVersion: null,
      runtimeVersion: runtime,
      message: `The library URL names no web-llm version; it must be compiled for web-llm ${runtime}.`,
    };
  }
  if (lib === runtime) {
    return { status: "match", libVersion: lib, runtimeVersion: runtime, message: "" };
  }
  return {
    status: "mismatch",
    libVersion: lib,
    runtimeVersion: runtime,
    message: `This library was built for web-llm ${lib}, but Polymath runs ${runtime}; it may fail to load. Use a library from the v${runtime.replaceAll(".", "_")} folder.`,
  };
}

/** Things worth telling the user about a valid custom model before they download it. */
export function customModelWarnings(custom: CustomModel, runtimeVersion: string): string[] {
  const warnings: string[] = [];
  const version = checkModelLibVersion(custom.modelLibUrl, runtimeVersion);
  if (version.status === "mismatch") warnings.push(version.message);
  // web-llm appends "resolve/main/" to any model URL without a /resolve/<rev>/ segment.
  if (!/\/resolve\/[^/]+\//.test(custom.modelUrl) && !isHuggingFace(custom.modelUrl)) {
    warnings.push(
      "web-llm adds resolve/main/ to model URLs that lack /resolve/<revision>/: serve the files under that path, or include it in the URL.",
    );
  }
  if (custom.vramMB === undefined) {
    warnings.push("Without a GPU memory figure Polymath cannot tell whether it fits this device.");
  }
  return warnings;
}

function normaliseModelUrl(value: unknown): string | PolymathError {
  const url = parseHttpUrl(value, "modelUrl", "model URL");
  if (url instanceof PolymathError) return url;
  let path = url.pathname.replace(/\/(?:blob|tree)\/([^/]+)/, "/resolve/$1");
  path = path.replace(MANIFEST_FILES, "/");
  if (/\.(?:wasm|bin|safetensors)$/i.test(path)) {
    return invalid(
      "modelUrl",
      "The model URL must be the folder holding mlc-chat-config.json and tensor-cache.json, not a file.",
      "Paste the folder (or Hugging Face repository) URL.",
    );
  }
  url.pathname = path.endsWith("/") ? path : `${path}/`;
  url.hash = "";
  return url.href;
}

function normaliseLibUrl(value: unknown): string | PolymathError {
  const url = parseHttpUrl(value, "modelLibUrl", "model library URL");
  if (url instanceof PolymathError) return url;
  url.pathname = url.pathname.replace(/\/blob\/([^/]+)/, "/resolve/$1");
  if (!url.pathname.toLowerCase().endsWith(".wasm")) {
    return invalid(
      "modelLibUrl",
      "The model library URL must end in .wasm.",
      "Use the WebGPU library compiled for this model (…-webgpu.wasm).",
    );
  }
  url.hash = "";
  return url.href;
}

function parseHttpUrl(value: unknown, field: string, label: string): URL | PolymathError {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) return invalid(field, `The ${label} is missing.`, "Paste a full https:// URL.");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(field, `The ${label} is not a URL.`, "Paste a full https:// URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return invalid(field, `The ${label} must start with https:// or http://.`, "Paste a web URL.");
  }
  return url;
}

function invalid(field: string, message: string, advice: string): PolymathError {
  return new PolymathError("malformed-input", message, { advice, details: { field } });
}

function lastSegment(url: string): string {
  const path = pathOf(url)
    .replace(/\/resolve\/[^/]+\/?$/, "")
    .replace(/\/+$/, "");
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function versionIn(text: string, pattern: RegExp): string | null {
  const match = pattern.exec(text);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : null;
}

function isHuggingFace(url: string): boolean {
  try {
    return new URL(url).hostname === "huggingface.co";
  } catch {
    return false;
  }
}

/** What is wrong with a form's role and domains (the same rules for every kind of model). */
function roleAndDomainErrors(
  role: unknown,
  domains: readonly string[],
  unknown: readonly string[],
): PolymathError[] {
  const errors: PolymathError[] = [];
  if (!role) {
    errors.push(
      invalid(
        "role",
        "Pick a role: generalist, specialist or embedding.",
        "A specialist is tuned for one domain (code, maths…); a generalist for everything.",
      ),
    );
  }
  if (domains.length === 0 || unknown.length > 0) {
    errors.push(
      invalid(
        "domains",
        unknown.length > 0
          ? `Unknown domain: ${unknown.join(", ")}.`
          : "Pick at least one domain the model is good at.",
        `Domains: ${DOMAINS.join(", ")}.`,
      ),
    );
  }
  return errors;
}
