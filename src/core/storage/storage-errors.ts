/**
 * Storage failures in words a user can act on. Quota errors arrive as a `QuotaExceededError`
 * DOMException in most browsers, but some engines (and idb-keyval's transaction errors) only
 * mention "quota" in the message, so both are recognised.
 */
import { PolymathError } from "../errors";

/** True when `e` says the browser refused a write for lack of space. */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED") return true;
  return typeof message === "string" && /quota/i.test(message);
}

/** Translate a failed write into a PolymathError (`storage-full` for quota, else `unknown`). */
export function toStorageError(e: unknown, what: string): PolymathError {
  // A lower layer's storage-full is re-worded with what the caller was saving; other codes pass.
  if (e instanceof PolymathError && e.code !== "storage-full") return e;
  if (e instanceof PolymathError || isQuotaError(e)) {
    return new PolymathError(
      "storage-full",
      `Could not save ${what}: the browser's storage is full.`,
      {
        advice:
          "Nothing was lost: your earlier data is still there. Free space by deleting a cached model " +
          "in the Models view or old conversations, then try again.",
        cause: e,
      },
    );
  }
  const message = e instanceof Error ? e.message : String(e);
  return new PolymathError("unknown", `Could not save ${what}: ${message}`, { cause: e });
}

/** Run a write and rethrow its failure as a PolymathError. */
export async function guardWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw toStorageError(e, what);
  }
}
