import { describe, expect, it } from "vitest";
import type { CatalogEntry, FitAssessment } from "../../catalog/types";
import type { Recording } from "../../engine/replay/recording";
import {
  blindPool,
  chooserList,
  compareCandidates,
  describeModel,
  mixedCandidates,
  recordingModelOf,
} from "./candidates";

function entry(id: string, over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    key: id,
    name: `${id} name`,
    family: "F",
    base: "B",
    role: "generalist",
    domains: ["chat"],
    languages: [],
    paramsB: 1,
    quant: null,
    contextWindow: null,
    vramMB: 1000,
    lowResource: false,
    bufferSizeRequiredBytes: null,
    requiredFeatures: [],
    kind: "llm",
    chatCapable: true,
    source: "prebuilt",
    runtime: "webllm",
    gguf: null,
    fileBytes: null,
    modelUrl: "",
    modelLibUrl: "",
    note: "",
    ...over,
  };
}
const fit = (status: FitAssessment["status"]): FitAssessment => ({
  status,
  reasons: [status],
  chatCapable: true,
});

// Fixture recording with no answers text needed: only models and which have entries matter here.
const recording = {
  models: [
    { id: "r1", label: "Recorded one", role: "specialist", domain: "code", vramMB: 900 },
    { id: "r2" },
    { id: "unused" },
  ],
  entries: [{ modelId: "r1" }, { modelId: "r2" }],
} as unknown as Recording;

const entries = [
  entry("big", { vramMB: 3000 }),
  entry("small", { vramMB: 500 }),
  entry("tight", { vramMB: 800 }),
  entry("embed", { chatCapable: false }),
  entry("nope"),
  entry("r2", { name: "R2 from catalog", role: "specialist", domains: ["math"], vramMB: 1600 }),
];

describe("compareCandidates", () => {
  it("offers runnable chat models, those that fit first, then by size", () => {
    const fits = new Map([
      ["big", fit("fits")],
      ["small", fit("fits")],
      ["tight", fit("tight")],
      ["embed", fit("fits")],
      ["nope", fit("wont-run")],
      ["r2", fit("fits")],
    ]);
    expect(compareCandidates(entries, fits, null).map((c) => c.id)).toEqual([
      "small",
      "r2",
      "big",
      "tight",
    ]);
  });

  it("offers every chat model while the device is unknown", () => {
    expect(
      compareCandidates(entries, new Map(), null)
        .map((c) => c.id)
        .sort(),
    ).toEqual(["big", "nope", "r2", "small", "tight"].sort());
  });

  it("offers the recording's models that have answers in replay", () => {
    const offered = compareCandidates(entries, new Map([["r1", fit("wont-run")]]), recording);
    expect(offered.map((c) => [c.id, c.fit])).toEqual([
      ["r1", "fits"],
      ["r2", "fits"],
    ]);
  });
});

describe("describeModel", () => {
  it("prefers the recording's annotations, then the catalog, then the bare id", () => {
    expect(describeModel("r1", entries, recording)).toEqual({
      id: "r1",
      name: "Recorded one",
      role: "specialist",
      domains: ["code"],
      vramMB: 900,
    });
    expect(describeModel("r2", entries, recording)).toMatchObject({
      name: "R2 from catalog",
      domains: ["math"],
      vramMB: 1600,
    });
    expect(describeModel("ghost", entries, null)).toEqual({
      id: "ghost",
      name: "ghost",
      role: "unknown",
      domains: [],
      vramMB: null,
    });
  });

  it("turns a description into recording annotations without empty fields", () => {
    expect(recordingModelOf(describeModel("ghost", entries, null))).toEqual({ id: "ghost" });
    expect(recordingModelOf(describeModel("r2", entries, null))).toEqual({
      id: "r2",
      label: "R2 from catalog",
      role: "specialist",
      domain: "math",
      vramMB: 1600,
    });
  });
});

describe("blindPool", () => {
  it("draws from the chosen models when two or more, else from every candidate", () => {
    const candidates = compareCandidates(entries, new Map(), null);
    expect(blindPool(["a", "b", "c"], candidates)).toEqual(["a", "b", "c"]);
    expect(blindPool(["a"], candidates)).toEqual(candidates.map((c) => c.id));
  });
});

describe("mixedCandidates and chooserList", () => {
  it("offers the recording's models first, then the live ones it does not shadow", () => {
    const fits = new Map(entries.map((e) => [e.id, fit(e.id === "nope" ? "wont-run" : "fits")]));
    const offered = mixedCandidates(entries, fits, recording);
    expect(offered.filter((c) => c.replayed).map((c) => c.id)).toEqual(["r1", "r2"]);
    const live = offered.filter((c) => !c.replayed).map((c) => c.id);
    expect(live).not.toContain("r2");
    expect(live).not.toContain("nope");
    expect(live).toContain("big");
    expect(mixedCandidates(entries, fits, null).every((c) => !c.replayed)).toBe(true);
  });

  it("lists the chosen models first in column order, then the others matching the filter", () => {
    const all = compareCandidates(entries, new Map(), null);
    expect(
      chooserList(["tight", "big"], all, "")
        .map((c) => c.id)
        .slice(0, 2),
    ).toEqual(["tight", "big"]);
    const filtered = chooserList(["tight"], all, "  SMALL ").map((c) => c.id);
    expect(filtered).toEqual(["tight", "small"]);
  });
});
