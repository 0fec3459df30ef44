/**
 * Builds catalog entries from web-llm model records (passed in), the GGUF builds for the CPU
 * runtime, and the user's custom models.
 */
import { ANNOTATIONS, type Annotation } from "./annotations";
import type { CustomModel } from "./custom";
import { estimateCpuMemoryMB, estimateGgufFileMB } from "./gguf-estimate";
import { ggufModelId, hfRepoUrl, parseGgufQuant } from "./gguf-files";
import { GGUF_MODELS, type GgufCatalogModel } from "./gguf-models";
import { modelKey, parseContext, parseParamsB, parseQuant, sizeLabel } from "./parse-id";
import type { CatalogEntry, ModelKind, ModelRecord } from "./types";

/** The annotation rule for a model id, or undefined when the id is unknown. */
export function findAnnotation(id: string): Annotation | undefined {
  return ANNOTATIONS.find((a) => a.pattern.test(id));
}

/**
 * One catalog entry per record (first wins on duplicate ids), then the GGUF builds, then custom
 * models; pure.
 */
export function buildCatalog(
  records: readonly ModelRecord[],
  custom: readonly CustomModel[] = [],
  gguf: readonly GgufCatalogModel[] = GGUF_MODELS,
): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (!record || typeof record.model_id !== "string" || seen.has(record.model_id)) continue;
    seen.add(record.model_id);
    entries.push(entryFromRecord(record));
  }
  for (const model of gguf) {
    const entry = entryFromGguf(model);
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    entries.push(entry);
  }
  for (const model of custom) {
    if (seen.has(model.id)) continue;
    seen.add(model.id);
    entries.push(entryFromCustom(model));
  }
  return entries;
}

/** Annotate one web-llm record: role, domains, family, base, size, quantization, context. */
export function entryFromRecord(record: ModelRecord): CatalogEntry {
  const id = record.model_id;
  const annotation = findAnnotation(id);
  const quant = parseQuant(id) ?? parseQuant(record.model_lib ?? "");
  const kind = kindOf(record.model_type);
  const key = modelKey(id);
  const contextWindow = parseContext(
    id,
    record.model_lib ?? "",
    record.overrides?.context_window_size,
  );
  const features = new Set(record.required_features ?? []);
  // web-llm lists shader-f16 on only some f16 models; every f16 shader needs it.
  if (quant?.dtype === "f16") features.add("shader-f16");
  return {
    id,
    key,
    name: displayName(key, quant?.code, contextWindow, id),
    family: annotation?.family ?? guessFamily(key),
    base: baseOf(key, annotation),
    role: annotation?.role ?? (kind === "embedding" ? "embedding" : "unknown"),
    domains: annotation ? [...annotation.domains] : kind === "embedding" ? ["embedding"] : [],
    languages: annotation?.languages ? [...annotation.languages] : [],
    paramsB: parseParamsB(id) ?? annotation?.paramsB ?? null,
    quant,
    contextWindow,
    vramMB: positiveOrNull(record.vram_required_MB),
    lowResource: record.low_resource_required === true,
    bufferSizeRequiredBytes: positiveOrNull(record.buffer_size_required_bytes),
    requiredFeatures: [...features].sort(),
    kind,
    chatCapable: kind !== "embedding",
    source: "prebuilt",
    runtime: "webllm",
    gguf: null,
    fileBytes: null,
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    note: annotation?.note ?? "Not annotated by Polymath: role and strengths unknown.",
  };
}

/** A GGUF build for the CPU runtime: annotated by its key, like its MLC twin. */
export function entryFromGguf(model: GgufCatalogModel): CatalogEntry {
  const id = ggufModelId(model.key);
  const annotation = findAnnotation(model.key);
  const quant = parseGgufQuant(model.source.quants[0] ?? "");
  const paramsB = parseParamsB(model.key) ?? annotation?.paramsB ?? null;
  const fileMB =
    paramsB !== null && quant ? estimateGgufFileMB(paramsB, quant.code, quant.weightBits) : null;
  const who = model.source.publisher === "publisher" ? "the publisher's own" : "a community";
  return {
    id,
    key: model.key,
    name: `${model.key} · GGUF ${quant?.code ?? ""} · CPU`.replace(/ {2,}/g, " "),
    family: annotation?.family ?? guessFamily(model.key),
    base: baseOf(model.key, annotation),
    role: annotation?.role ?? "unknown",
    domains: annotation ? [...annotation.domains] : [],
    languages: annotation?.languages ? [...annotation.languages] : [],
    paramsB,
    quant,
    contextWindow: model.contextWindow,
    vramMB:
      fileMB !== null && paramsB !== null
        ? estimateCpuMemoryMB(fileMB, paramsB, model.contextWindow)
        : null,
    lowResource: paramsB !== null && paramsB <= 1,
    bufferSizeRequiredBytes: null,
    requiredFeatures: [],
    kind: "llm",
    chatCapable: true,
    source: "prebuilt",
    runtime: "wllama",
    gguf: model.source,
    fileBytes: null,
    modelUrl: hfRepoUrl(model.source.repo),
    modelLibUrl: "",
    note: `${annotation?.note ?? "Not annotated by Polymath."} GGUF build from ${who} repository ${model.source.repo}, run on the CPU by llama.cpp (WebAssembly); the file (${model.source.quants.join(", then ")}) is picked from its file list at download time.`,
  };
}

