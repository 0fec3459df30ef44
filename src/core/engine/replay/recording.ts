/**
 * Recordings: a versioned JSON document holding real (or clearly marked fixture) model answers
 * with the timing of every streamed chunk, so a run can be shared and replayed without a GPU.
 * `parseRecording` validates untrusted files and names the path of each problem.
 */
import { PolymathError } from "../../errors";
import { childPath, jsonReader, parseJsonText, type JsonObject } from "../../json-reader";
import type {
  ChatMessage,
  ChatRequest,
  EngineKind,
  FinishReason,
  SamplingParams,
  Usage,
} from "../types";

export const RECORDING_FORMAT = "polymath-recording";
export const RECORDING_VERSION = 1;

/** One streamed piece; `t` is ms since the request started. */
export interface RecordedChunk {
  t: number;
  delta: string;
  reasoning?: boolean;
}

export interface RecordingResult {
  text: string;
  reasoning: string;
  finishReason: FinishReason;
  usage: Usage;
}

export interface RecordingEntry {
  id: string;
  modelId: string;
  request: ChatRequest;
  chunks: RecordedChunk[];
  result: RecordingResult;
}

/** A model in the recording, with optional annotations for people reading it. */
export interface RecordingModel {
  id: string;
  label?: string;
  role?: string;
  domain?: string;
  quantization?: string;
  vramMB?: number;
  note?: string;
}

/** What the recording device was, in a few plain facts (no identifiers beyond the GPU name). */
export interface RecordingDevice {
  gpu?: string;
  vendor?: string;
  architecture?: string;
  gpuClass?: string;
  shaderF16?: boolean;
  browser?: string;
  os?: string;
  memoryBudgetMB?: number;
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  /** ISO 8601 date. */
  createdAt: string;
  app: { name: string; version: string };
  /** True for synthetic test data that no model produced. */
  fixture?: boolean;
  note?: string;
  device?: RecordingDevice;
  engine: { kind: EngineKind; webllmVersion?: string };
  models: RecordingModel[];
  entries: RecordingEntry[];
}

const WHAT = "Recording";
const read = jsonReader(WHAT);
const ENGINE_KINDS: readonly EngineKind[] = ["webllm", "wllama", "replay", "remote", "mixed"];
const FINISH_REASONS: readonly FinishReason[] = ["stop", "length", "abort", "error"];
const ROLES: readonly ChatMessage["role"][] = ["system", "user", "assistant"];

/**
 * Upgrades from older versions: `UPGRADES[v]` turns a version-v document into version v + 1.
 * Empty while version 1 is the only one; add a step here when the format changes.
 */
const UPGRADES: Record<number, (doc: JsonObject) => JsonObject> = {};

/** Validate and upgrade a recording (a parsed value or JSON text); throws `malformed-input`, `schema-too-new`, `unsupported-format`. */
export function parseRecording(json: unknown): Recording {
  let doc = read.object(
    typeof json === "string"
      ? parseJsonText(
          "Recording",
          json,
          "The file may be cut short or edited by hand; export it again.",
        )
      : json,
    "",
  );
  if (doc.format !== RECORDING_FORMAT) {
    throw new PolymathError("unsupported-format", "This file is not a Polymath recording.", {
      advice: `A recording has "format": "${RECORDING_FORMAT}" at the top.`,
    });
  }
  const version = doc.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw read.fail("version", "must be a whole number from 1");
  }
  if (version > RECORDING_VERSION) {
    throw new PolymathError(
      "schema-too-new",
      `This recording uses version ${version}; this Polymath reads up to version ${RECORDING_VERSION}.`,
      { details: { found: version, known: RECORDING_VERSION } },
    );
  }
  for (let v = version; v < RECORDING_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (!upgrade) throw read.fail("version", `${v} has no upgrade path`);
    doc = upgrade(doc);
  }
  return readRecording(doc);
}

