/** CSV writing per RFC 4180: fields holding a comma, quote or line break are quoted, quotes doubled. */

export type CsvCell = string | number | boolean | null | undefined;

/** One field, quoted only when it must be. Empty for null and undefined. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table with a header row; CRLF line ends as the RFC asks, which spreadsheets expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
