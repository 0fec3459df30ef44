import { describe, expect, it } from "vitest";
import { PROMPTED_MODEL_ID as PROMPTED, TEAM_MODEL_ID as TEAM } from "../../routing/labels";
import { planComparison } from "../schedule";
import type { CompareCandidate } from "./candidates";
import {
  turnFootprints,
  turnLoaded,
  turnMembers,
  withPromptedCandidate,
  withTeamCandidate,
} from "./team-column";

const memory: Record<string, number> = { gen: 1200, coder: 1000, mathy: 1000 };
const vram = (id: string) => memory[id] ?? 0;

describe("the routed team as a comparison column", () => {
  it("runs the member the router chose, once even when another column is that model", () => {
    expect(turnMembers(["gen", TEAM], { [TEAM]: "coder" })).toEqual(["gen", "coder"]);
    expect(turnMembers(["gen", TEAM], { [TEAM]: "gen" })).toEqual(["gen"]);
    // Without a decision the column stays as it is.
    expect(turnMembers(["gen", TEAM], {})).toEqual(["gen", TEAM]);
  });

  it("counts the member's memory for the team column, none when another column holds it", () => {
    expect(turnFootprints(["gen", TEAM], { [TEAM]: "coder" }, vram)).toEqual([
      { id: "gen", vramMB: 1200 },
      { id: TEAM, vramMB: 1000 },
    ]);
    expect(turnFootprints(["gen", TEAM], { [TEAM]: "gen" }, vram)).toEqual([
      { id: "gen", vramMB: 1200 },
      { id: TEAM, vramMB: 0 },
    ]);
  });

  it("asks the column's memory beside the models the turn really runs", () => {
    const asked: string[][] = [];
    turnFootprints(["gen", TEAM], { [TEAM]: "coder" }, (id, running) => {
      asked.push([id, ...running]);
      return 0;
    });
    expect(asked).toEqual([
      ["gen", "gen", "coder"],
      ["coder", "gen", "coder"],
    ]);
  });

  it("counts the team as loaded when its member is", () => {
    expect(turnLoaded(["coder"], { [TEAM]: "coder" })).toEqual(["coder", TEAM]);
    expect(turnLoaded(["gen"], { [TEAM]: "coder" })).toEqual(["gen"]);
    expect(turnLoaded(["gen"], {})).toEqual(["gen"]);
  });

  it("plans the generalist and the team's member together or one at a time by the budget", () => {
    const plan = (budget: number, member: string, loaded: string[] = []) =>
      planComparison(
        turnFootprints(["gen", TEAM], { [TEAM]: member }, vram),
        budget,
        turnLoaded(loaded, { [TEAM]: member }),
      );
    expect(plan(2500, "coder").steps).toEqual([
      { kind: "load", modelIds: ["gen", TEAM] },
      { kind: "generate", modelIds: ["gen", TEAM] },
    ]);
    expect(plan(1500, "coder").mode).toBe("sequential");
    // The member loaded from the last turn answers first; the generalist loads after it.
    expect(plan(1500, "coder", ["coder"]).steps).toEqual([
      { kind: "generate", modelIds: [TEAM] },
      { kind: "load", modelIds: ["gen"] },
      { kind: "generate", modelIds: ["gen"] },
    ]);
    // The fallback is the generalist column's own model: one model in memory, no load when held.
    expect(plan(1500, "gen", ["gen"])).toEqual({
      mode: "together",
      steps: [{ kind: "generate", modelIds: ["gen", TEAM] }],
    });
  });
});

describe("the prompt-specialized generalist as a comparison column", () => {
  it("answers with the team's fallback: beside the team, one model in memory when they share it", () => {
    const members = { [TEAM]: "coder", [PROMPTED]: "gen" };
    expect(turnMembers([TEAM, PROMPTED], members)).toEqual(["coder", "gen"]);
    expect(turnFootprints([TEAM, PROMPTED], members, vram)).toEqual([
      { id: TEAM, vramMB: 1000 },
      { id: PROMPTED, vramMB: 1200 },
    ]);
    // The team fell back to the generalist too: the second column shares the first's model.
    const both = { [TEAM]: "gen", [PROMPTED]: "gen" };
    expect(turnMembers([TEAM, PROMPTED], both)).toEqual(["gen"]);
    expect(turnFootprints([TEAM, PROMPTED], both, vram)).toEqual([
      { id: TEAM, vramMB: 1200 },
      { id: PROMPTED, vramMB: 0 },
    ]);
    expect(turnLoaded(["gen"], members)).toEqual(["gen", PROMPTED]);
  });

  it("is offered over the team's fallback generalist, named for it", () => {
    const gen: CompareCandidate = {
      id: "gen",
      name: "Gen",
      role: "generalist",
      domains: [],
      vramMB: 1200,
      fit: "tight",
      reasons: [],
      replayed: true,
    };
    const team = { mapping: {}, fallback: "gen" };
    expect(withPromptedCandidate([gen], team).at(-1)).toEqual({
      id: PROMPTED,
      name: "Generalist + domain prompts",
      role: "prompt-specialized generalist",
      domains: ["Gen, told the routed label's domain prompt"],
      vramMB: 1200,
      fit: "tight",
      reasons: [],
      replayed: true,
    });
    expect(withPromptedCandidate([gen], null)).toEqual([gen]);
    expect(withPromptedCandidate([gen], { mapping: {}, fallback: "other" })).toEqual([gen]);
  });
});

describe("the routed team among the candidates", () => {
  const candidate = (id: string, over: Partial<CompareCandidate> = {}): CompareCandidate => ({
    id,
    name: id.toUpperCase(),
    role: "specialist",
    domains: [],
    vramMB: memory[id] ?? null,
    fit: "fits",
    reasons: [],
    replayed: false,
    ...over,
  });
  const team = { mapping: { code: "coder", math: "mathy" }, fallback: "gen" };

  it("names its members by label, the fallback last, with its biggest member's memory", () => {
    const [, , , t] = withTeamCandidate(
      [candidate("gen"), candidate("coder"), candidate("mathy")],
      team,
    );
    expect(t).toMatchObject({
      id: TEAM,
      name: "Routed team",
      domains: ["code → CODER", "math → MATHY", "else GEN"],
      vramMB: 1200,
      fit: "fits",
      replayed: false,
    });
  });

  it("is replayed when every member is, and tight when a member is", () => {
    const all = [candidate("gen"), candidate("coder"), candidate("mathy")];
    const replayed = all.map((c) => ({ ...c, replayed: true }));
    expect(withTeamCandidate(replayed, team).at(-1)?.replayed).toBe(true);
    const tight = [...all.slice(0, 2), candidate("mathy", { fit: "tight" })];
    expect(withTeamCandidate(tight, team).at(-1)?.fit).toBe("tight");
  });

  it("is not offered without a specialist or with a member that is not offered", () => {
    const all = [candidate("gen"), candidate("coder"), candidate("mathy")];
    expect(withTeamCandidate(all, { mapping: {}, fallback: "gen" })).toEqual(all);
    expect(withTeamCandidate(all.slice(0, 2), team)).toEqual(all.slice(0, 2));
    expect(withTeamCandidate(all, null)).toEqual(all);
    // A recording of a comparison with the team replays the team's own answers.
    const recorded = [...all, candidate(TEAM, { replayed: true })];
    expect(withTeamCandidate(recorded, team)).toEqual(recorded);
  });
});
