/**
 * The models a comparison can use and how a column names them: the catalog's runnable chat models
 * live, or the recording's models in replay. Pure functions over catalog entries, fit and the
 * recording, so the view and the tests share them.
 */
import type { CatalogEntry, FitAssessment, FitStatus } from "../../catalog/types";
import type { Recording, RecordingModel } from "../../engine/replay/recording";

export interface CompareCandidate {
  id: string;
  name: string;
  role: string;
  domains: string[];
  vramMB: number | null;
  /** Fit on this device; "fits" for a recording's model (replay needs no GPU). */
  fit: FitStatus;
  reasons: string[];
  /** Answers come from the loaded recording, not from a model run now. */
  replayed: boolean;
}

/** What a column shows about its model. */
export interface ModelDescription {
  id: string;
  name: string;
  role: string;
  domains: string[];
  vramMB: number | null;
}

/** Describe a model from the recording (in replay) and the catalog, whichever knows it. */
export function describeModel(
  id: string,
  entries: readonly CatalogEntry[],
  recording: Recording | null,
): ModelDescription {
  const entry = entries.find((e) => e.id === id);
  const recorded = recording?.models.find((m) => m.id === id);
  return {
    id,
    name: recorded?.label ?? entry?.name ?? id,
    role: recorded?.role ?? entry?.role ?? "unknown",
    domains: recorded?.domain ? [recorded.domain] : (entry?.domains ?? []),
    vramMB: recorded?.vramMB ?? entry?.vramMB ?? null,
  };
}

/**
 * Models offered for a comparison. Replay: the recording's models that have answers. Live: chat
 * models that run here (fits before tight, then by size), or every chat model while the device is
 * not yet known (`fit` empty).
 */
export function compareCandidates(
  entries: readonly CatalogEntry[],
  fit: ReadonlyMap<string, FitAssessment>,
  recording: Recording | null,
): CompareCandidate[] {
  if (recording) {
    return recording.models
      .filter((m) => recording.entries.some((e) => e.modelId === m.id))
      .map((m) => ({
        ...describeModel(m.id, entries, recording),
        fit: "fits",
        reasons: [],
        replayed: true,
      }));
  }
  const known = fit.size > 0;
  const rank: Record<FitStatus, number> = { fits: 0, tight: 1, "wont-run": 2 };
  return entries
    .filter((e) => e.chatCapable && (!known || fit.get(e.id)?.status !== "wont-run"))
    .map((e) => ({
      ...describeModel(e.id, entries, null),
      fit: fit.get(e.id)?.status ?? "fits",
      reasons: fit.get(e.id)?.reasons ?? [],
      replayed: false,
    }))
    .sort((a, b) => rank[a.fit] - rank[b.fit] || (a.vramMB ?? 0) - (b.vramMB ?? 0));
}

/**
 * Models offered while a recording may be loaded: its models that have answers (replayed),
 * then the live candidates it does not shadow, so one comparison can mix the two.
 */
export function mixedCandidates(
  entries: readonly CatalogEntry[],
  fit: ReadonlyMap<string, FitAssessment>,
  recording: Recording | null,
): CompareCandidate[] {
  const live = compareCandidates(entries, fit, null);
  if (!recording) return live;
  const recorded = compareCandidates(entries, fit, recording);
  const shadowed = new Set(recording.models.map((m) => m.id));
  return [...recorded, ...live.filter((c) => !shadowed.has(c.id))];
}

/**
 * What the model chooser lists: the chosen models first, in column order, then the others whose
 * name, id, role or domains contain `filter` (case-insensitive).
 */
export function chooserList(
  selected: readonly string[],
  candidates: readonly CompareCandidate[],
  filter: string,
): CompareCandidate[] {
  const needle = filter.trim().toLowerCase();
  return [
    ...selected.flatMap((id) => candidates.filter((c) => c.id === id)),
    ...candidates.filter(
      (c) =>
        !selected.includes(c.id) &&
        `${c.name} ${c.id} ${c.role} ${c.domains.join(" ")}`.toLowerCase().includes(needle),
    ),
  ];
}

/** The models a blind pair is drawn from: the chosen ones when two or more, else every candidate. */
export function blindPool(
  selected: readonly string[],
  candidates: readonly CompareCandidate[],
): string[] {
  return selected.length >= 2 ? [...selected] : candidates.map((c) => c.id);
}

/** Recording annotations for an exported comparison. */
export function recordingModelOf(model: ModelDescription): RecordingModel {
  const annotated: RecordingModel = { id: model.id };
  if (model.name !== model.id) annotated.label = model.name;
  if (model.role !== "unknown") annotated.role = model.role;
  if (model.domains.length > 0) annotated.domain = model.domains.join(", ");
  if (model.vramMB !== null) annotated.vramMB = model.vramMB;
  return annotated;
}
