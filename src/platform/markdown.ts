/**
 * Model output is untrusted and is shown as written. Markdown becomes HTML, but raw HTML in the
 * answer is never markup: marked's HTML tokenizers are off, so `<style>`, `<script>` or `<foo>`
 * in prose is plain text and nothing after it is swallowed. The HTML marked writes is then
 * sanitized once (one DOMPurify configuration, set once, an allow-list of the tags marked
 * writes), so no script, event handler, `javascript:` URL, remote image or embedded frame
 * survives even if marked were fooled.
 */
import DOMPurify from "dompurify";
import { Marked } from "marked";
import { extractMath } from "../core/markdown-math";
import { assessBlock, capNesting, plainChunkEnd, type PlainReason } from "../core/markdown-limits";
import { insertMath } from "./math";

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  // Returning undefined (not false) turns a tokenizer off: tags stay text.
  tokenizer: { html: () => undefined, tag: () => undefined },
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // A remote image could track the reader: show its alt text and address instead.
    image: ({ text, href }) => escapeHtml(`[${text || "image"}${href ? `: ${href}` : ""}]`),
  },
});

const SAFE_URL = /^(?:https?:|mailto:|#)/i;
const ALLOWED_TAGS = [
  ..."p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong del a hr br".split(" "),
  ..."table thead tbody tr th td span".split(" "),
];

let configured = false;
/** One sanitizer configuration for every call: parsing it per call was most of its cost. */
function configure(): void {
  if (configured) return;
  configured = true;
  DOMPurify.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "title", "class", "align", "start"],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URL,
    RETURN_DOM_FRAGMENT: true,
  });
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A") {
      const href = node.getAttribute("href") ?? "";
      if (!SAFE_URL.test(href.trim())) node.removeAttribute("href");
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer nofollow");
    }
  });
}

/** A block rendered for the page. */
export interface RenderedBlock {
  fragment: DocumentFragment;
  /** Holds math shown as TeX until KaTeX has loaded. */
  pendingMath: boolean;
  /** Holds any math at all (so KaTeX should load). */
  hasMath: boolean;
  /** Holds a table or math, which can be wider than the answer. */
  wide: boolean;
  /** Shown as plain text, and why. */
  plain: PlainReason | "error" | null;
}

const NOTICE: Record<PlainReason | "error", string> = {
  "too-long": "is too long to format",
  "too-complex": "has too much markup to format quickly",
  "too-deep": "is nested too deeply to format",
  error: "could not be formatted",
};

/** `text` as plain-text chunks (each its own element, so the page lays out only what is seen). */
export function plainChunks(text: string, into: Node): void {
  const doc = into.ownerDocument ?? document;
  for (let at = 0; at < text.length;) {
    const end = plainChunkEnd(text, at);
    const pre = doc.createElement("pre");
    pre.className = "md-plain";
    pre.textContent = text.slice(at, end);
    into.appendChild(pre);
    at = end;
  }
}

/** The notice above a block shown as plain text. */
export function plainNotice(reason: PlainReason | "error", chars: number): HTMLElement {
  const p = document.createElement("p");
  p.className = "md-notice";
  p.setAttribute("role", "note");
  const size = chars >= 1000 ? `${(chars / 1000).toFixed(chars >= 100_000 ? 0 : 1)} kB` : "";
  p.textContent = `Shown as plain text: this part${size ? ` (${size})` : ""} ${NOTICE[reason]}.`;
  return p;
}

function plain(source: string, reason: PlainReason | "error"): RenderedBlock {
  const fragment = document.createDocumentFragment();
  fragment.append(plainNotice(reason, source.length));
  plainChunks(source, fragment);
  return { fragment, pendingMath: false, hasMath: false, wide: false, plain: reason };
}

/** Give each code block its own copy button (handled by the view, by delegation). */
function addCopyButtons(root: DocumentFragment): void {
  for (const pre of root.querySelectorAll("pre")) {
    const wrap = document.createElement("div");
    wrap.className = "code-block";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.setAttribute("aria-label", "Copy code");
    pre.replaceWith(wrap);
    wrap.append(button, pre);
  }
}

