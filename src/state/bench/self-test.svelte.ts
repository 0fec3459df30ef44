/**
 * "Check references": every reference solution of a suite must pass its tests in the sandbox
 * and every wrong one must fail, which shows the tests themselves work. Reports are kept per
 * suite for the session.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import type { SelfTestReport } from "../../core/scoring/protocol";
import type { Suite } from "../../core/scoring/types";
import type { CallOptions } from "../../platform/scoring-client";

export interface SelfTester {
  selfTest(suite: Suite, options?: CallOptions): Promise<SelfTestReport>;
}

export class SelfTest {
  /** The suite being checked, or null. */
  running = $state<string | null>(null);
  progress = $state({ done: 0, total: 0 });
  reports = $state<Record<string, { report: SelfTestReport; durationMs: number }>>({});
  errors = $state<Record<string, PolymathError>>({});
  readonly #tester: () => SelfTester;
  readonly #now: () => number;

  constructor(tester: () => SelfTester, now: () => number = () => performance.now()) {
    this.#tester = tester;
    this.#now = now;
  }

  async run(suite: Suite): Promise<void> {
    if (this.running !== null) return;
    this.running = suite.id;
    this.progress = { done: 0, total: 0 };
    delete this.errors[suite.id];
    const started = this.#now();
    try {
      const report = await this.#tester().selfTest(suite, {
        onProgress: (done, total) => (this.progress = { done, total }),
      });
      this.reports[suite.id] = { report, durationMs: this.#now() - started };
    } catch (e) {
      this.errors[suite.id] = toPolymathError(e);
    } finally {
      this.running = null;
    }
  }
}
