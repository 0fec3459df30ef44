/**
 * The bench report's charts as SVG text, the same for the view and the self-contained HTML export:
 * scores per domain with 95% interval bars, and overall score against total memory (which system
 * gives most quality per GB). Labelled axes; colours from CSS variables with fallbacks, so they
 * read in light and dark; a viewBox, so they scale down to 360 px. Every label is escaped.
 */
import type { BenchReport } from "./bench-report";

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const COLORS = ["#3b5bdb", "#e8590c", "#2f9e44", "#ae3ec9", "#1098ad", "#f08c00"];
const pct = (x: number) => `${Math.round(x * 100)}%`;
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");

/** Grouped bars: one group per domain, one bar per model, whiskers for the interval. */
export function domainScoresSvg(report: BenchReport, name: (id: string) => string): string {
  const cells = report.byDomain.filter((c) => c.n > 0);
  const domains = [...new Set(cells.map((c) => c.key))].sort();
  const models = [...new Set(cells.map((c) => c.modelId))];
  if (domains.length === 0) return "";
  const W = 640;
  const H = 300;
  const left = 44;
  const bottom = 64;
  const top = 16;
  const plotH = H - top - bottom;
  const groupW = (W - left - 8) / domains.length;
  const barW = Math.min(28, (groupW - 12) / Math.max(1, models.length));
  const y = (v: number) => top + plotH * (1 - Math.max(0, Math.min(1, v)));
  const parts: string[] = [];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${left}" x2="${W - 8}" y1="${y(t)}" y2="${y(t)}" style="stroke:var(--border,#ccc);stroke-width:1"/>`,
      `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="currentColor">${pct(t)}</text>`,
    );
  }
  domains.forEach((d, di) => {
    const x0 = left + di * groupW + (groupW - barW * models.length) / 2;
    models.forEach((m, mi) => {
      const c = cells.find((x) => x.key === d && x.modelId === m);
      if (!c) return;
      const x = x0 + mi * barW;
      const color = COLORS[mi % COLORS.length];
      const label = `${name(m)} · ${d}: ${pct(c.score)} (95% ${pct(c.interval.low)}–${pct(c.interval.high)}), n = ${c.n}`;
      parts.push(
        `<g><title>${escapeXml(label)}</title>`,
        `<rect x="${x + 2}" y="${y(c.score)}" width="${barW - 4}" height="${y(0) - y(c.score)}" fill="${color}"/>`,
      );
      if (Number.isFinite(c.interval.low)) {
        const cx = x + barW / 2;
        parts.push(
          `<line x1="${cx}" x2="${cx}" y1="${y(c.interval.low)}" y2="${y(c.interval.high)}" stroke="currentColor" stroke-width="1.5"/>`,
        );
      }
      parts.push("</g>");
    });
    parts.push(
      `<text x="${left + di * groupW + groupW / 2}" y="${H - bottom + 16}" text-anchor="middle" font-size="12" fill="currentColor">${escapeXml(d)}</text>`,
    );
  });
  const legend = models
    .map(
      (m, i) =>
        `<g transform="translate(${left + (i % 3) * 200}, ${H - 30 + Math.floor(i / 3) * 14})"><rect width="10" height="10" fill="${COLORS[i % COLORS.length]}"/><text x="14" y="9" font-size="11" fill="currentColor">${escapeXml(name(m))}</text></g>`,
    )
    .join("");
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Score per domain with 95% intervals" xmlns="http://www.w3.org/2000/svg" style="max-width:100%;height:auto"><text x="12" y="${top + plotH / 2}" font-size="11" fill="currentColor" transform="rotate(-90 12 ${top + plotH / 2})" text-anchor="middle">score</text>${parts.join("")}${legend}</svg>`;
}

/** Each system's overall score against the memory it keeps loaded (GB). */
export function scoreVsMemorySvg(report: BenchReport): string {
  const points = report.systems.filter((s) => Number.isFinite(s.overall));
  if (points.length === 0) return "";
  const W = 640;
  const H = 280;
  const left = 48;
  const bottom = 40;
  const top = 16;
  const right = 16;
  const maxGB = Math.max(1, ...points.map((p) => p.memoryMB / 1024)) * 1.15;
  const x = (gb: number) => left + (W - left - right) * (gb / maxGB);
  const y = (v: number) => top + (H - top - bottom) * (1 - Math.max(0, Math.min(1, v)));
  const parts: string[] = [];
  for (const t of [0, 0.5, 1]) {
    parts.push(
      `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="currentColor">${pct(t)}</text>`,
      `<line x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}" style="stroke:var(--border,#ccc)"/>`,
    );
  }
  const step = maxGB > 8 ? 2 : maxGB > 3 ? 1 : 0.5;
  for (let gb = 0; gb <= maxGB; gb += step) {
    parts.push(
      `<text x="${x(gb)}" y="${H - bottom + 16}" text-anchor="middle" font-size="11" fill="currentColor">${fmt(gb)}</text>`,
    );
  }
  points.forEach((p, i) => {
    const gb = p.memoryMB / 1024;
    parts.push(
      `<g><title>${escapeXml(`${p.name}: ${pct(p.overall)} at ${fmt(gb, 2)} GB`)}</title><circle cx="${x(gb)}" cy="${y(p.overall)}" r="6" fill="${COLORS[i % COLORS.length]}"/><text x="${x(gb) + 9}" y="${y(p.overall) + 4}" font-size="11" fill="currentColor">${escapeXml(p.name)}</text></g>`,
    );
  });
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Overall score against memory kept loaded" xmlns="http://www.w3.org/2000/svg" style="max-width:100%;height:auto"><text x="${(W + left) / 2}" y="${H - 6}" text-anchor="middle" font-size="11" fill="currentColor">memory kept loaded (GB)</text><text x="12" y="${H / 2}" font-size="11" fill="currentColor" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">overall score</text>${parts.join("")}</svg>`;
}
