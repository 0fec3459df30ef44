import { describe, it, expect } from "vitest";
import mathFixture from "../../tests/fixtures/recordings/math-answer.json";
import { parseRecording } from "./engine/replay/recording";
import {
  extractMath,
  hasMath,
  overlapTrick,
  placeholder,
  restoreSource,
  splitPlaceholders,
} from "./markdown-math";

const texOf = (md: string) => extractMath(md).spans.map((s) => [s.tex, s.display]);

describe("extractMath", () => {
  it("finds inline and display math with every delimiter", () => {
    expect(texOf("Let $x^2$ and \\(y_1\\) be $$\\int_0^1 f$$ and \\[a+b\\].")).toEqual([
      ["x^2", false],
      ["y_1", false],
      ["\\int_0^1 f", true],
      ["a+b", true],
    ]);
  });

  it("replaces each span with its placeholder and keeps the rest", () => {
    const { text, spans } = extractMath("Area: $\\pi r^2$, done.");
    expect(text).toBe(`Area: ${placeholder(0)}, done.`);
    expect(spans[0]?.source).toBe("$\\pi r^2$");
  });

  it("leaves money alone", () => {
    expect(texOf("It costs $5 and $10 in total.")).toEqual([]);
    expect(texOf("Pay $5, then $x$ more.")).toEqual([["x", false]]);
    expect(texOf("From $ 5 to $ 10")).toEqual([]);
    // A closing $ followed by a digit is not a closer.
    expect(texOf("between $a and b$5")).toEqual([]);
  });

  it("ignores math inside code spans and fenced code", () => {
    const md = "Use `$x$` or ``a $b$ c`` here.\n\n```sh\necho $HOME $PATH\n$$x$$\n```\n\nThen $y$.";
    const { text, spans } = extractMath(md);
    expect(spans.map((s) => s.tex)).toEqual(["y"]);
    expect(text).toContain("```sh\necho $HOME $PATH\n$$x$$\n```");
    expect(text).toContain("`$x$`");
  });

  it("treats an unclosed fence as code to the end", () => {
    expect(texOf("~~~\n$a$\n")).toEqual([]);
  });

  it("keeps escaped dollars as text", () => {
    const { text, spans } = extractMath("Price \\$5 and \\$10, and $z$.");
    expect(spans.map((s) => s.tex)).toEqual(["z"]);
    expect(text.startsWith("Price \\$5 and \\$10")).toBe(true);
    expect(texOf("$\\$5 + x$")).toEqual([["\\$5 + x", false]]);
  });

  it("leaves unbalanced delimiters as text", () => {
    expect(texOf("Half $$x + y and \\(z and \\[w")).toEqual([]);
    expect(extractMath("open $a").text).toBe("open $a");
    expect(texOf("$$ $$")).toEqual([]);
  });

  it("does not run inline math across a blank line", () => {
    expect(texOf("$a\n\nb$")).toEqual([]);
    expect(texOf("$a\nb$")).toEqual([["a\nb", false]]);
  });

  it("takes display math across lines", () => {
    expect(texOf("$$\n\\frac{1}{2}\n$$")).toEqual([["\n\\frac{1}{2}\n", true]]);
  });

  it("takes a bare \\boxed{} with nested braces", () => {
    const { text, spans } = extractMath("So \\boxed{\\frac{1}{\\sqrt{2}}} is it.");
    expect(spans).toEqual([
      {
        tex: "\\boxed{\\frac{1}{\\sqrt{2}}}",
        display: false,
        source: "\\boxed{\\frac{1}{\\sqrt{2}}}",
      },
    ]);
    expect(text).toBe(`So ${placeholder(0)} is it.`);
    expect(texOf("\\boxed{\\frac{1}{2}")).toEqual([]);
    expect(texOf("$\\boxed{42}$")).toEqual([["\\boxed{42}", false]]);
  });

  it("neutralises token characters already in the input", () => {
    const { text, spans } = extractMath(`fake ${placeholder(0)} and $x$`);
    expect(spans).toHaveLength(1);
    expect(splitPlaceholders(text, spans.length).filter((p) => typeof p === "number")).toEqual([0]);
  });
});

describe("hasMath", () => {
  it("tells math from money and code", () => {
    expect(hasMath("The answer is $\\boxed{7}$.")).toBe(true);
    expect(hasMath("It costs $5 and $10.")).toBe(false);
    expect(hasMath("`$x$`")).toBe(false);
    expect(hasMath("plain text")).toBe(false);
  });
});

describe("splitPlaceholders and restoreSource", () => {
  it("splits text at tokens and restores the source", () => {
    const { text, spans } = extractMath("a $x$ b \\[y\\] c");
    expect(splitPlaceholders(text, spans.length)).toEqual(["a ", 0, " b ", 1, " c"]);
    expect(restoreSource(text, spans)).toBe("a $x$ b \\[y\\] c");
  });

  it("leaves tokens for unknown spans as text", () => {
    expect(splitPlaceholders(`x${placeholder(3)}`, 1)).toEqual([`x${placeholder(3)}`]);
  });
});

describe("the math-answer fixture recording", () => {
  it("parses and holds the math, money and code the browser test expects", () => {
    const recording = parseRecording(mathFixture);
    expect(recording.fixture).toBe(true);
    const text = recording.entries[0]?.result.text ?? "";
    const spans = extractMath(text).spans;
    expect(spans.map((s) => s.display)).toEqual([false, false, true, false, false, false]);
    expect(spans.some((s) => s.tex.includes("$5") || s.tex.includes("$HOME"))).toBe(false);
    expect(spans.at(-1)?.tex).toBe("\\boxed{\\frac{1}{3}}");
  });
});

describe("overlapTrick", () => {
  it("flags negative space, zero-width or raised boxes and macro definitions", () => {
    for (const tex of [
      "a\\kern-3em b",
      "a\\mkern -18mu b",
      "\\hspace{-10em}x",
      "\\hspace*{ -1em}x",
      "\\mathllap{FAKE}",
      "\\rlap{x}",
      "\\smash{\\Huge x}",
      "\\raisebox{-20em}{x}",
      "\\rule[-5em]{1pt}{1pt}",
      "\\def\\k{\\kern}\\k-5em",
      "\\newcommand{\\x}{y}",
      "\\negthickspace",
      "\\!\\!\\!\\!\\!\\!\\!\\!",
    ]) {
      expect(overlapTrick(tex), tex).toBe(true);
    }
  });

  it("lets ordinary maths through", () => {
    for (const tex of [
      "\\left( \\frac{a}{b} \\right)",
      "x \\le y \\neq z",
      "\\kern 1em",
      "\\hspace{2em}",
      "\\int_0^1 f(x)\\,dx",
      "a\\!b",
      "\\rule{1pt}{2em}",
    ]) {
      expect(overlapTrick(tex), tex).toBe(false);
    }
  });
});

describe("extractMath on hostile input", () => {
  it("finds no math in thousands of unclosed openers and keeps the text", () => {
    const text = "\\(a ".repeat(5000) + "``x ".repeat(5000) + "\\[b ".repeat(5000);
    const { spans, text: out } = extractMath(text);
    expect(spans).toEqual([]);
    expect(out).toBe(text);
  });
});
