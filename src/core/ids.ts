/** A short id, unique enough for local records: time-ordered prefix plus random suffix. */
export function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}
