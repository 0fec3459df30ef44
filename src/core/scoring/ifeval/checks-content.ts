/**
 * IFEval content and layout instructions: `detectable_content:*`, `combination:*`,
 * `startend:*` and `punctuation:no_comma`.
 */
import { define, type InstructionDef } from "./kwargs";
import { PY_WS, pyPattern, pyStrip } from "./python-text";

/** IFEval's `\[.*?\]` matches on one line: each `[` pairs with the next `]` before a newline. */
function countPlaceholders(value: string): number {
  let count = 0;
  for (const line of value.split("\n")) {
    let from = 0;
    for (;;) {
      const open = line.indexOf("[", from);
      const close = open === -1 ? -1 : line.indexOf("]", open + 1);
      if (close === -1) break;
      count++;
      from = close + 1;
    }
  }
  return count;
}

/** `detectable_content:number_placeholders`: at least n `[placeholder]`s. */
export const numberPlaceholders: InstructionDef = define(
  { num_placeholders: "count" },
  ({ num_placeholders }) =>
    (value) =>
      countPlaceholders(value) >= num_placeholders,
);

/**
 * `detectable_content:postscript`: the marker appears anywhere (case-insensitive). "P.S." and
 * "P.P.S" allow a space after each period, as IFEval's patterns do; other markers are patterns.
 */
export const postscript: InstructionDef = define(
  { postscript_marker: "text" },
  ({ postscript_marker }) => {
    const ws = `[${PY_WS}]?`;
    const re =
      postscript_marker === "P.P.S"
        ? new RegExp(`p\\.${ws}p\\.${ws}s`)
        : postscript_marker === "P.S."
          ? new RegExp(`p\\.${ws}s\\.`)
          : pyPattern(postscript_marker.toLowerCase(), "u");
    return (value) => re.test(value.toLowerCase());
  },
);

/** `combination:two_responses`: two different non-empty answers separated by `******`. */
export const twoResponses: InstructionDef = define({}, () => (value) => {
  const parts = value.split("******");
  const answers: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (pyStrip(part) !== "") answers.push(part);
    else if (i !== 0 && i !== parts.length - 1) return false;
  }
  return answers.length === 2 && pyStrip(answers[0]!) !== pyStrip(answers[1]!);
});

/** `combination:repeat_prompt`: the answer opens with `prompt_to_repeat` (case-insensitive). */
export const repeatPrompt: InstructionDef = define(
  { prompt_to_repeat: "text" },
  ({ prompt_to_repeat }) => {
    const prefix = prompt_to_repeat.toLowerCase();
    return (value) => pyStrip(value).toLowerCase().startsWith(prefix);
  },
);

/** `startend:end_checker`: the answer, outer quotes removed, ends with `end_phrase`. */
export const endChecker: InstructionDef = define({ end_phrase: "text" }, ({ end_phrase }) => {
  const suffix = end_phrase.toLowerCase();
  return (value) => pyStrip(pyStrip(value), '"').toLowerCase().endsWith(suffix);
});

/** `startend:quotation`: the whole answer is wrapped in double quotes. */
export const quotation: InstructionDef = define({}, () => (value) => {
  const text = pyStrip(value);
  return text.length > 1 && text.startsWith('"') && text.endsWith('"');
});

/** `punctuation:no_comma`: no ASCII comma anywhere. */
export const noComma: InstructionDef = define({}, () => (value) => !value.includes(","));