function entryFromCustom(model: CustomModel): CatalogEntry {
  if (model.runtime === "wllama") return entryFromCustomGguf(model);
  const quant = parseQuant(model.id) ?? parseQuant(model.modelUrl) ?? parseQuant(model.modelLibUrl);
  const key = modelKey(model.id);
  const features = quant?.dtype === "f16" ? ["shader-f16"] : [];
  const kind: ModelKind = model.role === "embedding" ? "embedding" : "llm";
  return {
    id: model.id,
    key,
    name: model.name,
    family: guessFamily(key),
    base: baseOf(key, undefined),
    role: model.role,
    domains: [...model.domains],
    languages: [],
    paramsB: parseParamsB(model.id) ?? parseParamsB(lastSegment(model.modelUrl)),
    quant,
    contextWindow: null,
    vramMB: positiveOrNull(model.vramMB),
    lowResource: false,
    bufferSizeRequiredBytes: null,
    requiredFeatures: features,
    kind,
    chatCapable: kind !== "embedding",
    source: "custom",
    runtime: "webllm",
    gguf: null,
    fileBytes: null,
    modelUrl: model.modelUrl,
    modelLibUrl: model.modelLibUrl,
    note: "Added by you.",
  };
}

function entryFromCustomGguf(model: CustomModel): CatalogEntry {
  const file = decodeURIComponent(lastSegment(model.modelUrl));
  const key = model.id.replace(/-GGUF$/i, "");
  return {
    id: model.id,
    key,
    name: model.name,
    family: model.architecture ?? guessFamily(key),
    base: baseOf(key, undefined),
    role: model.role,
    domains: [...model.domains],
    languages: [],
    paramsB: parseParamsB(model.id) ?? parseParamsB(file),
    quant: parseGgufQuant(file),
    contextWindow: model.contextWindow ?? null,
    vramMB: positiveOrNull(model.vramMB),
    lowResource: false,
    bufferSizeRequiredBytes: null,
    requiredFeatures: [],
    kind: model.role === "embedding" ? "embedding" : "llm",
    chatCapable: model.role !== "embedding",
    source: "custom",
    runtime: "wllama",
    gguf: { kind: "url", url: model.modelUrl },
    fileBytes: positiveOrNull(model.fileBytes),
    modelUrl: model.modelUrl,
    modelLibUrl: "",
    note: `Added by you: a GGUF file${model.architecture ? ` (${model.architecture} architecture)` : ""} run on the CPU by llama.cpp (WebAssembly).`,
  };
}

function kindOf(modelType: number | undefined): ModelKind {
  if (modelType === 1) return "embedding";
  if (modelType === 2) return "vlm";
  return "llm";
}

function baseOf(key: string, annotation: Annotation | undefined): string {
  if (annotation?.base) return annotation.base;
  const size = sizeLabel(key);
  if (!size) return key;
  return `${annotation?.baseFamily ?? annotation?.family ?? guessFamily(key)}-${size}`;
}

/** The part of an unannotated key before its size token ("Foo-7B-Chat" → "Foo"). */
function guessFamily(key: string): string {
  const size = /[-_]E?\d+(?:[._]\d+)?[BbMm](?=$|[-_])/.exec(key);
  const head = size ? key.slice(0, size.index) : key.split("-")[0];
  return head || key;
}

function displayName(
  key: string,
  quantCode: string | undefined,
  contextWindow: number | null,
  id: string,
): string {
  const parts = [key];
  if (quantCode) parts.push(quantCode.replace(/_\d+$/, ""));
  if (/-\d+k$/i.test(id) && contextWindow)
    parts.push(`${Math.round(contextWindow / 1024)}k context`);
  const batch = /-b(\d+)$/.exec(id);
  if (batch) parts.push(`batch ${batch[1]}`);
  return parts.join(" · ");
}

function lastSegment(url: string): string {
  const path = url.replace(/\/resolve\/[^/]+\/?$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

function positiveOrNull(n: number | undefined): number | null {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}
