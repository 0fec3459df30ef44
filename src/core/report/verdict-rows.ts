/** The per-item verdict table of a scored responses file: flat rows, filters and pages. */
import type { ScoreReport } from "../scoring/protocol";

export interface VerdictRow {
  model: string;
  itemId: string;
  pass: boolean;
  score: number;
  reason: string;
  /** What the scorer took from the answer (final number, letter, code); "" when nothing. */
  extracted: string;
}

export interface VerdictFilter {
  /** One model's rows, or every model's when empty. */
  model: string;
  failuresOnly: boolean;
}

/** Every verdict of `report` as a row, model by model in suite order, filtered. */
export function verdictRows(report: ScoreReport, filter: VerdictFilter): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const m of report.models) {
    if (filter.model !== "" && m.model !== filter.model) continue;
    for (const v of m.verdicts) {
      if (filter.failuresOnly && v.pass) continue;
      rows.push({
        model: m.model,
        itemId: v.itemId,
        pass: v.pass,
        score: v.score,
        reason: v.reason,
        extracted: v.extracted ?? "",
      });
    }
  }
  return rows;
}

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown (0 and 0 when empty). */
  from: number;
  to: number;
  total: number;
}

/** Page `page` (0-based) of `list` with `size` rows per page; out-of-range pages are clamped. */
export function paginate<T>(list: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const rows = list.slice(p * size, p * size + size);
  const from = rows.length === 0 ? 0 : p * size + 1;
  return {
    rows,
    page: p,
    pages,
    from,
    to: from === 0 ? 0 : from + rows.length - 1,
    total: list.length,
  };
}
