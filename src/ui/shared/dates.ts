/**
 * Dates written out by hand, in the page's time zone: "4 Dec 2026" and "4 Dec 2026, 18:18".
 * `Intl.DateTimeFormat` (and `toLocaleDateString`) would follow the reader's locale, but the
 * first date a page formats that way costs 20-40 ms (the engine loads its locale data then):
 * a long task on a phone when a list of conversations or runs first appears. The app is in
 * English, and a day-month-year with the month's name reads the same everywhere.
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "4 Dec 2026". */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** "4 Dec 2026, 18:18" (24-hour clock). */
export function formatDayTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${formatDay(ms)}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}
