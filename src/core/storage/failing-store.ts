/**
 * Test double: a KeyValueStore that throws a browser-like QuotaExceededError on chosen writes, to
 * check that repositories explain the failure and keep earlier data. Holds what the wrapped store
 * holds; no schema of its own.
 */
import type { KeyValueStore } from "./kv-store";

/** An error shaped like the DOMException browsers throw when a site is out of storage. */
export function quotaExceededError(): Error {
  const e = new Error("The quota has been exceeded.");
  e.name = "QuotaExceededError";
  return e;
}

/** Wrap `inner` so that write number `n` (1-based, counting set/setMany/del/clear) throws. */
export function failOnWrite(inner: KeyValueStore, n: number | ((count: number) => boolean)) {
  let count = 0;
  const fails = typeof n === "number" ? (c: number) => c === n : n;
  const guard = async (op: () => Promise<void>) => {
    count += 1;
    if (fails(count)) throw quotaExceededError();
    await op();
  };
  const store: KeyValueStore = {
    kind: inner.kind,
    get: <T>(key: string) => inner.get<T>(key),
    set: (key, value) => guard(() => inner.set(key, value)),
    setMany: (items) => guard(() => inner.setMany(items)),
    writeIf: async (key, decide) => {
      let written = false;
      await guard(async () => void (written = await inner.writeIf(key, decide)));
      return written;
    },
    del: (key) => guard(() => inner.del(key)),
    keys: () => inner.keys(),
    entries: <T>() => inner.entries<T>(),
    clear: () => guard(() => inner.clear()),
  };
  return { store, writes: () => count };
}
