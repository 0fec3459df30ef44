/** Bring a section into view and move focus to it (keyboard users land where they jumped). */
export function jumpTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}
