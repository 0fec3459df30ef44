/**
 * KaTeX typesets the math in answers. It is big (JS, CSS and fonts), so it loads only when an
 * answer holds math; until then the TeX shows as code.
 */
import { nextTask } from "../core/engine/scheduler";
import { MARKDOWN_LIMITS } from "../core/markdown-limits";
import {
  overlapTrick,
  restoreSource,
  splitPlaceholders,
  type MathSpan,
} from "../core/markdown-math";

type Katex = typeof import("katex").default;

let katex: Katex | null = null;
let loading: Promise<void> | null = null;

/**
 * Load KaTeX and its stylesheet once; later calls share the first load. Its first formula costs
 * far more than the next ones (the engine compiles it then): one is typeset and dropped in a task
 * of its own, so the answer's waiting math does not pay for it in one long task.
 */
export function ensureMath(): Promise<void> {
  loading ??= import("./katex-bundle").then(
    async (mod) => {
      await nextTask();
      mod.default.renderToString("\\frac{a}{b} + \\sqrt{x^2}", { displayMode: true });
      await nextTask();
      katex = mod.default;
    },
    (error: unknown) => {
      loading = null; // let a later answer try again (e.g. after going back online)
      throw error;
    },
  );
  return loading;
}

/** Whether KaTeX has loaded, so `typeset` returns HTML. */
export function mathReady(): boolean {
  return katex !== null;
}

/**
 * TeX → KaTeX HTML, or null before KaTeX has loaded, or "" when this TeX is not typeset (too long,
 * a trick that draws over its neighbours, or a KaTeX failure such as a stack overflow): the
 * caller shows it as written. KaTeX escapes the TeX and, with `trust: false`, drops \href, \url
 * and \includegraphics links, so the HTML is inert; its inline styles are why it joins the page
 * after the sanitizer, never through it. `maxSize` caps every size (\rule, \kern, \rule{}{}) at
 * 10 em and `maxExpand` stops runaway expansion (macro definitions are refused outright).
 */
export function typeset(tex: string, displayMode: boolean): string | null {
  if (!katex) return null;
  if (tex.length > MARKDOWN_LIMITS.maxTexChars || overlapTrick(tex)) return "";
  const key = `${displayMode ? "D" : "I"}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    try {
      html = katex.renderToString(tex, {
        displayMode,
        throwOnError: false,
        trust: false,
        strict: "ignore",
        output: "html",
        maxSize: 10,
        maxExpand: 1000,
      });
    } catch {
      html = ""; // e.g. a stack overflow on absurdly nested braces
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, html);
  }
  return html;
}
const cache = new Map<string, string>();

/**
 * Replace the placeholders in sanitized HTML with typeset math (or, before KaTeX loads, the TeX in
 * a `<code>`). A placeholder that ended up in code or in an attribute gets its source text back.
 * Returns whether the math is final (false: KaTeX had not loaded yet).
 */
export function insertMath(root: DocumentFragment, spans: readonly MathSpan[]): boolean {
  const doc = root.ownerDocument;
  for (const el of root.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      if (attr.value.includes("\uE000"))
        el.setAttribute(attr.name, restoreSource(attr.value, spans));
    }
  }
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (node.data.includes("\uE000")) texts.push(node);
  }
  let final = true;
  for (const node of texts) {
    if (node.parentElement?.closest("code, pre")) {
      node.data = restoreSource(node.data, spans);
      continue;
    }
    const parts = splitPlaceholders(node.data, spans.length).map((part) => {
      if (typeof part === "string") return doc.createTextNode(part);
      const span = spans[part];
      if (!span) return doc.createTextNode("");
      // Past the per-block budget, formulas stay as written.
      const html = part < MARKDOWN_LIMITS.maxMathPerBlock ? typeset(span.tex, span.display) : "";
      if (!html) {
        if (html === null) final = false;
        const code = doc.createElement("code");
        code.className = html === null ? "math-pending" : "math-source";
        code.textContent = span.source;
        return code;
      }
      // KaTeX's HTML output is hidden from screen readers; they read the TeX instead.
      const wrap = doc.createElement("span");
      wrap.className = "math";
      wrap.setAttribute("role", "img");
      wrap.setAttribute("aria-label", span.tex.trim());
      wrap.innerHTML = html; // KaTeX output, trusted: see typeset
      return wrap;
    });
    node.replaceWith(...parts);
  }
  return final;
}
