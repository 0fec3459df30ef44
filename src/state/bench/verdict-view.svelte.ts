/** The per-item verdict table's filters and page, over the current report. */
import type { ScoreReport } from "../../core/scoring/protocol";
import { paginate, verdictRows } from "../../core/report/verdict-rows";

export const VERDICTS_PER_PAGE = 25;

export class VerdictView {
  /** One model, or "" for all. */
  model = $state("");
  failuresOnly = $state(false);
  page = $state(0);
  readonly #report: () => ScoreReport | null;

  rows = $derived.by(() => {
    const report = this.#report();
    return report
      ? verdictRows(report, { model: this.model, failuresOnly: this.failuresOnly })
      : [];
  });
  current = $derived(paginate(this.rows, this.page, VERDICTS_PER_PAGE));

  constructor(report: () => ScoreReport | null) {
    this.#report = report;
  }

  /** Back to the first page, e.g. after a filter changed. */
  reset(): void {
    this.page = 0;
  }
}
