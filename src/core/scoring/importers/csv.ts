/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
import { malformed } from "./lines";

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/** All records of a CSV text; blank lines are skipped; an unclosed quote throws. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !quoted;
    endField();
    if (!blank) records.push({ line: start, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && field === "" && !quoted) {
      const quoteLine = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= src.length) throw malformed(quoteLine, "a quoted field is never closed");
        const q = src[i] ?? "";
        if (q === '"' && src[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === "\n" || (q === "\r" && src[i + 1] !== "\n")) line++;
          field += q;
          i++;
        }
      }
      const next = src[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        throw malformed(line, "unexpected text after a closing quote");
      }
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\n" || c === "\r") {
      endRecord();
      i += c === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || quoted || fields.length > 0) endRecord();
  return records;
}
