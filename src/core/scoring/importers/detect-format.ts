/** Which importer a file needs, from its name and first line. */
import { PolymathError } from "../../errors";
import { malformed, splitLines } from "./lines";

export type SuiteFormat = "polymath-suite" | "humaneval" | "gsm8k" | "ifeval" | "mmlu-csv";
export type ImportFormat = SuiteFormat | "responses";

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  "polymath-suite": "Polymath suite (JSONL)",
  humaneval: "HumanEval-X / MultiPL-E JavaScript (JSONL)",
  gsm8k: "GSM8K (JSONL)",
  ifeval: "IFEval (JSONL)",
  "mmlu-csv": "MMLU-style CSV",
  responses: "Model responses (JSONL)",
};

function firstLine(text: string): { line: string; n: number } {
  const lines = splitLines(text);
  const n = lines.findIndex((l) => l.trim() !== "");
  return n === -1 ? { line: "", n: 0 } : { line: lines[n] ?? "", n: n + 1 };
}

/**
 * The format of an import: JSONL by the keys of its first object (a responses file has
 * `response` or `completion`), else CSV when the name ends .csv or the text is not JSON.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, "");
  const { line, n } = firstLine(text);
  let first: unknown;
  try {
    first = JSON.parse(line);
  } catch {
    first = undefined;
  }
  if (typeof first === "object" && first !== null && !Array.isArray(first)) {
    const has = (k: string) => k in first;
    // An item line first means a Polymath suite without its header: let that parser say so.
    if (has("polymath_suite") || (has("kind") && has("id"))) return "polymath-suite";
    if (has("response") || has("completion")) return "responses";
    if (has("instruction_id_list")) return "ifeval";
    if (has("prompt") && (has("test") || has("tests"))) return "humaneval";
    if (has("question") && has("answer")) return "gsm8k";
    const keys = Object.keys(first).slice(0, 6).join(", ");
    throw new PolymathError(
      "unsupported-format",
      `line ${n}: no known format has the fields ${keys}`,
    );
  }
  if (line === "") throw malformed(0, "the file is empty");
  if (name.endsWith(".jsonl") || name.endsWith(".json")) throw malformed(n, "not valid JSON");
  return "mmlu-csv";
}