/** Recording as JSON text; compact by default because chunk lists are long. */
export function serializeRecording(
  recording: Recording,
  options: { pretty?: boolean } = {},
): string {
  return JSON.stringify(recording, null, options.pretty ? 2 : undefined);
}

function readRecording(doc: JsonObject): Recording {
  const createdAt = read.string(doc, "createdAt", "");
  if (Number.isNaN(Date.parse(createdAt))) throw read.fail("createdAt", "must be an ISO date");
  const app = read.object(doc.app, "app");
  const engine = read.object(doc.engine, "engine");
  const kind = oneOf(engine, "kind", "engine", ENGINE_KINDS);
  const webllmVersion = read.optString(engine, "webllmVersion", "engine");
  const models = read
    .array(doc.models, "models")
    .map((m, i) => readModel(m, childPath("models", i)));
  const modelIds = new Set<string>();
  models.forEach((m, i) => {
    if (modelIds.has(m.id)) throw read.fail(`models[${i}].id`, `"${m.id}" is listed twice`);
    modelIds.add(m.id);
  });
  if (models.length === 0) throw read.fail("models", "lists no model: there is nothing to replay");
  const entryIds = new Set<string>();
  const entries = read.array(doc.entries, "entries").map((e, i) => {
    const entry = readEntry(e, childPath("entries", i), modelIds);
    if (entryIds.has(entry.id)) throw read.fail(`entries[${i}].id`, `"${entry.id}" is used twice`);
    entryIds.add(entry.id);
    return entry;
  });
  if (entries.length === 0) {
    throw read.fail("entries", "holds no answers: there is nothing to replay");
  }
  const recording: Recording = {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    createdAt,
    app: { name: read.string(app, "name", "app"), version: read.string(app, "version", "app") },
    engine: webllmVersion === undefined ? { kind } : { kind, webllmVersion },
    models,
    entries,
  };
  const fixture = read.optBoolean(doc, "fixture", "");
  if (fixture !== undefined) recording.fixture = fixture;
  const note = read.optString(doc, "note", "");
  if (note !== undefined) recording.note = note;
  if (doc.device !== undefined) recording.device = readDevice(doc.device, "device");
  return recording;
}

function readModel(value: unknown, path: string): RecordingModel {
  const obj = read.object(value, path);
  const id = read.string(obj, "id", path);
  if (id === "") throw read.fail(childPath(path, "id"), "must not be empty");
  const model: RecordingModel = { id };
  for (const key of ["label", "role", "domain", "quantization", "note"] as const) {
    const v = read.optString(obj, key, path);
    if (v !== undefined) model[key] = v;
  }
  const vramMB = read.optNumber(obj, "vramMB", path);
  if (vramMB !== undefined) model.vramMB = vramMB;
  return model;
}

function readDevice(value: unknown, path: string): RecordingDevice {
  const obj = read.object(value, path);
  const device: RecordingDevice = {};
  for (const key of ["gpu", "vendor", "architecture", "gpuClass", "browser", "os"] as const) {
    const v = read.optString(obj, key, path);
    if (v !== undefined) device[key] = v;
  }
  const shaderF16 = read.optBoolean(obj, "shaderF16", path);
  if (shaderF16 !== undefined) device.shaderF16 = shaderF16;
  const memoryBudgetMB = read.optNumber(obj, "memoryBudgetMB", path);
  if (memoryBudgetMB !== undefined) device.memoryBudgetMB = memoryBudgetMB;
  return device;
}

