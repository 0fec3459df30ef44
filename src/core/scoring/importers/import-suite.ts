/** Importing a suite file: detect the format, parse it whole, or throw (nothing half-imported). */
import { PolymathError } from "../../errors";
import type { Suite, SuiteItem } from "../types";
import { detectFormat, FORMAT_LABELS, type SuiteFormat } from "./detect-format";
import { parseGsm8k } from "./gsm8k";
import { notGzipNote, readImportText, withReadNote } from "./gzip";
import { parseHumanEval } from "./humaneval";
import { parseIfeval } from "./ifeval";
import { parseMmluCsv } from "./mmlu-csv";
import { parsePolymathSuite } from "./polymath-suite";

const PARSERS: Record<Exclude<SuiteFormat, "polymath-suite">, (text: string) => SuiteItem[]> = {
  humaneval: parseHumanEval,
  gsm8k: parseGsm8k,
  ifeval: parseIfeval,
  "mmlu-csv": parseMmluCsv,
};

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** A suite from file text; `format` overrides detection. */
export function importSuite(fileName: string, text: string, format?: SuiteFormat): Suite {
  const detected = format ?? detectFormat(fileName, text);
  if (detected === "responses") {
    throw new PolymathError(
      "unsupported-format",
      `"${fileName}" holds model responses, not a suite.`,
      {
        advice: "Import it as responses to score them against a suite.",
      },
    );
  }
  if (detected === "polymath-suite") return parsePolymathSuite(text, fileName);
  const items = PARSERS[detected](text);
  const name = baseName(fileName).replace(/\.gz$/i, "");
  return {
    id: `import-${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`,
    name,
    description: `${items.length} items imported from ${FORMAT_LABELS[detected]}.`,
    source: fileName,
    items,
  };
}

/** A suite from file bytes (plain or gzip-compressed; a plain file named .gz is read, with a note). */
export async function importSuiteBytes(
  fileName: string,
  bytes: Uint8Array,
  format?: SuiteFormat,
): Promise<Suite> {
  const text = await readImportText(bytes);
  const note = notGzipNote(fileName, bytes);
  return withNote(
    withReadNote(note, () => importSuite(fileName, text, format)),
    note,
  );
}

/** `suite` with `note` (how its file was read) appended to its description. */
export function withNote(suite: Suite, note: string | undefined): Suite {
  return note === undefined ? suite : { ...suite, description: `${suite.description} ${note}` };
}
