/**
 * Which model the Chat view uses: the default generalist for this device, and a smaller one to
 * suggest after running out of GPU memory. Pure functions over catalog entries and the profile.
 */
import { assessFit } from "../../catalog/fit";
import { pickVariant } from "../../catalog/pick-variant";
import type { CatalogEntry } from "../../catalog/types";
import type { Recording } from "../../engine/replay/recording";
import { RUNTIME_TRAITS } from "../../engine/runtime";
import type { DeviceProfile } from "../../device/types";
import type { ConversationMessage } from "../../storage/conversation-schema";
import { isRoutedModelId } from "../../routing/labels";

/** Preferred generalists, best first (model keys; the variant is chosen per device). */
export const DEFAULT_CHAT_KEYS = ["Qwen3-1.7B", "Qwen2.5-1.5B-Instruct"] as const;

/**
 * The model a new chat starts with: the best runnable variant of the first preferred key, else
 * the first runnable chat generalist; when nothing runs here, the first preferred model anyway
 * (its fit then explains why). Null for an empty catalog.
 */
export function defaultChatModel(
  entries: readonly CatalogEntry[],
  profile: DeviceProfile,
): string | null {
  // With WebGPU, a model on the GPU beats the same or a larger one on the CPU (many times faster).
  if (profile.verdict !== "no-webgpu") {
    const gpu = entries.filter((e) => RUNTIME_TRAITS[e.runtime].memory !== "cpu");
    const onGpu = runnableDefault(gpu, profile);
    if (onGpu) return onGpu;
  }
  const runnable = runnableDefault(entries, profile);
  if (runnable) return runnable;
  const picks = DEFAULT_CHAT_KEYS.map((key) => pickVariant(entries, key, profile));
  return picks.find((p) => p !== null)?.entry.id ?? entries.find((e) => e.chatCapable)?.id ?? null;
}

/** The first preferred key's best runnable variant, else the first runnable chat generalist. */
function runnableDefault(entries: readonly CatalogEntry[], profile: DeviceProfile): string | null {
  const picks = DEFAULT_CHAT_KEYS.map((key) => pickVariant(entries, key, profile));
  const runnable = picks.find((p) => p !== null && p.fit.status !== "wont-run");
  if (runnable) return runnable.entry.id;
  const generalist = entries.find(
    (e) => e.chatCapable && e.role === "generalist" && assessFit(e, profile).status !== "wont-run",
  );
  return generalist?.id ?? null;
}

/**
 * A smaller model that runs here, to suggest after `out-of-memory` or `device-lost`: the largest
 * runnable chat model needing less GPU memory than `modelId`, of the same role when there is one.
 */
export function smallerModel(
  entries: readonly CatalogEntry[],
  profile: DeviceProfile,
  modelId: string,
): CatalogEntry | null {
  const current = entries.find((e) => e.id === modelId);
  const limit = current?.vramMB ?? Infinity;
  const candidates = entries.filter(
    (e) =>
      e.chatCapable &&
      e.id !== modelId &&
      e.vramMB !== null &&
      e.vramMB < limit &&
      assessFit(e, profile).status !== "wont-run",
  );
  const sameRole = candidates.filter((e) => e.role === current?.role);
  const pool = sameRole.length > 0 ? sameRole : candidates;
  pool.sort((a, b) => (b.vramMB ?? 0) - (a.vramMB ?? 0));
  return pool[0] ?? null;
}

/** The recording's model a chat uses in replay mode: the first one that has answers. */
export function recordingModel(recording: Recording): string | null {
  const withAnswers = recording.models.find((m) =>
    recording.entries.some((e) => e.modelId === m.id),
  );
  return (withAnswers ?? recording.models[0])?.id ?? null;
}

/**
 * The model a chat's next answer comes from: the conversation's choice, else the device default;
 * while a recording is replayed, the choice when the recording has it, else the recording's own
 * model ("" when none). Otherwise a choice that `runsHere` says cannot run (a model once replayed)
 * gives the default.
 */
export function answeringModel(
  chosen: string,
  replay: { readonly recording: Recording | null },
  defaultModel?: () => string | null,
  runsHere?: (modelId: string) => boolean,
): string {
  const { recording } = replay;
  // The routed team (and the prompt-specialized generalist) is routed per prompt, live or replayed.
  if (isRoutedModelId(chosen)) return chosen;
  if (recording) {
    return recording.models.some((m) => m.id === chosen)
      ? chosen
      : (recordingModel(recording) ?? "");
  }
  if (chosen && runsHere?.(chosen) !== false) return chosen;
  return defaultModel?.() ?? chosen;
}

/** The recording (label) the conversation's last replayed answer came from; null when none was. */
export function replayedFrom(messages: readonly ConversationMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const from = messages[i]?.replayOf;
    if (from) return from;
  }
  return null;
}
