import { describe, expect, it } from "vitest";
import { DownloadConsent } from "./consent.svelte";

function consent(cached: string[] = []) {
  const asked: string[][] = [];
  const c = new DownloadConsent({
    cached: async (ids) => (asked.push([...ids]), ids.filter((id) => cached.includes(id))),
    downloads: (id) => !id.startsWith("replay:"),
    describe: (id) => ({ name: id, mb: 100 }),
  });
  return { c, asked };
}

describe("DownloadConsent", () => {
  it("asks with the plan, and Cancel refuses the load", async () => {
    const { c } = consent();
    const answer = c.ask(["a", "b"]);
    await Promise.resolve();
    await Promise.resolve();
    expect(c.pending?.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(c.pending?.totalMB).toBe(200);
    c.answer(false);
    expect(await answer).toBe(false);
    expect(c.pending).toBeNull();
  });

  it("does not ask again about models agreed to, cached or replayed", async () => {
    const { c, asked } = consent(["cached"]);
    const first = c.ask(["a"]);
    await new Promise((r) => setTimeout(r));
    c.answer(true);
    expect(await first).toBe(true);
    expect(await c.ask(["a", "cached", "replay:x"])).toBe(true);
    expect(c.pending).toBeNull();
    expect(asked).toEqual([["a"], ["cached"]]);
  });

  it("asks about everything when the cache cannot be read", async () => {
    const c = new DownloadConsent({
      cached: () => Promise.reject(new Error("no cache")),
      downloads: () => true,
      describe: (id) => ({ name: id, mb: null }),
    });
    const answer = c.ask(["a"]);
    await new Promise((r) => setTimeout(r));
    expect(c.pending?.unknown).toBe(1);
    c.answer(false);
    expect(await answer).toBe(false);
  });
});
