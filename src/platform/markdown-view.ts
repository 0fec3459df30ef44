/**
 * Renders one answer into its box, block by block. Finished blocks are rendered once and kept;
 * only the unfinished tail is rendered again as text arrives, at a rate bounded by what the last
 * render cost; inside an open code fence new text is appended as text. All work runs in slices
 * of the page's per-frame budget (./render-scheduler.ts), so a multi-megabyte answer renders
 * progressively without freezing the page. A streamed answer ends up exactly as the same answer
 * rendered whole: the blocks are cut alike (core/markdown-blocks.ts) and rendered alike.
 */
import { BlockSplitter, type BlockRange } from "../core/markdown-blocks";
import { MARKDOWN_LIMITS, plainChunkEnd } from "../core/markdown-limits";
import {
  ensureHighlighter,
  highlightCode,
  plainNotice,
  renderBlock,
  type RenderedBlock,
} from "./markdown";
import { ensureMath } from "./math";
import { renderScheduler, type SlicedWork } from "./render-scheduler";

interface Block {
  range: BlockRange;
  el: HTMLElement;
  pendingMath: boolean;
}

type TailMode = "markdown" | "fence" | "plain";

/** Text handed to the splitter per slice: its scan is linear, but a 5 MB paste is one call. */
const FEED_CHARS = 200_000;
/**
 * A markdown tail is rendered again at most 25 times a second, and waits at least this many times
 * its own cost before the next (at most 250 ms): a few tokens arrive per render, not one.
 */
const TAIL_MIN_WAIT_MS = 40;
const TAIL_BACKOFF = 6;
const TAIL_MAX_WAIT_MS = 250;
const GROUP_BLOCKS = 24;

