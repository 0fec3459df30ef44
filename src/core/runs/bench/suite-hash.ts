/** A suite's content hash: SHA-256 (hex) of its items as JSON, so a report names what it asked. */
import type { SuiteItem } from "../../scoring/types";

export async function suiteHash(items: readonly SuiteItem[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(items));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
