/**
 * What a bench run is made of: which suites (whole or a seeded sample) on which models, with which
 * settings; and what it stores per item, each as soon as it finishes, so a reload, a crashed tab or
 * a lost GPU resumes the run without running a finished item again.
 */
import type { Domain } from "../../domains";
import type { SerializedError } from "../../errors";
import type { RuntimeId } from "../../engine/runtime";
import type { FinishReason, SamplingParams, Usage } from "../../engine/types";
import type { ItemKind, Verdict } from "../../scoring/types";
import type { RecordingDevice } from "../../engine/replay/recording";
import type { DomainPrompts } from "../../routing/domain-prompts";
import type { RouteLabel } from "../../routing/labels";
import type { TeamConfig } from "../../routing/team";
import type { Throughput } from "./throughput";

export interface BenchSuiteRef {
  id: string;
  name: string;
  /** SHA-256 (hex) of the suite's items, so a report says exactly what was asked. */
  hash: string;
  /** The items run, in order (all of the suite, or a seeded sample). */
  itemIds: string[];
  /** Items in the whole suite. */
  totalItems: number;
  sample?: { n: number; seed: number };
}

/** Where a model's answers come from: a runtime on this device, a recording, or a file. */
export type BenchSource = RuntimeId | "imported";

export interface BenchModelRef {
  id: string;
  name: string;
  role: string;
  domains: string[];
  source: BenchSource;
  /** Quantization code, when the model has one ("q4f16_1", "Q4_K_M"). */
  quantization?: string;
  /** Memory the model needs on this device, MB (0 when unknown or none). */
  memoryMB: number;
  /** Bytes a download of the model takes, when known. */
  downloadBytes?: number;
  /**
   * The prompt-specialized generalist: `baseId` asked with the domain prompt the router picks for
   * each item (the same weights, no extra download or memory).
   */
  prompted?: { baseId: string };
}

/** The router's decision on one item's prompt, as measured when the run started. */
export interface RecordedRoute {
  label: RouteLabel;
  confidence: number;
  unsure: boolean;
  /** Decision time on this device, ms. */
  ms: number;
}

/** How a run routes: the router, its decision per item, the team and the domain prompts. */
export interface BenchRouting {
  router: { dataHash: string; threshold: number; heldOutAccuracy: number };
  /** By `itemKey(suiteId, itemId)`. */
  decisions: Record<string, RecordedRoute>;
  /** Which member answers each label, and the fallback generalist. */
  team: TeamConfig;
  /** What the prompt-specialized generalist is told per label. */
  domainPrompts: DomainPrompts;
}

export interface BenchConfig {
  suites: BenchSuiteRef[];
  models: BenchModelRef[];
  /** Deterministic decoding for every model: temperature 0 and a fixed seed. */
  params: SamplingParams;
  /** Generation limit per item kind. */
  maxTokens: Record<ItemKind, number>;
  /** An item still generating after this long is stopped and counts as failed. */
  itemTimeoutMs: number;
}

export type BenchStatus = "running" | "paused" | "done" | "cancelled";

/** Measured once per model per run. */
export interface LoadCost {
  loadMs: number;
  /** True when the model's files were not all cached before (a download happened). */
  cold: boolean;
  /** The models loaded in the same call (`loadMs` is that call's time, shared with them). */
  with?: string[];
}

export interface BenchRun {
  id: string;
  title: string;
  createdAt: number;
  config: BenchConfig;
  status: BenchStatus;
  /** Present when the run has a generalist: the router's decisions, the team, the prompts. */
  routing?: BenchRouting;
  /** Load time of each model, by id, as measured in this run. */
  loads: Record<string, LoadCost>;
  /**
   * The throughput each model got, by id, summed over the run's sessions (absent in runs made
   * before it was measured). Saved with each answer.
   */
  throughput?: Record<string, Throughput>;
  provenance: {
    app: { name: string; version: string };
    device?: RecordingDevice;
    /** web-llm's version, when a model ran on it. */
    webllmVersion?: string;
  };
}

/** One item's answer on one model; `verdict` arrives when scoring finished. */
export interface BenchResult {
  runId: string;
  modelId: string;
  suiteId: string;
  itemId: string;
  domain: Domain;
  kind: ItemKind;
  answer: string;
  finishReason: FinishReason | "timeout";
  usage?: Usage;
  /** Set when generation failed (the item then counts as failed, with this reason). */
  error?: SerializedError;
  verdict?: Verdict;
  at: number;
}

/** The key of one (suite, item) in a run. */
export const itemKey = (suiteId: string, itemId: string): string =>
  [suiteId, itemId].map(encodeURIComponent).join("|");

/** The key of one (model, suite, item) in a run. */
export const resultKey = (modelId: string, suiteId: string, itemId: string): string =>
  [modelId, suiteId, itemId].map(encodeURIComponent).join("|");
