/**
 * Making recordings: `RecordingBuilder` collects answers, and `recordingEngine` wraps any Engine
 * so every chat it streams is captured with its chunk timings. This is how live runs on a real
 * GPU become shareable, replayable files.
 */
import type { DeviceProfile } from "../../device/types";
import {
  parseRecording,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type RecordedChunk,
  type Recording,
  type RecordingDevice,
  type RecordingEntry,
  type RecordingModel,
} from "./recording";
import { systemScheduler, type Scheduler } from "../scheduler";
import type { ChatRequest, Engine, EngineKind } from "../types";

export interface RecordingBuilderInit {
  app: { name: string; version: string };
  engine: { kind: EngineKind; webllmVersion?: string };
  device?: RecordingDevice;
  /** ISO date; now by default. */
  createdAt?: string;
  /** Set only for synthetic test data. */
  fixture?: boolean;
  note?: string;
}

export type NewEntry = Omit<RecordingEntry, "id"> & { id?: string };

/** Collects models and answers, then builds a validated Recording. */
export class RecordingBuilder {
  private readonly models = new Map<string, RecordingModel>();
  private readonly entries: RecordingEntry[] = [];

  constructor(private readonly init: RecordingBuilderInit) {}

  /** Add a model, or merge new annotations into one already listed. */
  addModel(model: RecordingModel): void {
    this.models.set(model.id, { ...this.models.get(model.id), ...model });
  }

  /** Add one answer (its model is listed if it was not); returns the stored entry. */
  addEntry(entry: NewEntry): RecordingEntry {
    if (!this.models.has(entry.modelId)) this.addModel({ id: entry.modelId });
    const stored: RecordingEntry = {
      id: entry.id ?? `e${this.entries.length + 1}`,
      modelId: entry.modelId,
      request: copyRequest(entry.request),
      chunks: entry.chunks.map((c) => ({ ...c })),
      result: { ...entry.result, usage: { ...entry.result.usage } },
    };
    this.entries.push(stored);
    return stored;
  }

  get entryCount(): number {
    return this.entries.length;
  }

  /** The recording so far, validated (a builder bug surfaces as `malformed-input`). */
  build(): Recording {
    const { app, engine, device, createdAt, fixture, note } = this.init;
    const doc: Recording = {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      createdAt: createdAt ?? new Date().toISOString(),
      app,
      ...(fixture === undefined ? {} : { fixture }),
      ...(note === undefined ? {} : { note }),
      ...(device === undefined ? {} : { device }),
      engine,
      models: [...this.models.values()],
      entries: this.entries,
    };
    return parseRecording(JSON.parse(JSON.stringify(doc)));
  }
}

/** Wrap `inner` so each chat streamed through it is added to `builder` with chunk timings. */
export function recordingEngine(
  inner: Engine,
  builder: RecordingBuilder,
  scheduler: Scheduler = systemScheduler,
): Engine {
  return {
    kind: inner.kind,
    async load(modelIds, options) {
      await inner.load(modelIds, options);
      for (const id of modelIds) builder.addModel({ id });
    },
    loaded: () => inner.loaded(),
    async chat(request, options) {
      const snapshot = copyRequest(request);
      const chunks: RecordedChunk[] = [];
      const start = scheduler.now();
      const result = await inner.chat(request, {
        ...options,
        onChunk: (chunk) => {
          const t = Math.round(scheduler.now() - start);
          chunks.push(
            chunk.reasoning
              ? { t, delta: chunk.delta, reasoning: true }
              : { t, delta: chunk.delta },
          );
          options.onChunk(chunk);
        },
      });
      const { text, reasoning, finishReason, usage } = result;
      builder.addEntry({
        modelId: request.modelId,
        request: snapshot,
        chunks,
        result: { text, reasoning, finishReason, usage },
      });
      return result;
    },
    interrupt: () => inner.interrupt(),
    unload: (modelIds) => inner.unload(modelIds),
  };
}

/** The few device facts a recording keeps (no user agent string, no storage figures). */
export function deviceSummary(profile: DeviceProfile): RecordingDevice {
  const summary: RecordingDevice = {
    gpuClass: profile.gpuClass,
    shaderF16: profile.shaderF16,
    browser: `${profile.browser.kind} ${profile.browser.version}`,
    os: profile.browser.os,
    memoryBudgetMB: profile.memoryBudgetMB,
  };
  const adapter = profile.adapter;
  if (adapter) {
    if (adapter.description) summary.gpu = adapter.description;
    if (adapter.vendor) summary.vendor = adapter.vendor;
    if (adapter.architecture) summary.architecture = adapter.architecture;
  }
  return summary;
}

function copyRequest(request: ChatRequest): ChatRequest {
  return {
    modelId: request.modelId,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    params: {
      ...request.params,
      ...(request.params.stop ? { stop: [...request.params.stop] } : {}),
    },
  };
}
