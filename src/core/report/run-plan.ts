/**
 * "Run this yourself" from a shared bench report: which of its suites and models this device has,
 * to preselect them in a new run, and which it lacks, to say so. Suites match by id (the built-in
 * suites' ids are stable); models by id, else by their exact name (another runtime's build of the
 * same model keeps its name, not its id). Answers imported from a file cannot be repeated from
 * the link: the plan names them so the user can add the file again.
 */
import type { SharedReport } from "./shared-report";

/** What a shared report asks to repeat: its title, suites and models, as the report has them. */
export interface RunRequest {
  /** Where it came from, for the note ("the shared report “…”"). */
  title: string;
  suites: SharedReport["suites"];
  models: SharedReport["models"];
}

/** What this device can do of a request. */
export interface RunPlan {
  suites: string[];
  models: string[];
  /** The request's seeded sample when every sampled suite used the same one; else whole suites. */
  sample: { n: number; seed: number } | null;
  missingSuites: string[];
  missingModels: { name: string; role: string }[];
  /** Models whose answers came from a responses file: the user adds the file again. */
  importedModels: string[];
  /** Suites whose item count here differs from the report's (edited or newer suites). */
  changedSuites: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** Plan `request` against the suites and models this device has now. */
export function planRun(
  request: RunRequest,
  have: {
    suites: readonly { id: string; itemCount: number }[];
    models: readonly { id: string; name: string }[];
  },
): RunPlan {
  const suites: string[] = [];
  const missingSuites: string[] = [];
  const changedSuites: string[] = [];
  for (const s of request.suites) {
    const here = have.suites.find((h) => h.id === s.id);
    if (!here) {
      missingSuites.push(s.name);
      continue;
    }
    suites.push(s.id);
    const expected = s.sample ? Math.min(s.sample.n, here.itemCount) : here.itemCount;
    if (expected !== s.items) changedSuites.push(s.name);
  }
  const models: string[] = [];
  const missingModels: { name: string; role: string }[] = [];
  const importedModels: string[] = [];
  for (const m of request.models) {
    if (m.source === "imported") {
      importedModels.push(m.name);
      continue;
    }
    const here =
      have.models.find((h) => h.id === m.id) ??
      have.models.find((h) => norm(h.name) === norm(m.name));
    if (here && !models.includes(here.id)) models.push(here.id);
    else if (!here) missingModels.push({ name: m.name, role: m.role });
  }
  const samples = request.suites.filter((s) => suites.includes(s.id)).map((s) => s.sample);
  const first = samples[0];
  const same =
    first !== undefined && samples.every((s) => s && s.n === first.n && s.seed === first.seed);
  return {
    suites,
    models,
    sample: same ? { n: first.n, seed: first.seed } : null,
    missingSuites,
    missingModels,
    importedModels,
    changedSuites,
  };
}
