/**
 * A prompt as a sparse vector of hashed features: words, word pairs, character n-grams inside
 * words, and a few shape signals (code fences, indented lines, lettered options, bullet and
 * constraint words, digits, length). Hashing keeps the model a fixed size whatever the wording;
 * the same function serves training (scripts/train-router.mjs) and the page.
 */

/** A sparse, L2-normalised feature vector: bucket indices and their values. */
export interface Features {
  index: number[];
  value: number[];
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TOKEN = /[a-z][a-z'_]*|\d+(?:[.,]\d+)*|[^\s\w]/g;

function shapes(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  const bucket = (name: string, n: number, edges: number[]) =>
    out.push(`${name}:${edges.filter((e) => n >= e).length}`);
  bucket("lines", lines.length, [2, 4, 8, 16]);
  bucket("chars", text.length, [40, 100, 250, 600]);
  if (text.includes("```")) out.push("fence");
  const indented = lines.filter((l) => /^( {2,}|\t)\S/.test(l)).length;
  if (indented > 0) out.push("indented");
  const options = lines.filter((l) => /^\s*\(?[A-Da-d1-4][).:]\s/.test(l)).length;
  const inline = (text.match(/(^|\s)\(?[A-Da-d][).]\s/g) ?? []).length;
  if (options >= 2 || inline >= 3) out.push("options");
  const digits = (text.match(/\d/g) ?? []).length / Math.max(1, text.length);
  bucket("digits", digits, [0.01, 0.04, 0.1]);
  if (/[{};]\s*$/m.test(text)) out.push("code-line-end");
  if (/^\s*(def|function|class|fn|public|export|import|SELECT|#include)\b/m.test(text)) {
    out.push("code-line-start");
  }
  if (/[=^√∫∑]|\\[a-z]+\{?/.test(text)) out.push("math-symbol");
  if (text.trim().endsWith("?")) out.push("question");
  return out;
}

/** Words and phrases typical of each label (data/router/lexicon.json, carried by the model). */
export type Lexicon = Record<string, readonly string[]>;

interface CompiledLexicon {
  /** One-word entries. */
  words: Map<string, string[]>;
  /** Entries of several words, by their first word. */
  phrases: Map<string, { rest: string[]; label: string }[]>;
  /** Entries with other characters ("c++", "%", "x^2"), matched in the raw text. */
  symbols: { text: string; label: string }[];
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

function compile(lexicon: Lexicon): CompiledLexicon {
  const hit = compiled.get(lexicon);
  if (hit) return hit;
  const out: CompiledLexicon = { words: new Map(), phrases: new Map(), symbols: [] };
  for (const [label, entries] of Object.entries(lexicon)) {
    for (const e of entries) {
      if (/^[a-z']+$/.test(e)) out.words.set(e, [...(out.words.get(e) ?? []), label]);
      else if (/^[a-z' ]+$/.test(e)) {
        const [first, ...rest] = e.split(/ +/);
        out.phrases.set(first!, [...(out.phrases.get(first!) ?? []), { rest, label }]);
      } else out.symbols.push({ text: e, label });
    }
  }
  compiled.set(lexicon, out);
  return out;
}

/** The features of `text` hashed into `buckets` slots. */
export function featurize(text: string, buckets: number, lexicon?: Lexicon): Features {
  const lower = text.toLowerCase();
  const raw = lower.match(TOKEN) ?? [];
  const tokens = raw.map((t) => (/^\d/.test(t) ? "<num>" : t));
  const counts = new Map<number, number>();
  const add = (feature: string, n = 1) => {
    const k = fnv1a(feature) % buckets;
    counts.set(k, (counts.get(k) ?? 0) + n);
  };
  if (lexicon) {
    const lex = compile(lexicon);
    const hits = new Map<string, number>();
    const hit = (label: string) => hits.set(label, (hits.get(label) ?? 0) + 1);
    raw.forEach((t, i) => {
      for (const label of lex.words.get(t) ?? []) hit(label);
      for (const p of lex.phrases.get(t) ?? []) {
        if (p.rest.every((w, j) => raw[i + 1 + j] === w)) hit(p.label);
      }
    });
    for (const p of lex.symbols) if (lower.includes(p.text)) hit(p.label);
    for (const [label, n] of hits) add(`lex:${label}`, n);
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(`w:${t}`);
    if (i > 0) add(`b:${tokens[i - 1]} ${t}`);
    if (t.length > 2) {
      const padded = `<${t}>`;
      for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`);
    }
  }
  for (const s of shapes(text)) add(`s:${s}`);
  const index = [...counts.keys()].sort((a, b) => a - b);
  const value = index.map((k) => Math.log1p(counts.get(k)!));
  const norm = Math.sqrt(value.reduce((s, v) => s + v * v, 0)) || 1;
  return { index, value: value.map((v) => v / norm) };
}
