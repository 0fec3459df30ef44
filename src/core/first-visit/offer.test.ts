import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { buildCatalog } from "../catalog/build-catalog";
import { PRESETS } from "../catalog/presets";
import { buildDeviceProfile } from "../device/profile";
import type { GpuProbe } from "../device/types";
import { parseShowcaseIndex, pickShowcase, runHereOffer } from "./offer";

const GIB = 1024 ** 3;
function device(kind: "f16" | "swiftshader" | "none") {
  const probe: GpuProbe = {
    webgpu: kind === "none" ? "no-api" : "available",
    crossOriginIsolated: false,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36",
    deviceMemoryGB: 8,
    ...(kind === "none"
      ? {}
      : {
          adapter: {
            vendor: kind === "f16" ? "nvidia" : "google",
            architecture: kind === "f16" ? "ampere" : "swiftshader",
            description: "",
            device: "",
            isFallbackAdapter: false,
            features: kind === "f16" ? ["shader-f16"] : [],
            limits: {
              maxBufferSize: kind === "f16" ? 4 * GIB : GIB,
              maxStorageBufferBindingSize: kind === "f16" ? 2 * GIB : 128 * 1024 ** 2,
              maxComputeWorkgroupStorageSize: 32768,
            },
          },
        }),
  };
  return buildDeviceProfile(probe);
}
const catalog = buildCatalog(prebuiltAppConfig.model_list);

describe("the recording to see a result from", () => {
  it("prefers a real recording, else the synthetic demo", () => {
    const demo = { file: "demo.json", title: "Demo", fixture: true };
    const real = { file: "real.json", title: "Real", fixture: false };
    expect(pickShowcase([demo, real])).toEqual(real);
    expect(pickShowcase([demo])).toEqual(demo);
    expect(pickShowcase([])).toBeNull();
  });

  it("reads only well-formed entries of the shipped index", () => {
    const index = {
      recordings: [
        { file: "demo.json", title: "Demo", fixture: true },
        { file: "../escape.json", title: "Bad path", fixture: false },
        { file: "nofixture.json", title: "Unlabelled" },
        null,
      ],
    };
    expect(parseShowcaseIndex(index)).toEqual([
      { file: "demo.json", title: "Demo", fixture: true },
    ]);
    expect(parseShowcaseIndex("nonsense")).toEqual([]);
  });
});

describe("the comparison offered to run here", () => {
  it("offers the unified-vs-team question on a roomy f16 GPU, with its download", () => {
    const offer = runHereOffer(PRESETS, catalog, device("f16"));
    expect(offer?.preset.id).toBe("unified-vs-team");
    expect(offer?.models).toHaveLength(3);
    expect(offer?.models.every((m) => m.mb !== null && m.mb > 500)).toBe(true);
    expect(offer?.totalMB).toBe(offer?.models.reduce((s, m) => s + (m.mb ?? 0), 0));
  });

  it("falls back to a preset whose every model runs on a weak adapter", () => {
    const offer = runHereOffer(PRESETS, catalog, device("swiftshader"));
    expect(offer).not.toBeNull();
    expect(offer?.resolved.runnable).toBe(true);
    expect(offer?.resolved.wontRun).toEqual([]);
  });

  it("offers nothing to run without WebGPU", () => {
    expect(runHereOffer(PRESETS, catalog, device("none"))).toBeNull();
  });
});
