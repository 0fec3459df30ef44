/**
 * The composition root's Bench part (loaded with the Bench view): suites, imports, scoring, the
 * self-test and bench runs, over the scoring worker and the code sandbox (both started on first
 * use) and the shared runtimes.
 */
import { version } from "../../../package.json";
import { findRemoteModel } from "../../core/engine/remote/endpoint";
import { deviceSummary } from "../../core/engine/replay/recording-builder";
import { describeModel, mixedCandidates } from "../../core/runs/compare/candidates";
import { createBenchStore } from "../../core/runs/bench/bench-store";
import type { BenchModelRef } from "../../core/runs/bench/types";
import { createSuiteStore } from "../../core/storage/suites";
import { getSandbox } from "../../platform/sandbox/shared-sandbox";
import { ScoringClient } from "../../platform/scoring-client";
import { store } from "../../platform/stores";
import type { App } from "../app.svelte";
import { BenchRuns } from "../bench/bench-runs.svelte";
import { domainPromptsChoice } from "./team-root";
import { BenchState } from "../bench/bench.svelte";

export async function createBenchView(app: App): Promise<BenchState> {
  // The built-in suites are their own chunk, fetched beside the catalog; the view opens with them
  // listed, so the list never grows under the reader.
  const [catalog, builtIns, consent, replayFile] = await Promise.all([
    app.catalog(),
    import("../../core/scoring/suites/index").then((m) => m.builtInSuites),
    app.consent(),
    app.replayFile(),
  ]);
  const { engines, device } = app;
  let client: ScoringClient | null = null;
  const scoring = () => (client ??= new ScoringClient({ runner: getSandbox }));
  const describe = (id: string): BenchModelRef => {
    const d = describeModel(id, catalog.entries, engines.recording);
    const entry = catalog.byId(id);
    const traits = engines.traitsOf(id);
    return {
      id,
      name: d.name,
      role: d.role,
      domains: d.domains,
      source: engines.runtimeOf(id),
      ...(entry?.quant ? { quantization: entry.quant.code } : {}),
      memoryMB: traits.usesDeviceMemory ? (d.vramMB ?? 0) : 0,
    };
  };
  const bench = new BenchState({
    client: scoring,
    domainPrompts: domainPromptsChoice(),
    builtIns,
    consent,
    replayFile,
    openSuites: async () => {
      const opened = await store("suites");
      return {
        store: createSuiteStore(opened.store),
        ...(opened.error ? { error: opened.error } : {}),
      };
    },
    runModels: () => mixedCandidates(catalog.entries, catalog.fit, engines.recording),
    runs: (library) =>
      new BenchRuns({
        store: async () => createBenchStore((await store("benchRuns")).store),
        engine: engines,
        score: (item, answer) => scoring().scoreAnswer(item, answer),
        report: (run, results) => scoring().benchReport(run, results),
        suite: (id) => library.get(id),
        describeModel: describe,
        confirmDownload: (ids) => consent.ask(ids),
        // A runtime that serves in parallel gets its endpoint's setting; the others one at a time.
        concurrency: (id) =>
          engines.traitsOf(id).servesInParallel
            ? (findRemoteModel(catalog.endpoints, id)?.endpoint.maxConcurrent ?? 1)
            : 1,
        memory: {
          footprint: (id) => {
            const { memory } = engines.traitsOf(id);
            const mb = describeModel(id, catalog.entries, engines.recording).vramMB;
            return { pool: memory, mb: mb ?? undefined };
          },
          budgetMB: (pool) =>
            pool === "cpu" ? device.profile?.cpu.memoryBudgetMB : device.profile?.memoryBudgetMB,
        },
        cached: async (id) => {
          if (!engines.traitsOf(id).downloads) return true;
          return (await (await engines.cache()).cachedModelIds([id])).includes(id);
        },
        provenance: () => ({
          app: { name: "polymath", version },
          ...(device.profile ? { device: deviceSummary(device.profile) } : {}),
          webllmVersion: catalog.webllmVersion,
        }),
      }),
  });
  app.made = { ...app.made, bench };
  return bench;
}
