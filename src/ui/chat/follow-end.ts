/**
 * Keeps the end of the conversation in sight above the sticky prompt box: the page's scroll
 * padding is the box's height (so any scroll into view stops above it), and while the reader is
 * at the end, growing answers and a taller box scroll the last message back above the box. A
 * reader who scrolled up is left where they are, until they send a prompt or open another
 * conversation (`pin`). Only scrolling the reader did counts: the browser scrolls by itself too
 * (scroll anchoring, clamping when a re-rendered answer is briefly shorter), and such a scroll
 * read as the reader's would stop following in mid-answer.
 */

/** Input that scrolls the page when the reader gives it (typing in a field does not). */
const READER_INPUT = ["wheel", "touchmove", "pointerdown", "keydown"] as const;
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);

function scrollsPage(event: Event): boolean {
  if (!(event instanceof KeyboardEvent)) return true;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable]")) return false;
  return SCROLL_KEYS.has(event.key);
}
export interface Follower {
  /** Follow the end again (after a send, in another conversation). */
  pin(): void;
  stop(): void;
}

export function followEnd(
  view: HTMLElement,
  composer: HTMLElement,
  last: () => Element | null,
): Follower {
  const root = document.documentElement;
  // Near the bottom of the page, the reader is following the conversation.
  let atEnd = true;
  // The scroll event of our own scroll arrives a frame later, when the answer may have grown far
  // past the end: only the reader's own scrolling decides whether they still follow.
  let ours = false;
  // Whether the reader has scrolled (or may have) since they last sent a prompt.
  let reader = false;
  const input = (event: Event) => {
    if (scrollsPage(event)) reader = true;
  };
  const measure = () => {
    if (ours) ours = false;
    else if (reader)
      atEnd = scrollY + innerHeight >= root.scrollHeight - composer.offsetHeight - 120;
  };
  let padding = "";
  let pinned = 0;
  const follow = () => {
    // A little room above the box, so a message laid out at a fraction of a pixel (scrolling
    // rounds) is never under it. Written only when it changes: each write restyles the whole
    // page, and the scroll below would then lay it out again (this runs on every resize).
    const wanted = `${Math.ceil(composer.getBoundingClientRect().height) + 8}px`;
    if (wanted !== padding) {
      padding = wanted;
      root.style.scrollPaddingBottom = wanted;
    }
    if (!atEnd) return;
    const target = last();
    if (!target) return;
    const before = scrollY;
    target.scrollIntoView({ block: "end" });
    if (scrollY !== before) ours = true;
  };
  const observer = new ResizeObserver(follow);
  observer.observe(view);
  observer.observe(composer);
  // The page can grow outside both (a notice above the conversation, such as "ready to work
  // offline" once the service worker has cached the app), which moves the last message under the
  // box without resizing either.
  observer.observe(document.body);
  addEventListener("scroll", measure, { passive: true });
  for (const type of READER_INPUT) addEventListener(type, input, { passive: true, capture: true });
  return {
    pin: () => {
      atEnd = true;
      reader = false;
      // In the next frame, before it is laid out: called while a view mounts, measuring now
      // would lay the whole new page out inside the mount's task.
      cancelAnimationFrame(pinned);
      pinned = requestAnimationFrame(follow);
    },
    stop: () => {
      cancelAnimationFrame(pinned);
      observer.disconnect();
      removeEventListener("scroll", measure);
      for (const type of READER_INPUT) removeEventListener(type, input, { capture: true });
      root.style.scrollPaddingBottom = "";
      padding = "";
    },
  };
}
