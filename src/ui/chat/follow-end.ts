/**
 * Keeps the end of the conversation in sight above the sticky prompt box: the page's scroll
 * padding is the box's height (so any scroll into view stops above it), and while the reader is
 * at the end, growing answers and a taller box scroll the last message back above the box. A
 * reader who scrolled up is left where they are, until they send a prompt or open another
 * conversation (`pin`).
 */
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
  const measure = () => {
    if (ours) ours = false;
    else atEnd = scrollY + innerHeight >= root.scrollHeight - composer.offsetHeight - 120;
  };
  const follow = () => {
    // A little room above the box, so a message laid out at a fraction of a pixel (scrolling
    // rounds) is never under it.
    root.style.scrollPaddingBottom = `${Math.ceil(composer.getBoundingClientRect().height) + 8}px`;
    if (!atEnd) return;
    const before = scrollY;
    last()?.scrollIntoView({ block: "end" });
    if (scrollY !== before) ours = true;
  };
  const observer = new ResizeObserver(follow);
  observer.observe(view);
  observer.observe(composer);
  addEventListener("scroll", measure, { passive: true });
  return {
    pin: () => {
      atEnd = true;
      follow();
    },
    stop: () => {
      observer.disconnect();
      removeEventListener("scroll", measure);
      root.style.scrollPaddingBottom = "";
    },
  };
}
