/**
 * KaTeX typesets the math in answers. It is big (JS, CSS and fonts), so it loads only when an
 * answer holds math; until then the TeX shows as code.
 */
import { restoreSource, splitPlaceholders, type MathSpan } from "../core/markdown-math";

type Katex = typeof import("katex").default;

let katex: Katex | null = null;
let loading: Promise<void> | null = null;

/** Load KaTeX and its stylesheet once; later calls share the first load. */
export function ensureMath(): Promise<void> {
  loading ??= import("./katex-bundle").then(
    (mod) => {
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
 * TeX → KaTeX HTML, or null before KaTeX has loaded. KaTeX escapes the TeX and, with
 * `trust: false`, drops \href, \url and \includegraphics links, so the HTML is inert; its inline
 * styles are why it joins the page after the sanitizer, never through it.
 */
export function typeset(tex: string, displayMode: boolean): string | null {
  if (!katex) return null;
  // While an answer streams, its finished formulas are typeset again each frame.
  const key = `${displayMode ? "D" : "I"}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, {
      displayMode,
      throwOnError: false,
      trust: false,
      strict: "ignore",
      output: "html",
    });
    if (cache.size > 500) cache.clear();
    cache.set(key, html);
  }
  return html;
}
const cache = new Map<string, string>();

/**
 * Replace the placeholders in sanitized HTML with typeset math (or, before KaTeX loads, the TeX in
 * a `<code>`). A placeholder that ended up in code or in an attribute gets its source text back.
 */
export function insertMath(root: DocumentFragment, spans: readonly MathSpan[]): void {
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
  for (const node of texts) {
    if (node.parentElement?.closest("code, pre")) {
      node.data = restoreSource(node.data, spans);
      continue;
    }
    const parts = splitPlaceholders(node.data, spans.length).map((part) => {
      if (typeof part === "string") return doc.createTextNode(part);
      const span = spans[part];
      if (!span) return doc.createTextNode("");
      const html = typeset(span.tex, span.display);
      if (html === null) {
        const code = doc.createElement("code");
        code.className = "math-pending";
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
}
