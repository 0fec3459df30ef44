/**
 * Finding the item a response names by text, through maps built once per suite: a responses file
 * of 14,000 lines keyed by question text is matched in one pass instead of comparing every line
 * with every item.
 */
import type { Suite, SuiteItem } from "../types";

/**
 * Text compared as the same question: line breaks unified, runs of spaces and tabs as one, each
 * line and the whole trimmed, Unicode in composed form. Line breaks stay, since an imported
 * question is matched as the first lines of its item's prompt.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .trim();
}

const firstLine = (text: string): string => {
  const at = text.indexOf("\n");
  return at === -1 ? text : text.slice(0, at);
};

/** What a line says about its item beyond the id: its prompt, its question, its options. */
export interface TextKey {
  prompt?: string;
  question?: string;
  options?: readonly string[];
}

/** The items a text key fits, best evidence first; `ambiguous` when they differ in substance. */
export type TextLookup =
  | { found: "none" }
  | { found: "one"; item: SuiteItem }
  /** Items that differ only in id (true duplicates): any one not yet answered will do. */
  | { found: "same"; items: SuiteItem[] }
  | { found: "ambiguous"; count: number };

/** Everything but the id: two items with the same substance score any answer the same. */
const substance = (item: SuiteItem): string => JSON.stringify({ ...item, id: "" });

/** Items of a suite by prompt, by question and by the first line of the prompt. */
export class ResponseIndex {
  /** Normalized full prompts. */
  readonly #byPrompt = new Map<string, SuiteItem[]>();
  /** Normalized choice questions (the text without its options). */
  readonly #byQuestion = new Map<string, SuiteItem[]>();
  /** Normalized first line of each prompt, for texts that are its first lines. */
  readonly #byFirstLine = new Map<string, { item: SuiteItem; prompt: string }[]>();

  constructor(suite: Suite) {
    const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
      if (key === "") return;
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const item of suite.items) {
      const prompt = normalizeText(item.prompt);
      add(this.#byPrompt, prompt, item);
      if (item.kind === "choice") add(this.#byQuestion, normalizeText(item.question), item);
      add(this.#byFirstLine, firstLine(prompt), { item, prompt });
    }
  }

  /**
   * The items `key` names: by its whole prompt when the line gives one, else by question text
   * (the item's prompt, its question, or the first lines of its prompt). When several items
   * share the text, the line's options pick among them.
   */
  lookup(key: TextKey): TextLookup {
    const texts = [key.prompt, key.question].filter((t): t is string => t !== undefined);
    for (const text of texts) {
      const items = this.#candidates(normalizeText(text));
      if (items.length > 0) return this.#narrow(items, key.options);
    }
    return { found: "none" };
  }

  #candidates(text: string): SuiteItem[] {
    if (text === "") return [];
    const whole = [...(this.#byPrompt.get(text) ?? []), ...(this.#byQuestion.get(text) ?? [])];
    if (whole.length > 0) return [...new Set(whole)];
    // Imported questions gain an answer-format instruction after a line break.
    const prefix = `${text}\n`;
    return (this.#byFirstLine.get(firstLine(text)) ?? [])
      .filter((c) => c.prompt.startsWith(prefix))
      .map((c) => c.item);
  }

  #narrow(items: SuiteItem[], options: readonly string[] | undefined): TextLookup {
    let list = items;
    if (list.length > 1 && options !== undefined) {
      const wanted = JSON.stringify(options.map(normalizeText));
      const fit = list.filter(
        (i) => i.kind === "choice" && JSON.stringify(i.options.map(normalizeText)) === wanted,
      );
      if (fit.length > 0) list = fit;
    }
    const [first] = list;
    if (first === undefined) return { found: "none" };
    if (list.length === 1) return { found: "one", item: first };
    const kind = substance(first);
    return list.every((i) => substance(i) === kind)
      ? { found: "same", items: list }
      : { found: "ambiguous", count: list.length };
  }
}
