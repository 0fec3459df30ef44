/** IFEval JSONL: `key`, `prompt`, `instruction_id_list` and one `kwargs` object per instruction. */
import type { InstructionItem } from "../types";
import { checkUniqueIds, Fields, parseJsonLines } from "./lines";

/** Instruction items from IFEval JSONL; null kwargs (the Hugging Face copy pads with them) are dropped. */
export function parseIfeval(text: string): InstructionItem[] {
  const rows = parseJsonLines(text);
  const items = rows.map(({ value, line }): InstructionItem => {
    const f = new Fields(value, line);
    const id = f.id("key");
    const prompt = f.string("prompt");
    const instructionIds = f.stringArray("instruction_id_list");
    const kwargs = f.objectArray("kwargs");
    if (instructionIds.length === 0) throw f.fail('field "instruction_id_list" is empty');
    if (kwargs.length !== instructionIds.length) {
      throw f.fail(
        `"kwargs" has ${kwargs.length} entries but "instruction_id_list" has ${instructionIds.length}`,
      );
    }
    const cleaned = kwargs.map((k) =>
      Object.fromEntries(Object.entries(k).filter(([, v]) => v !== null && v !== undefined)),
    );
    return {
      id,
      kind: "instruction",
      domain: "instruction",
      prompt,
      instructionIds,
      kwargs: cleaned,
    };
  });
  checkUniqueIds(items.map((item, i) => ({ id: item.id, line: rows[i]?.line ?? 0 })));
  return items;
}
