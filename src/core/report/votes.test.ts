import { describe, expect, it } from "vitest";
import type { Domain } from "../domains";
import { isPolymathError } from "../errors";
import { failOnWrite } from "../storage/failing-store";
import { createMemoryStore } from "../storage/memory-store";
import { csvField, toCsv } from "./csv";
import type { Vote } from "./vote-types";
import { createVoteStore, votesToCsv, votesToJson } from "./votes";

const v = (at: number, outcome: Vote["outcome"] = "a", domain?: Domain): Vote => ({
  a: "Qwen3-1.7B",
  b: "Qwen2.5-Coder-1.5B",
  outcome,
  at,
  ...(domain ? { domain } : {}),
});

describe("vote store", () => {
  it("adds, lists in time order, and resets", async () => {
    const kv = createMemoryStore();
    const store = createVoteStore(kv);
    await Promise.all([store.add(v(30)), store.add(v(10, "tie")), store.add(v(20, "b"))]);
    expect((await createVoteStore(kv).list()).map((x) => x.at)).toEqual([10, 20, 30]);
    expect(await kv.get("votes")).toMatchObject({ schema: 1 });
    await store.reset();
    expect(await store.list()).toEqual([]);
  });

  it("keeps earlier votes when the disk is full", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createVoteStore(kv);
    await store.add(v(1));
    full = true;
    await expect(store.add(v(2))).rejects.toSatisfy((e) => isPolymathError(e, "storage-full"));
    expect(await store.list()).toEqual([v(1)]);
  });

  it("refuses votes from a newer schema", async () => {
    const kv = createMemoryStore();
    await kv.set("votes", { schema: 2, data: [] });
    await expect(createVoteStore(kv).list()).rejects.toSatisfy((e) =>
      isPolymathError(e, "schema-too-new"),
    );
  });
});

describe("vote export", () => {
  it("quotes CSV fields only when needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(undefined)).toBe("");
    expect(toCsv(["x", "y"], [[1, "a,b"]])).toBe('x,y\r\n1,"a,b"\r\n');
  });

  it("writes votes as CSV with ISO times", () => {
    const csv = votesToCsv([
      v(0, "both-bad", "code, tests" as Domain) /* stored data may hold any text */,
      { ...v(1000), b: 'odd"id', answers: "fixture" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "at,a,b,outcome,domain,answers",
      '1970-01-01T00:00:00.000Z,Qwen3-1.7B,Qwen2.5-Coder-1.5B,both-bad,"code, tests",live',
      '1970-01-01T00:00:01.000Z,Qwen3-1.7B,"odd""id",a,,fixture',
      "",
    ]);
  });

  it("neutralizes spreadsheet formulas in vote fields", () => {
    // Stored data may hold any text in the domain field.
    const hostile = { ...v(0, "a", "=1+1" as Domain), a: "@SUM(A1)", b: "-2+3+cmd|' /C calc'!A0" };
    const csv = votesToCsv([hostile]);
    expect(csv.split("\r\n")[1]).toBe(
      `1970-01-01T00:00:00.000Z,"'@SUM(A1)","'-2+3+cmd|' /C calc'!A0",a,"'=1+1",live`,
    );
  });

  it("writes versioned JSON that holds the votes", () => {
    const parsed = JSON.parse(votesToJson([v(5)], new Date(0))) as Record<string, unknown>;
    expect(parsed).toEqual({
      format: "polymath-votes",
      schema: 1,
      exportedAt: "1970-01-01T00:00:00.000Z",
      data: [v(5)],
    });
  });
});
