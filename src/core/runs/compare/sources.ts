/**
 * Where a comparison's answers come from, and what its columns cost, when some columns may be
 * replayed from a recording and others run live. A replay uses no device memory: a turn whose
 * every column is replayed is planned as the recording's device did (or all at once); in a mixed
 * turn the replayed columns count as 0 MB against this device's budget.
 */
import type { DeviceProfile } from "../../device/types";
import type { Recording } from "../../engine/replay/recording";
import type { RuntimeId } from "../../engine/runtime";
import { deviceSummary } from "../../engine/replay/recording-builder";
import type { VoteAnswers } from "../../report/vote-types";
import type { ComparisonSource } from "./comparisons";

type IsReplayed = (modelId: string) => boolean;

const allReplayed = (models: readonly string[], replayed: IsReplayed): boolean =>
  models.length > 0 && models.every(replayed);

/** The memory budget (MB) a turn of these columns is planned in; Infinity when unknown. */
export function columnBudgetMB(
  models: readonly string[],
  replayed: IsReplayed,
  budgets: { replay?: number | undefined; device?: number | undefined },
): number {
  return allReplayed(models, replayed)
    ? (budgets.replay ?? Infinity)
    : (budgets.device ?? Infinity);
}

/** The memory (MB) one column takes in a turn of `models`, given what it needs when live. */
export function columnVramMB(
  modelId: string,
  models: readonly string[],
  replayed: IsReplayed,
  vramMB: number,
): number {
  return !replayed(modelId) || allReplayed(models, replayed) ? vramMB : 0;
}

/** The truth about a new comparison's answers, stored with it and carried into exports. */
export function comparisonSource(
  models: readonly string[],
  replayed: IsReplayed,
  context: {
    recording: Recording | null;
    webllmVersion: string;
    device: DeviceProfile | null;
    /** The runtime serving a live model (web-llm when not given). */
    runtimeOf?: (modelId: string) => RuntimeId;
  },
): ComparisonSource {
  const { recording, device } = context;
  const fromRecording = models.filter(replayed);
  if (recording && fromRecording.length === models.length && models.length > 0) {
    return {
      engine: "replay",
      ...(recording.fixture ? { fixture: true } : {}),
      ...(recording.note ? { note: recording.note } : {}),
      ...(recording.device ? { device: recording.device } : {}),
      ...(recording.engine.webllmVersion ? { webllmVersion: recording.engine.webllmVersion } : {}),
    };
  }
  const live = models.filter((id) => !replayed(id));
  const runtimes = Object.fromEntries(
    live.map((id) => [id, context.runtimeOf?.(id) ?? ("webllm" as const)]),
  );
  const kinds = new Set(Object.values(runtimes));
  const [only] = kinds;
  return {
    engine: fromRecording.length > 0 || kinds.size > 1 ? "mixed" : (only ?? "webllm"),
    webllmVersion: context.webllmVersion,
    ...(live.length > 0 ? { runtimes } : {}),
    ...(device ? { device: deviceSummary(device) } : {}),
    ...(fromRecording.length > 0 ? { replayedModels: fromRecording } : {}),
    ...(recording?.fixture && fromRecording.length > 0 ? { fixture: true } : {}),
  };
}

/**
 * Where the two answers of a blind vote came from, when not both were generated live: a vote on a
 * synthetic fixture or a replayed recording is kept apart from the live leaderboard.
 */
export function voteAnswers(
  source: ComparisonSource | undefined,
  a: string,
  b: string,
): VoteAnswers | undefined {
  const share = replayedShare(source);
  const replayed = share === "all" || [a, b].some((id) => source?.replayedModels?.includes(id));
  if (!replayed) return undefined;
  return source?.fixture ? "fixture" : "replayed";
}

/** How many of a stored comparison's columns were replayed rather than run on a device. */
export function replayedShare(source: ComparisonSource | undefined): "all" | "some" | "none" {
  if (source?.engine === "replay") return "all";
  return source?.replayedModels?.length ? "some" : "none";
}
