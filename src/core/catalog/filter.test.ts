import { describe, expect, it, vi } from "vitest";
import { buildCatalog } from "./build-catalog";
import type { FitAssessment, ModelRecord } from "./types";
import {
  EMPTY_FILTER,
  compareText,
  filterEntries,
  filterOptions,
  groupByFamily,
  isFiltered,
} from "./filter";

const LIB = "https://example.org/libs/v0_2_86/lib.wasm";
const record = (model_id: string, vram_required_MB: number): ModelRecord => ({
  model: `https://huggingface.co/mlc-ai/${model_id}`,
  model_id,
  model_lib: LIB,
  vram_required_MB,
});
// Fixture: a small slice of web-llm's list.
const entries = buildCatalog(
  [
    record("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC", 1630),
    record("Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC", 1889),
    record("Qwen2.5-0.5B-Instruct-q4f32_1-MLC", 1060),
    record("Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC", 1889),
    record("Llama-3.2-1B-Instruct-q4f32_1-MLC", 1129),
    record("Qwen3-1.7B-q4f32_1-MLC", 2600),
  ],
  [],
  [],
);
const fit = new Map<string, FitAssessment>(
  entries.map((e) => [
    e.id,
    {
      status: e.id.includes("f16") ? "wont-run" : (e.vramMB ?? 0) > 2000 ? "tight" : "fits",
      reasons: [],
      chatCapable: true,
    },
  ]),
);
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe("filterEntries", () => {
  it("keeps everything with the empty filter", () => {
    expect(filterEntries(entries, EMPTY_FILTER, fit, new Set())).toHaveLength(entries.length);
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, text: "  " })).toBe(false);
  });

  it("filters by role and domain together", () => {
    const filter = { ...EMPTY_FILTER, role: "specialist" as const, domain: "code" as const };
    expect(isFiltered(filter)).toBe(true);
    expect(ids(filterEntries(entries, filter, fit, new Set()))).toEqual([
      "Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC",
      "Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC",
    ]);
  });

  it("filters by fit: runs here means fits or tight", () => {
    const runs = filterEntries(entries, { ...EMPTY_FILTER, fit: "runs" }, fit, new Set());
    expect(runs.some((e) => e.id.includes("f16"))).toBe(false);
    expect(ids(runs)).toContain("Qwen3-1.7B-q4f32_1-MLC");
    const tight = filterEntries(entries, { ...EMPTY_FILTER, fit: "tight" }, fit, new Set());
    expect(ids(tight)).toEqual(["Qwen3-1.7B-q4f32_1-MLC"]);
    // Without a fit assessment (device not probed yet) nothing passes a fit filter.
    expect(filterEntries(entries, { ...EMPTY_FILTER, fit: "fits" }, new Map(), new Set())).toEqual(
      [],
    );
  });

  it("matches every word of the text, case-insensitively, and the cached-only switch", () => {
    const search = (text: string) =>
      ids(filterEntries(entries, { ...EMPTY_FILTER, text }, fit, new Set()));
    // The 0.5B generalist lists maths among its domains, so it matches too.
    expect(search("qwen2.5 MATH")).toEqual([
      "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
      "Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC",
    ]);
    expect(search("math-1.5b  q4f32")).toEqual(["Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC"]);
    const cached = new Set(["Llama-3.2-1B-Instruct-q4f32_1-MLC"]);
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, cachedOnly: true }, fit, cached))).toEqual(
      [...cached],
    );
  });
});

describe("groupByFamily and filterOptions", () => {
  it("groups by family, smaller models first", () => {
    const groups = groupByFamily(entries);
    expect(groups.map((g) => g.family)).toEqual(["Llama-3.2", "Qwen2.5", "Qwen3"]);
    expect(groups[1]?.entries[0]?.id).toBe("Qwen2.5-0.5B-Instruct-q4f32_1-MLC");
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(entries.length);
  });

  it("lists the families, domains and roles present", () => {
    const options = filterOptions(entries);
    expect(options.families).toEqual(["Llama-3.2", "Qwen2.5", "Qwen3"]);
    expect(options.domains).toContain("code");
    expect(options.roles).toEqual(["generalist", "specialist"]);
  });
});

describe("compareText", () => {
  it("sorts alphabetically ignoring case, then by code point", () => {
    expect(["qwen", "Gemma", "Llama", "gemma", "Phi"].sort(compareText)).toEqual([
      "Gemma",
      "gemma",
      "Llama",
      "Phi",
      "qwen",
    ]);
    expect(compareText("Qwen2.5", "Qwen3")).toBeLessThan(0);
    expect(compareText("same", "same")).toBe(0);
  });

  it("groups and lists without a collator (its locale data would be a long task on load)", () => {
    const spy = vi.spyOn(String.prototype, "localeCompare");
    groupByFamily(entries);
    filterOptions(entries);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