function readEntry(value: unknown, path: string, modelIds: ReadonlySet<string>): RecordingEntry {
  const obj = read.object(value, path);
  const id = read.string(obj, "id", path);
  const modelId = read.string(obj, "modelId", path);
  if (!modelIds.has(modelId)) {
    throw read.fail(childPath(path, "modelId"), `"${modelId}" is not listed in models`);
  }
  const request = readRequest(obj.request, childPath(path, "request"));
  if (request.modelId !== modelId) {
    throw read.fail(childPath(path, "request.modelId"), `must equal ${path}.modelId`);
  }
  const chunksPath = childPath(path, "chunks");
  let previousT = 0;
  const chunks = read.array(obj.chunks, chunksPath).map((c, i) => {
    const chunk = readChunk(c, childPath(chunksPath, i));
    if (chunk.t < previousT) {
      throw read.fail(`${chunksPath}[${i}].t`, "must not be smaller than the previous chunk's t");
    }
    previousT = chunk.t;
    return chunk;
  });
  const result = readResult(obj.result, childPath(path, "result"));
  const joined = (reasoning: boolean): string =>
    chunks
      .filter((c) => (c.reasoning ?? false) === reasoning)
      .map((c) => c.delta)
      .join("");
  if (result.text !== joined(false)) {
    throw read.fail(childPath(path, "result.text"), "must equal the joined answer chunks");
  }
  if (result.reasoning !== joined(true)) {
    throw read.fail(childPath(path, "result.reasoning"), "must equal the joined reasoning chunks");
  }
  return { id, modelId, request, chunks, result };
}

function readChunk(value: unknown, path: string): RecordedChunk {
  const obj = read.object(value, path);
  const t = read.number(obj, "t", path);
  if (t < 0) throw read.fail(childPath(path, "t"), "must not be negative");
  const chunk: RecordedChunk = { t, delta: read.string(obj, "delta", path) };
  const reasoning = read.optBoolean(obj, "reasoning", path);
  if (reasoning) chunk.reasoning = true;
  return chunk;
}

function readRequest(value: unknown, path: string): ChatRequest {
  const obj = read.object(value, path);
  const messagesPath = childPath(path, "messages");
  const messages = read.array(obj.messages, messagesPath).map((m, i): ChatMessage => {
    const messagePath = childPath(messagesPath, i);
    const message = read.object(m, messagePath);
    return {
      role: oneOf(message, "role", messagePath, ROLES),
      content: read.string(message, "content", messagePath),
    };
  });
  return {
    modelId: read.string(obj, "modelId", path),
    messages,
    params: readParams(obj.params, childPath(path, "params")),
  };
}

function readParams(value: unknown, path: string): SamplingParams {
  const obj = read.object(value, path);
  const params: SamplingParams = {};
  for (const key of ["temperature", "top_p", "max_tokens", "seed"] as const) {
    const v = read.optNumber(obj, key, path);
    if (v !== undefined) params[key] = v;
  }
  const thinking = read.optBoolean(obj, "enable_thinking", path);
  if (thinking !== undefined) params.enable_thinking = thinking;
  if (obj.stop !== undefined) {
    const stopPath = childPath(path, "stop");
    params.stop = read.array(obj.stop, stopPath).map((s, i) => {
      if (typeof s !== "string") throw read.fail(`${stopPath}[${i}]`, "must be a string");
      return s;
    });
  }
  return params;
}

function readResult(value: unknown, path: string): RecordingResult {
  const obj = read.object(value, path);
  const usagePath = childPath(path, "usage");
  const usageObj = read.object(obj.usage, usagePath);
  const count = (key: keyof Usage): number => {
    const n = read.number(usageObj, key, usagePath);
    if (n < 0) throw read.fail(childPath(usagePath, key), "must not be negative");
    return n;
  };
  const usage: Usage = {
    promptTokens: count("promptTokens"),
    completionTokens: count("completionTokens"),
    ttftMs: count("ttftMs"),
    prefillTokensPerS: count("prefillTokensPerS"),
    decodeTokensPerS: count("decodeTokensPerS"),
    totalMs: count("totalMs"),
  };
  return {
    text: read.string(obj, "text", path),
    reasoning: read.string(obj, "reasoning", path),
    finishReason: oneOf(obj, "finishReason", path, FINISH_REASONS),
    usage,
  };
}

function oneOf<T extends string>(
  obj: JsonObject,
  key: string,
  path: string,
  allowed: readonly T[],
): T {
  const value = obj[key];
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  throw read.fail(
    childPath(path, key),
    `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
  );
}
