import { describe, expect, it } from "vitest";
import { accountSwitches, applyMappingChoice, chooseMember, defaultMapping } from "./team";

const memory = (id: string) => ({ coder: 1000, mathy: 1000, generalist: 1200 })[id] ?? 0;
// code, math, code, chat: the chat prompt goes to the generalist (no chat specialist).
const workload = ["coder", "mathy", "coder", "generalist"];

describe("the routed team's switch accounting", () => {
  it("loads each member once when the whole team fits", () => {
    expect(accountSwitches(workload, memory, 4000)).toEqual({
      loads: 3,
      unloads: 0,
      switches: 2,
      peakMB: 3200,
    });
  });

  it("unloads and reloads when only one member fits at a time", () => {
    expect(accountSwitches(workload, memory, 1500)).toEqual({
      loads: 4,
      unloads: 3,
      switches: 3,
      peakMB: 1200,
    });
  });

  it("keeps the most recently used members when two fit", () => {
    // coder, mathy loaded; coder used again; generalist evicts mathy (least recent).
    expect(accountSwitches([...workload, "mathy"], memory, 2300)).toEqual({
      loads: 4,
      unloads: 2,
      switches: 3,
      peakMB: 2200,
    });
  });

  it("a member already loaded costs no load", () => {
    expect(accountSwitches(["coder", "coder"], memory, 4000, ["coder"])).toMatchObject({
      loads: 0,
      switches: 0,
    });
  });
});

describe("the team's mapping", () => {
  it("maps each label to the first specialist for it and leaves the rest to the fallback", () => {
    const mapping = defaultMapping([
      { id: "g", role: "generalist", domains: ["code", "math", "chat"] },
      { id: "coder", role: "specialist", domains: ["code"] },
      { id: "mathy", role: "specialist", domains: ["math", "reasoning"] },
    ]);
    expect(mapping).toEqual({ code: "coder", math: "mathy", reasoning: "mathy" });
    const team = { mapping, fallback: "g" };
    expect(chooseMember({ label: "instruction", unsure: false }, team)).toEqual({
      modelId: "g",
      reason: "no-specialist",
    });
    expect(chooseMember({ label: "math", unsure: true }, team).reason).toBe("unsure");
  });
});

describe("choosing the member", () => {
  const team = { mapping: { code: "coder", math: "gen" }, fallback: "gen" };
  it("names a label mapped to the fallback itself a fallback answer, not a specialist's", () => {
    expect(chooseMember({ label: "code", unsure: false }, team)).toEqual({
      modelId: "coder",
      reason: "specialist",
    });
    expect(chooseMember({ label: "math", unsure: false }, team)).toEqual({
      modelId: "gen",
      reason: "no-specialist",
    });
  });
});

describe("the user's changes to a team's mapping", () => {
  const defaults = { code: "coder", math: "mathy" };
  const offered = (id: string) => ["coder", "mathy", "big-remote", "generalist"].includes(id);

  it("replaces a label's member, adds one, and sends a label to the fallback", () => {
    expect(
      applyMappingChoice(defaults, { code: "big-remote", math: null, chat: "generalist" }, offered),
    ).toEqual({ code: "big-remote", chat: "generalist" });
  });

  it("ignores a choice of a model no longer offered and keeps the default", () => {
    expect(applyMappingChoice(defaults, { code: "removed-endpoint" }, offered)).toEqual(defaults);
    expect(applyMappingChoice(defaults, {}, offered)).toEqual(defaults);
  });
});
