import { describe, expect, it } from "vitest";
import type { Domain } from "../../core/domains";
import { PolymathError } from "../../core/errors";
import type { Vote } from "../../core/report/vote-types";
import { createVoteStore } from "../../core/report/votes";
import { failOnWrite } from "../../core/storage/failing-store";
import { createMemoryStore } from "../../core/storage/memory-store";
import { ALL_DOMAINS, ArenaState } from "./arena.svelte";

function arena(options: { full?: () => boolean } = {}) {
  const tasks: (() => void)[] = [];
  const kv = options.full
    ? failOnWrite(createMemoryStore(), options.full).store
    : createMemoryStore();
  const votes = createVoteStore(kv);
  const state = new ArenaState({
    votes: async () => votes,
    defer: (task) => void tasks.push(task),
    now: () => new Date(Date.UTC(2025, 0, 1)),
  });
  const flush = () => tasks.splice(0).forEach((t) => t());
  return { state, votes, tasks, flush };
}

const vote = (
  a: string,
  b: string,
  outcome: Vote["outcome"],
  domain: Domain,
  at: number,
): Vote => ({
  a,
  b,
  outcome,
  domain,
  at,
});

describe("ArenaState", () => {
  it("leaves votes on replayed or synthetic answers off the board unless asked", async () => {
    const { state, flush } = arena();
    await state.refresh();
    await state.record(vote("x", "y", "a", "code", 1));
    await state.record({ ...vote("y", "x", "a", "math", 2), answers: "fixture" });
    await state.record({ ...vote("y", "x", "a", "math", 3), answers: "replayed" });
    flush();
    expect(state.replayedCount).toBe(2);
    expect(state.board?.totalVotes).toBe(1);
    expect(state.domains).toEqual(["code"]);
    state.setIncludeReplayed(true);
    flush();
    expect(state.board?.totalVotes).toBe(3);
    expect(state.domains).toEqual(["code", "math"]);
    expect(state.csv()).toMatch(/,math,fixture\r\n/);
  });

  it("computes the leaderboard after the click, not during it", async () => {
    const { state, tasks, flush } = arena();
    await state.refresh();
    await state.record(vote("x", "y", "a", "code", 1));
    expect(state.computing).toBe(true);
    expect(state.board).toBeNull();
    expect(tasks.length).toBeGreaterThan(0);
    flush();
    expect(state.computing).toBe(false);
    expect(state.board?.totalVotes).toBe(1);
    expect(state.board?.rows.map((r) => r.model)).toEqual(["x", "y"]);
  });

  it("ranks the model that wins more higher, with intervals around the rating", async () => {
    const { state, flush } = arena();
    for (let i = 0; i < 8; i++) await state.record(vote("x", "y", i < 6 ? "a" : "b", "code", i));
    flush();
    const [top, bottom] = state.board!.rows;
    expect(top?.model).toBe("x");
    expect(top!.rating).toBeGreaterThan(bottom!.rating);
    for (const row of state.board!.rows) {
      expect(row.ciLow).toBeLessThanOrEqual(row.rating);
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.rating);
    }
    expect(top).toMatchObject({ games: 8, wins: 6, losses: 2 });
  });

  it("filters by domain and lists the domains seen", async () => {
    const { state, flush } = arena();
    await state.record(vote("x", "y", "a", "math", 1));
    await state.record(vote("x", "z", "b", "code", 2));
    await state.record(vote("y", "z", "tie", "code", 3));
    flush();
    expect(state.domains).toEqual(["code", "math"]);
    expect(state.board?.totalVotes).toBe(3);
    state.setDomain("code");
    flush();
    expect(state.board?.totalVotes).toBe(2);
    expect(state.board?.rows.map((r) => r.model).sort()).toEqual(["x", "y", "z"]);
    state.setDomain("math");
    flush();
    expect(state.board?.rows.map((r) => r.model).sort()).toEqual(["x", "y"]);
  });

  it("only computes the latest change when several come quickly", async () => {
    const { state, tasks, flush } = arena();
    await state.record(vote("x", "y", "a", "math", 1));
    state.setDomain("math");
    state.setDomain(ALL_DOMAINS);
    expect(tasks).toHaveLength(3);
    flush();
    expect(state.board?.totalVotes).toBe(1);
  });

  it("keeps votes across instances, exports them and resets them", async () => {
    const first = arena();
    await first.state.record(vote("x", "y", "both-bad", "instruction", Date.UTC(2025, 0, 1)));
    const second = new ArenaState({ votes: async () => first.votes, defer: (t) => t() });
    await second.refresh();
    expect(second.votes).toHaveLength(1);
    expect(JSON.parse(second.json())).toMatchObject({
      format: "polymath-votes",
      data: second.votes,
    });
    expect(second.csv().split(/\r?\n/)[1]).toContain("both-bad");
    await second.reset();
    expect(second.votes).toEqual([]);
    expect(await first.votes.list()).toEqual([]);
    expect(second.board?.rows).toEqual([]);
  });

  it("rejects a vote the disk cannot keep and leaves the list unchanged", async () => {
    let full = false;
    const { state } = arena({ full: () => full });
    await state.record(vote("x", "y", "a", "code", 1));
    full = true;
    await expect(state.record(vote("x", "y", "b", "code", 2))).rejects.toBeInstanceOf(
      PolymathError,
    );
    expect(state.votes).toHaveLength(1);
  });
});
