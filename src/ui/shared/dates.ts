/**
 * Dates as the reader's locale writes them, through one formatter each. The first date a page
 * formats costs tens of milliseconds (the engine loads its locale data then), which made the
 * first Send in Chat one long task; `warmDates` pays it in an idle moment, before a list needs it.
 */
let day: Intl.DateTimeFormat | null = null;
let dayTime: Intl.DateTimeFormat | null = null;

/** "12/4/2026" (as `Date#toLocaleDateString` writes it). */
export function formatDay(ms: number): string {
  day ??= new Intl.DateTimeFormat();
  return day.format(ms);
}

/** "Dec 4, 2026, 6:18 PM". */
export function formatDayTime(ms: number): string {
  dayTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return dayTime.format(ms);
}

/** Load the locale's date data when the page is idle (once; later calls do nothing). */
export function warmDates(): void {
  if (day) return;
  const warm = () => void formatDay(0);
  if (typeof requestIdleCallback === "function") requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
}