export class MarkdownView implements SlicedWork {
  readonly #root: HTMLElement;
  #text = "";
  #streaming = true;
  #splitter = new BlockSplitter();
  #fed = 0;
  #pending: BlockRange[] = [];
  #rerender: Block[] = [];
  #highlight: HTMLElement[] = [];
  #tail: HTMLElement | null = null;
  #tailMode: TailMode | null = null;
  #tailStart = -1;
  #tailShown = "";
  #tailDueAt = 0;
  #finalized = false;
  #group: HTMLElement | null = null;
  #groupSize = 0;
  #mathWaits = 0;
  #mathBlocks: Block[] = [];
  #tailMath = false;
  #highlighterAsked = false;
  /** The text as it is, shown until the first block is placed: the box is never blank. */
  #unrendered: HTMLElement | null = null;
  /** Bumped on reset, so a late KaTeX load does not touch a newer answer's blocks. */
  #generation = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    root.addEventListener("click", this.#onClick);
  }

  /** Show `text` (which usually extends the last one); `streaming`: more may follow. */
  update(text: string, streaming: boolean): void {
    if (text === this.#text && streaming === this.#streaming) return;
    const extends_ = text.length >= this.#text.length && text.startsWith(this.#text);
    // After the end, the answer is whole: any change (a regenerated answer) starts over.
    if (!extends_ || this.#finalized) this.#reset();
    this.#text = text;
    this.#streaming = streaming;
    this.#root.dataset.rendering = "true";
    this.#showUnrendered();
    // The end of an answer is rendered at once (the page shows "done" with all of its text).
    renderScheduler().request(this, !streaming);
  }

  destroy(): void {
    renderScheduler().cancel(this);
    this.#root.removeEventListener("click", this.#onClick);
  }

  work(deadline: number): boolean {
    const more = this.#work(deadline);
    const idle =
      !this.#streaming &&
      this.#finalized &&
      this.#pending.length + this.#rerender.length + this.#highlight.length + this.#mathWaits === 0;
    this.#root.dataset.rendering = idle ? "false" : "true";
    return more;
  }

  #work(deadline: number): boolean {
    const late = (): boolean => performance.now() >= deadline;
    // New text goes to the splitter a slice at a time.
    while (this.#fed < this.#text.length) {
      const piece = this.#text.slice(this.#fed, this.#fed + FEED_CHARS);
      for (const range of this.#splitter.push(piece)) this.#pending.push(range);
      this.#fed += piece.length;
      if (late()) return true;
    }
    // Finished blocks: rendered once each, in order, inserted together.
    if (this.#pending.length > 0) {
      while (this.#pending.length > 0 && !late()) {
        const range = this.#pending.shift() as BlockRange;
        if (range.start === this.#tailStart) this.#dropTail();
        this.#place(this.#addBlock(range).el);
      }
      if (this.#pending.length > 0) return true;
    }
    // The text first: the last block at the end, else the streaming tail when it is due.
    const tailStart = this.#splitter.tailStart;
    let more = false;
    if (!this.#streaming) {
      if (!this.#finalized) {
        if (late()) return true;
        this.#dropTail();
        if (tailStart < this.#text.length) {
          this.#place(this.#addBlock({ start: tailStart, end: this.#text.length }).el);
        }
        this.#finalized = true;
      }
    } else {
      const tailText = this.#text.slice(tailStart);
      if (tailStart !== this.#tailStart || tailText !== this.#tailShown) {
        const now = performance.now();
        if (now < this.#tailDueAt || now >= deadline) more = true;
        else {
          const appended = this.#renderTail(tailStart, tailText);
          const cost = performance.now() - now;
          // Appending text to an open code fence is cheap: it may happen every frame.
          const wait = appended ? 0 : Math.max(TAIL_MIN_WAIT_MS, cost * TAIL_BACKOFF);
          this.#tailDueAt = performance.now() + Math.min(TAIL_MAX_WAIT_MS, wait);
        }
      }
    }
    // Then what decorates it: math typeset once KaTeX is in, code highlighted.
    while (this.#rerender.length > 0) {
      if (late()) return true;
      const block = this.#rerender.shift() as Block;
      this.#fill(block, renderBlock(this.#slice(block.range)));
    }
    while (this.#highlight.length > 0) {
      if (late()) return true;
      // Not loaded yet: the load asks for another slice.
      if (!highlightCode(this.#highlight[0] as HTMLElement)) return more;
      this.#highlight.shift();
    }
    return more;
  }

  /**
   * Blocks sit in groups of GROUP_BLOCKS; each group is laid out and painted only near the screen
   * (content-visibility), so a long answer costs what is visible, without the page tracking
   * thousands of separately skipped boxes.
   */
  #place(el: HTMLElement): void {
    this.#dropUnrendered();
    if (!this.#group || this.#groupSize >= GROUP_BLOCKS) {
      this.#group = document.createElement("div");
      this.#group.className = "md-group";
      this.#groupSize = 0;
      this.#root.insertBefore(this.#group, this.#tail);
    }
    this.#group.append(el);
    this.#groupSize++;
  }

  #slice(range: BlockRange): string {
    return this.#text.slice(range.start, range.end);
  }

  #addBlock(range: BlockRange): Block {
    const el = document.createElement("div");
    el.className = "md-block";
    const block: Block = { range, el, pendingMath: false };
    this.#fill(block, renderBlock(this.#slice(range)));
    return block;
  }

  #fill(block: Block, rendered: RenderedBlock): void {
    block.el.replaceChildren(rendered.fragment);
    block.el.classList.toggle("md-plain-block", rendered.plain !== null);
    // Only blocks that can be wider than the answer scroll sideways (a scroll box per block
    // would cost every frame).
    block.el.classList.toggle("md-wide", rendered.wide);
    block.pendingMath = rendered.pendingMath;
    if (rendered.pendingMath) this.#waitForMath(block);
    this.#queueHighlight(block.el);
  }

  /** Re-render `block` once KaTeX has loaded (one wait per answer, however many blocks). */
  #waitForMath(block: Block | null): void {
    if (block) this.#mathBlocks.push(block);
    if (this.#mathWaits > 0) return;
    this.#mathWaits = 1;
    const generation = this.#generation;
    const settle = (typeset: boolean): void => {
      if (generation !== this.#generation) return;
      this.#mathWaits = 0;
      if (typeset) this.#rerender.push(...this.#mathBlocks);
      this.#mathBlocks = [];
      if (typeset && this.#tailMath) this.#tailShown = "";
      this.#tailMath = false;
      renderScheduler().request(this);
    };
    ensureMath().then(
      () => settle(true),
      () => settle(false), // offline or blocked: the TeX stays readable as code
    );
  }

  #queueHighlight(el: HTMLElement): void {
    const codes = el.querySelectorAll<HTMLElement>("pre code[class*='language-']");
    if (codes.length === 0) return;
    this.#highlight.push(...codes);
    if (this.#highlighterAsked) return;
    this.#highlighterAsked = true;
    ensureHighlighter().then(
      () => renderScheduler().request(this),
      () => {
        this.#highlight.length = 0; // the code stays plain
        renderScheduler().request(this);
      },
    );
  }

  /**
   * Until anything is rendered (the first slice can miss its frame on a loaded machine), the text
   * shows as it is, as it did before the renderer loaded, instead of a blank box.
   */
  #showUnrendered(): void {
    if (this.#group || this.#tail) return;
    if (!this.#unrendered) {
      this.#unrendered = document.createElement("div");
      this.#unrendered.className = "md-unrendered";
      this.#root.append(this.#unrendered);
    }
    this.#unrendered.textContent = this.#text;
  }

  #dropUnrendered(): void {
    this.#unrendered?.remove();
    this.#unrendered = null;
  }

  #dropTail(): void {
    this.#tail?.remove();
    this.#tail = null;
    this.#tailMode = null;
    this.#tailStart = -1;
    this.#tailShown = "";
  }

  /** Render the tail; true when it only appended text (an open code fence). */
  #renderTail(start: number, text: string): boolean {
    const fence = this.#splitter.openFence;
    const mode: TailMode =
      text.length > MARKDOWN_LIMITS.maxBlockChars ? "plain" : fence ? "fence" : "markdown";
    if (start !== this.#tailStart || mode !== this.#tailMode || !this.#tail) {
      this.#dropTail();
      this.#dropUnrendered();
      this.#tail = document.createElement("div");
      this.#tail.className = "md-block md-tail";
      this.#root.append(this.#tail);
      this.#tailStart = start;
      this.#tailMode = mode;
    }
    const tail = this.#tail;
    let appended = false;
    if (mode === "fence") appended = this.#fenceTail(tail, text, fence?.info ?? "");
    else if (mode === "plain") this.#plainTail(tail, text);
    else {
      const rendered = renderBlock(text);
      tail.replaceChildren(rendered.fragment);
      tail.classList.toggle("md-wide", rendered.wide);
      if (rendered.pendingMath) {
        this.#tailMath = true;
        if (this.#mathWaits === 0) this.#waitForMath(null);
      }
    }
    this.#tailShown = text;
    return appended;
  }

  /** An open code fence: new text is appended to the code as text, nothing is parsed again. */
  #fenceTail(tail: HTMLElement, text: string, info: string): boolean {
    const code = text.slice(text.indexOf("\n") + 1);
    const node = tail.querySelector("code")?.firstChild;
    const shown = this.#tailShown.slice(this.#tailShown.indexOf("\n") + 1);
    if (node instanceof Text && this.#tailShown && code.startsWith(shown)) {
      node.appendData(code.slice(shown.length));
      return true;
    }
    const wrap = document.createElement("div");
    wrap.className = "code-block";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.setAttribute("aria-label", "Copy code");
    const pre = document.createElement("pre");
    const el = document.createElement("code");
    const lang = info.split(/\s/)[0];
    if (lang) el.className = `language-${lang}`;
    el.append(document.createTextNode(code));
    pre.append(el);
    wrap.append(button, pre);
    tail.replaceChildren(wrap);
    return false;
  }

  /** A tail too long to format: plain text pieces, of which only the last one changes. */
  #plainTail(tail: HTMLElement, text: string): void {
    if (!tail.firstChild) tail.append(plainNotice("too-long", text.length));
    const notice = tail.firstChild as HTMLElement;
    notice.replaceWith(plainNotice("too-long", text.length));
    const pieces = [...tail.querySelectorAll<HTMLElement>("pre.md-plain")];
    let at = 0;
    let i = 0;
    while (at < text.length) {
      const end = plainChunkEnd(text, at);
      const piece = text.slice(at, end);
      let pre = pieces[i];
      if (!pre) {
        pre = document.createElement("pre");
        pre.className = "md-plain";
        tail.append(pre);
      }
      if (end === text.length || pre.textContent !== piece) pre.textContent = piece;
      at = end;
      i++;
    }
  }

  #reset(): void {
    renderScheduler().cancel(this);
    this.#root.replaceChildren();
    this.#unrendered = null;
    this.#text = "";
    this.#splitter = new BlockSplitter();
    this.#fed = 0;
    this.#pending = [];
    this.#rerender = [];
    this.#highlight = [];
    this.#tail = null;
    this.#tailMode = null;
    this.#tailStart = -1;
    this.#tailShown = "";
    this.#tailDueAt = 0;
    this.#finalized = false;
    this.#group = null;
    this.#groupSize = 0;
    this.#mathWaits = 0;
    this.#mathBlocks = [];
    this.#tailMath = false;
    this.#generation++;
  }

  #onClick = (event: MouseEvent): void => {
    const button = (event.target as Element | null)?.closest?.("button.copy-code");
    if (!(button instanceof HTMLButtonElement) || !this.#root.contains(button)) return;
    const code = button.nextElementSibling?.textContent ?? "";
    const show = (label: string): void => {
      button.setAttribute("aria-label", label);
      button.dataset.state = label === "Copied" ? "copied" : "failed";
      setTimeout(() => {
        button.setAttribute("aria-label", "Copy code");
        delete button.dataset.state;
      }, 2000);
    };
    navigator.clipboard.writeText(code).then(
      () => show("Copied"),
      () => show("Copy failed"),
    );
  };
}
