/**
 * CSV writing per RFC 4180 (fields holding a comma, quote or line break are quoted, quotes
 * doubled), safe to open in a spreadsheet. Every CSV the app exports is built here.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return (after any leading spaces) would run as a formula in Excel, LibreOffice or
 * Google Sheets, so it gets a leading single quote, which spreadsheets read as "this is text", and
 * is always quoted. Cells holding `;` or a tab are quoted too, so a spreadsheet that splits on
 * those (some locales use `;`) cannot start a new cell, and so a new formula, inside one.
 *
 * Numbers stay readable: a finite `number` is written as is (`-3`), since typed data cannot carry
 * a formula, and so is text that is nothing but a plain decimal numeral (`"-3"`, `"+2.5"`,
 * `"-1e-3"`): a spreadsheet reads it as that number, and a sign and digits leave no room for a
 * function, a reference or a DDE payload (`-2+3+cmd|…` is not a numeral and is neutralized).
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[ ]*[=+\-@\t\r]/;
const NUMERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One field, quoted only when it must be, never a formula. Empty for null and undefined. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  const text = String(value);
  if (FORMULA_START.test(text) && !NUMERAL.test(text)) return quoted(`'${text}`);
  return NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole table with a header row; CRLF line ends as the RFC asks, which spreadsheets expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
