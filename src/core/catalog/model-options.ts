/**
 * The choices a model picker offers: chat-capable catalog models grouped by role, each with its
 * fit on this device (won't-run ones disabled with their reason), or the models of a recording.
 */
import type { CatalogEntry, FitAssessment, FitStatus } from "./types";
import type { RecordingModel } from "../engine/replay/recording";

export interface ModelOption {
  id: string;
  /** What the option shows, fit included. */
  text: string;
  disabled: boolean;
  status: FitStatus | null;
  reasons: string[];
}

export interface ModelOptionGroup {
  label: string;
  options: ModelOption[];
}

const ROLE_GROUPS = [
  { role: "generalist", label: "Generalists" },
  { role: "specialist", label: "Specialists" },
  { role: "unknown", label: "Other models" },
] as const;

/** Catalog models that can chat, grouped generalists / specialists / other; empty groups omitted. */
export function catalogOptions(
  entries: readonly CatalogEntry[],
  fit: ReadonlyMap<string, FitAssessment>,
): ModelOptionGroup[] {
  return ROLE_GROUPS.map(({ role, label }) => ({
    label,
    options: entries
      .filter((e) => e.chatCapable && e.role === role)
      .map((e) => catalogOption(e, fit.get(e.id))),
  })).filter((g) => g.options.length > 0);
}

function catalogOption(entry: CatalogEntry, fit: FitAssessment | undefined): ModelOption {
  const status = fit?.status ?? null;
  const reasons = fit?.reasons ?? [];
  const suffix =
    status === "wont-run"
      ? ` — won't run: ${reasons[0] ?? "not on this device"}`
      : status === "tight"
        ? " — tight fit"
        : "";
  return {
    id: entry.id,
    text: entry.name + suffix,
    disabled: status === "wont-run",
    status,
    reasons,
  };
}

/** A recording's models, as one group; all selectable (no GPU is needed to replay). */
export function recordingOptions(models: readonly RecordingModel[]): ModelOptionGroup[] {
  return [
    {
      label: "In the recording",
      options: models.map((m) => ({
        id: m.id,
        text: [m.label ?? m.id, m.role, m.domain].filter(Boolean).join(" · "),
        disabled: false,
        status: null,
        reasons: [],
      })),
    },
  ];
}

/** Words for a fit status. */
export function fitWords(status: FitStatus): string {
  return status === "fits"
    ? "Fits this device"
    : status === "tight"
      ? "Tight fit"
      : "Won't run here";
}
