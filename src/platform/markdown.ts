/**
 * Model output is untrusted: it is rendered from markdown to HTML and then sanitized, so no
 * script, event handler, `javascript:` URL, remote image or embedded frame survives.
 */
import DOMPurify from "dompurify";
import { Marked } from "marked";
import { extractMath } from "../core/markdown-math";
import { insertMath } from "./math";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const FORBID_TAGS = [
  "img",
  "picture",
  "source",
  "video",
  "audio",
  "track",
  "iframe",
  "frame",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "style",
  "link",
  "meta",
  "base",
  "svg",
  "math",
  "template",
  "dialog",
];
const FORBID_ATTR = [
  "style",
  "srcset",
  "src",
  "action",
  "formaction",
  "background",
  "poster",
  "ping",
];
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook("uponSanitizeElement", (node, data) => {
    // Show a remote image as its alt text and address instead of loading it (it could track).
    if (data.tagName === "img" && node instanceof Element) {
      const alt = node.getAttribute("alt") || "image";
      const src = node.getAttribute("src") ?? "";
      node.replaceWith(document.createTextNode(`[${alt}${src ? `: ${src}` : ""}]`));
    }
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

const PURIFY = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
};

/**
 * Markdown → sanitized HTML string, safe to assign to innerHTML. TeX is cut out before parsing
 * and typeset after sanitizing (see ./math.ts); call `ensureMath()` first to get it typeset.
 */
export function renderMarkdown(markdown: string): string {
  installHooks();
  const { text, spans } = extractMath(markdown);
  if (spans.length === 0) return DOMPurify.sanitize(marked.parse(markdown) as string, PURIFY);
  const fragment = DOMPurify.sanitize(marked.parse(text) as string, {
    ...PURIFY,
    RETURN_DOM_FRAGMENT: true,
  });
  insertMath(fragment, spans);
  const box = document.createElement("div");
  box.append(fragment);
  return box.innerHTML;
}

type HljsCore = typeof import("highlight.js/lib/core").default;
let hljs: Promise<HljsCore> | null = null;

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
  return h;
}

/**
 * Highlight the code blocks inside `root`. The highlighter loads on first use (its own chunk),
 * and highlight.js escapes the code text, so the result stays inert.
 */
export async function highlightCodeBlocks(root: HTMLElement): Promise<void> {
  const blocks = root.querySelectorAll<HTMLElement>("pre code:not([data-highlighted])");
  if (blocks.length === 0) return;
  hljs ??= loadHighlighter();
  const h = await hljs;
  for (const block of blocks) {
    const lang = /language-([\w-]+)/.exec(block.className)?.[1];
    if (lang && h.getLanguage(lang)) {
      block.innerHTML = h.highlight(block.textContent ?? "", { language: lang }).value;
    }
    block.dataset.highlighted = "yes";
  }
}
