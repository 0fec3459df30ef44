import { describe, expect, it } from "vitest";
import type { ChoiceItem, CodeItem, InstructionItem, MathItem } from "../types";
import { detectFormat } from "./detect-format";
import { fixtureBytes, fixtureText, thrown } from "./fixtures.test-helper";
import type { PolymathError } from "../../errors";
import { decompressGzip, notGzipNote, readImportText, withReadNote } from "./gzip";
import { importSuite, importSuiteBytes } from "./import-suite";

const load = (name: string) => importSuite(name, fixtureText(name));

describe("detectFormat", () => {
  it.each([
    ["polymath-suite.jsonl", "polymath-suite"],
    ["humaneval-x-js.jsonl", "humaneval"],
    ["gsm8k.jsonl", "gsm8k"],
    ["ifeval.jsonl", "ifeval"],
    ["mmlu.csv", "mmlu-csv"],
    ["responses-gsm8k.jsonl", "responses"],
  ])("knows %s", (name, format) => {
    expect(detectFormat(name, fixtureText(name))).toBe(format);
  });

  it("rejects unknown JSON, empty files and a .jsonl that is not JSON", () => {
    expect(thrown(() => detectFormat("x.jsonl", '{"foo": 1}')).code).toBe("unsupported-format");
    expect(thrown(() => detectFormat("x.jsonl", "\n\n")).code).toBe("malformed-input");
    expect(thrown(() => detectFormat("x.jsonl", "\nnot json")).message).toBe(
      "line 2: not valid JSON",
    );
  });
});

describe("importSuite", () => {
  it("imports HumanEval-X JavaScript, deriving the entry point", () => {
    const suite = load("humaneval-x-js.jsonl");
    const items = suite.items as CodeItem[];
    expect(items.map((i) => [i.id, i.entryPoint])).toEqual([
      ["JavaScript/fixture-0", "countVowels"],
      ["JavaScript/fixture-1", "sumSquares"],
      ["JavaScript/fixture-2", "reverseWords"],
    ]);
    expect(items[0]?.reference).toContain("aeiou");
    expect(suite).toMatchObject({ source: "humaneval-x-js.jsonl", name: "humaneval-x-js.jsonl" });
  });

  it("imports the same suite from .jsonl.gz bytes", async () => {
    const gz = await importSuiteBytes(
      "humaneval-x-js.jsonl.gz",
      fixtureBytes("humaneval-x-js.jsonl.gz"),
    );
    expect(gz.items).toEqual(load("humaneval-x-js.jsonl").items);
    expect(gz.name).toBe("humaneval-x-js.jsonl");
  });

  it("imports GSM8K with the final answer and the worked solution", () => {
    const items = load("gsm8k.jsonl").items as MathItem[];
    expect(items.map((i) => [i.id, i.answer])).toEqual([
      ["gsm8k-1", "14"],
      ["gsm8k-2", "8"],
      ["gsm8k-3", "2000"],
    ]);
    expect(items[0]?.prompt).toMatch(/^Fixture: Mia buys[\s\S]*Answer: N/);
    expect(items[0]?.solution).toMatch(/^Notebooks cost/);
  });

  it("imports IFEval, dropping null kwargs", () => {
    const items = load("ifeval.jsonl").items as InstructionItem[];
    expect(items[1]).toMatchObject({
      id: "9002",
      instructionIds: ["length_constraints:number_words", "startend:end_checker"],
      kwargs: [{ relation: "at least", num_words: 40 }, { end_phrase: "Any other questions?" }],
    });
  });

  it("imports MMLU CSV with quoted commas, quotes and newlines", () => {
    const items = load("mmlu.csv").items as ChoiceItem[];
    expect(items.map((i) => [i.id, i.answer])).toEqual([
      ["mmlu-1", "C"],
      ["mmlu-2", "B"],
      ["mmlu-4", "B"],
    ]);
    expect(items[1]?.options).toEqual([
      "one, two",
      'say "hi"',
      "first line\nsecond line",
      "none of these",
    ]);
    expect(items[1]?.prompt).toContain('B. say "hi"');
  });

  it("imports a Polymath suite with one item of each kind", () => {
    const suite = load("polymath-suite.jsonl");
    expect(suite).toMatchObject({ id: "fixture-suite", name: "Fixture suite" });
    expect(suite.items.map((i) => `${i.kind}:${i.domain}`)).toEqual([
      "code:code",
      "math:math",
      "instruction:instruction",
      "choice:reasoning",
      "checks:tools",
    ]);
    expect((suite.items[3] as ChoiceItem).prompt).toMatch(/C\. 7/);
  });

  it("refuses a responses file as a suite", () => {
    expect(thrown(() => load("responses-gsm8k.jsonl")).code).toBe("unsupported-format");
  });
});

