/** Builds catalog entries from web-llm model records (passed in) and the user's custom models. */
import { ANNOTATIONS, type Annotation } from "./annotations";
import type { CustomModel } from "./custom";
import { modelKey, parseContext, parseParamsB, parseQuant, sizeLabel } from "./parse-id";
import type { CatalogEntry, ModelKind, ModelRecord } from "./types";

/** The annotation rule for a model id, or undefined when the id is unknown. */
export function findAnnotation(id: string): Annotation | undefined {
  return ANNOTATIONS.find((a) => a.pattern.test(id));
}

/** One catalog entry per record (first wins on duplicate ids), then custom models; pure. */
export function buildCatalog(
  records: readonly ModelRecord[],
  custom: readonly CustomModel[] = [],
): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (!record || typeof record.model_id !== "string" || seen.has(record.model_id)) continue;
    seen.add(record.model_id);
    entries.push(entryFromRecord(record));
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
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    note: annotation?.note ?? "Not annotated by Polymath: role and strengths unknown.",
  };
}

function entryFromCustom(model: CustomModel): CatalogEntry {
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
    modelUrl: model.modelUrl,
    modelLibUrl: model.modelLibUrl,
    note: "Added by you.",
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
