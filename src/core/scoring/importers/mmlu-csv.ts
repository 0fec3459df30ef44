/** MMLU-style CSV without a header: question, four options, answer letter. */
import { formatChoicePrompt } from "../choice";
import type { ChoiceItem } from "../types";
import { parseCsv } from "./csv";
import { malformed } from "./lines";

/** Choice items from MMLU-style CSV; the id is the record's first line ("mmlu-3"). */
export function parseMmluCsv(text: string): ChoiceItem[] {
  const records = parseCsv(text);
  if (records.length === 0) throw malformed(0, "the file holds no rows");
  return records.map(({ line, fields }) => {
    if (fields.length !== 6) {
      throw malformed(
        line,
        `expected 6 fields (question, 4 options, answer), found ${fields.length}`,
      );
    }
    const [question = "", a = "", b = "", c = "", d = "", key = ""] = fields;
    if (question.trim() === "") throw malformed(line, "the question is empty");
    const answer = key.trim().toUpperCase();
    if (!["A", "B", "C", "D"].includes(answer)) {
      throw malformed(line, `the answer must be A, B, C or D, found "${key}"`);
    }
    const options = [a, b, c, d];
    return {
      id: `mmlu-${line}`,
      kind: "choice",
      domain: "knowledge",
      question,
      options,
      prompt: formatChoicePrompt(question, options),
      answer,
    };
  });
}