describe("malformed input names the line and imports nothing", () => {
  it.each([
    ["gsm8k-missing-answer.jsonl", 'line 3: missing field "answer"'],
    ["gsm8k-no-final.jsonl", 'line 2: field "answer" has no final "#### N" line'],
    ["gsm8k-bad-json.jsonl", /^line 3: not valid JSON/],
    ["humaneval-missing-test.jsonl", 'line 2: missing field "test"'],
    [
      "humaneval-duplicate-id.jsonl",
      'line 3: duplicate id "JavaScript/fixture-0" (first on line 1)',
    ],
    [
      "ifeval-kwargs-mismatch.jsonl",
      'line 2: "kwargs" has 1 entries but "instruction_id_list" has 2',
    ],
    ["mmlu-wrong-columns.csv", "line 2: expected 6 fields (question, 4 options, answer), found 5"],
    ["mmlu-unclosed-quote.csv", "line 2: a quoted field is never closed"],
    ["mmlu-bad-letter.csv", 'line 3: the answer must be A, B, C or D, found "E"'],
    [
      "suite-missing-header.jsonl",
      'line 1: the first line must be the header {"polymath_suite": 1, …}',
    ],
    [
      "suite-bad-kind.jsonl",
      'line 3: unknown kind "essay" (use code, math, instruction, choice or checks)',
    ],
    ["suite-missing-answer.jsonl", 'line 6: missing field "answer"'],
    ["suite-duplicate-id.jsonl", 'line 4: duplicate id "fx-math" (first on line 2)'],
    ["suite-bad-check.jsonl", /^line 2: check 1: invalid regular expression/],
    ["suite-bad-answer-letter.jsonl", 'line 2: "answer" must be one of A, B, C, D'],
  ])("%s", (name, message) => {
    const e = thrown(() => load(name));
    expect(e.code).toBe("malformed-input");
    expect(e.message).toMatch(message);
    expect(e.details?.["line"]).toBe(Number(/^line (\d+)/.exec(e.message)?.[1]));
  });

  it("says a newer suite format needs a newer Polymath", () => {
    expect(thrown(() => load("suite-newer-version.jsonl")).code).toBe("schema-too-new");
  });

  it("says Python HumanEval cannot run here", () => {
    const e = thrown(() => load("humaneval-python.jsonl"));
    expect(e.code).toBe("unsupported-format");
    expect(e.message).toMatch(/^line 1: this is Python HumanEval/);
  });
});

describe("reading bytes", () => {
  it("gunzips by content, not by name", async () => {
    expect(await readImportText(fixtureBytes("not-gzip.jsonl.gz"))).toMatch(/^Fixture: this file/);
    expect(await readImportText(fixtureBytes("humaneval-x-js.jsonl.gz"))).toBe(
      fixtureText("humaneval-x-js.jsonl"),
    );
  });

  it("rejects corrupt gzip and text that is not UTF-8", async () => {
    await expect(decompressGzip(fixtureBytes("corrupt.jsonl.gz"))).rejects.toMatchObject({
      code: "malformed-input",
      message: "The file is not valid gzip.",
      advice:
        "The file ends in .gz but could not be decompressed: it may be truncated. Download it again.",
    });
    await expect(readImportText(new Uint8Array([0x61, 0xff, 0xfe]))).rejects.toMatchObject({
      code: "malformed-input",
    });
  });
});

describe("a plain file named .gz", () => {
  const gzBytes = fixtureBytes("humaneval-x-js.jsonl.gz");
  const plainBytes = fixtureBytes("humaneval-x-js.jsonl");

  it("is noted only when the name ends in .gz and the bytes lack the gzip magic number", () => {
    expect(notGzipNote("x.jsonl.gz", gzBytes)).toBeUndefined();
    expect(notGzipNote("x.jsonl", plainBytes)).toBeUndefined();
    expect(notGzipNote("x.jsonl.GZ", plainBytes)).toBe(
      '"x.jsonl.GZ" ends in .gz but is not gzip-compressed, so it was read as plain text.',
    );
  });

  it("imports as plain text, saying so in the description", async () => {
    const suite = await importSuiteBytes("humaneval-x-js.jsonl.gz", plainBytes);
    expect(suite.items).toEqual(load("humaneval-x-js.jsonl").items);
    expect(suite.description).toMatch(/3 items imported.* ends in \.gz but is not gzip-compressed/);
    const real = await importSuiteBytes("humaneval-x-js.jsonl.gz", gzBytes);
    expect(real.description).not.toMatch(/gzip/);
  });

  it("puts the note before a parse error, keeping its line and code", async () => {
    const e = await importSuiteBytes("not-gzip.jsonl.gz", fixtureBytes("not-gzip.jsonl.gz")).then(
      () => null,
      (err: unknown) => err as PolymathError,
    );
    expect(e?.code).toBe("malformed-input");
    expect(e?.message).toBe(
      '"not-gzip.jsonl.gz" ends in .gz but is not gzip-compressed, so it was read as plain text. line 1: not valid JSON',
    );
    expect(e?.details["line"]).toBe(1);
  });

  it("leaves errors that are not PolymathErrors alone", () => {
    const bug = new TypeError("bug");
    expect(() =>
      withReadNote("note", () => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(withReadNote("note", () => 7)).toBe(7);
  });
});
