/**
 * The composition root's Bench part (loaded with the Bench view): suites, imports, scoring and
 * the self-test, over the scoring worker and the code sandbox (both started on first use).
 */
import { createSuiteStore } from "../../core/storage/suites";
import { getSandbox } from "../../platform/sandbox/shared-sandbox";
import { ScoringClient } from "../../platform/scoring-client";
import { store } from "../../platform/stores";
import { BenchState } from "../bench/bench.svelte";

export function createBenchView(): BenchState {
  let client: ScoringClient | null = null;
  return new BenchState({
    client: () => (client ??= new ScoringClient({ runner: getSandbox })),
    openSuites: async () => {
      const opened = await store("suites");
      return {
        store: createSuiteStore(opened.store),
        ...(opened.error ? { error: opened.error } : {}),
      };
    },
  });
}
