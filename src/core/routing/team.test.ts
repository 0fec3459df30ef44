import { describe, expect, it } from "vitest";
import { accountSwitches, chooseMember, defaultMapping } from "./team";

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