/**
 * One block of markdown → a sanitized fragment with its math typeset (or shown as TeX until
 * KaTeX loads: call `ensureMath()` when `hasMath`). Never throws: a block past the limits, or one
 * the parser cannot handle, comes back as plain text with a notice.
 */
export function renderBlock(source: string): RenderedBlock {
  configure();
  const reason = assessBlock(source);
  if (reason) return plain(source, reason);
  try {
    const { text, spans } = extractMath(source);
    const html = marked.parse(capNesting(text)) as string;
    const fragment = DOMPurify.sanitize(html) as unknown as DocumentFragment;
    const pendingMath = spans.length > 0 && !insertMath(fragment, spans);
    addCopyButtons(fragment);
    const wide = spans.length > 0 || fragment.querySelector("table") !== null;
    return { fragment, pendingMath, hasMath: spans.length > 0, wide, plain: null };
  } catch {
    // A stack overflow or any parser failure: the text stays readable.
    return plain(source, "error");
  }
}

const WARM_INLINE = "*a* **b** `c` [d](#e) f";
/** One small block of each kind an answer has: inline marks, heading, lists, quote, table, code. */
const WARM_UP = [
  WARM_INLINE,
  "# g",
  "- h\n  1. i",
  "> j",
  "| k | l |\n|---|:-:|\n| m | n |",
  "```js\no\n```",
];

/**
 * Three short steps, a task each: the parser's first run, the sanitizer's, then one render of
 * every kind of block, dropped. Their setup and the engine compiling them then happen ahead of
 * the first answer, not all in its first frame; few steps, so the answer waits little for them.
 */
export function warmUpSteps(): (() => void)[] {
  return [
    () => void marked.parse(WARM_INLINE),
    () => {
      configure();
      DOMPurify.sanitize("<p><em>a</em> <a href='#b'>c</a></p>");
    },
    () => void renderBlock(WARM_UP.join("\n\n")),
  ];
}

type HljsCore = typeof import("highlight.js/lib/core").default;
let hljs: Promise<HljsCore> | null = null;
let hljsReady: HljsCore | null = null;

async function loadHighlighter(): Promise<HljsCore> {
  const [core, js, ts, py, json, bash, css, xml] = await Promise.all([
    import("highlight.js/lib/core"),
    import("highlight.js/lib/languages/javascript"),
    import("highlight.js/lib/languages/typescript"),
    import("highlight.js/lib/languages/python"),
    import("highlight.js/lib/languages/json"),
    import("highlight.js/lib/languages/bash"),
    import("highlight.js/lib/languages/css"),
    import("highlight.js/lib/languages/xml"),
  ]);
  const h = core.default;
  const langs = { javascript: js, typescript: ts, python: py, json, bash, css, xml };
  for (const [name, mod] of Object.entries(langs)) h.registerLanguage(name, mod.default);
  h.registerAliases(["js", "jsx", "mjs"], { languageName: "javascript" });
  h.registerAliases(["ts", "tsx"], { languageName: "typescript" });
  h.registerAliases(["py"], { languageName: "python" });
  h.registerAliases(["sh", "shell", "zsh"], { languageName: "bash" });
  h.registerAliases(["html", "svg"], { languageName: "xml" });
  hljsReady = h;
  return h;
}

/** Load the highlighter (its own chunk) once; later calls share the first load. */
export function ensureHighlighter(): Promise<unknown> {
  hljs ??= loadHighlighter();
  return hljs;
}

/**
 * Highlight one code element if the highlighter has loaded (false: not yet). highlight.js
 * escapes the code text, so the result stays inert.
 */
export function highlightCode(block: HTMLElement): boolean {
  if (!hljsReady) return false;
  const lang = /language-([\w-]+)/.exec(block.className)?.[1];
  if (lang && hljsReady.getLanguage(lang)) {
    block.innerHTML = hljsReady.highlight(block.textContent ?? "", { language: lang }).value;
  }
  block.dataset.highlighted = "yes";
  return true;
}
