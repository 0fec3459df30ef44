import { describe, expect, it } from "vitest";
import type { DeviceProfile } from "../../core/device/types";
import { HomeState, type HomeDeps } from "./home.svelte";

const noGpu = { verdict: "no-webgpu" } as DeviceProfile;

function home(over: Partial<HomeDeps> = {}) {
  const opened: string[] = [];
  const state = new HomeState({
    profile: () => noGpu,
    entries: () => [],
    showcases: async () => [
      { file: "demo.json", title: "Demo", fixture: true },
      { file: "real.json", title: "Real", fixture: false },
    ],
    openShowcase: async (e) => void opened.push(e.file),
    openOffer: async () => false,
    ...over,
  });
  return { state, opened };
}

describe("HomeState", () => {
  it("shows a real recording when the build ships one, and opens it", async () => {
    const { state, opened } = home();
    expect(state.checked).toBe(false);
    await state.start();
    expect(state.showcase?.file).toBe("real.json");
    await state.see();
    expect(opened).toEqual(["real.json"]);
  });

  it("offers no GPU run without WebGPU, and reports a recording that cannot be read", async () => {
    const { state } = home({
      openShowcase: () => Promise.reject(new Error("The recording demo.json answered 404.")),
    });
    expect(state.noGpu).toBe(true);
    expect(state.offer).toBeNull();
    await state.start();
    await state.see();
    expect(state.error?.message).toMatch(/answered 404/);
    expect(state.working).toBe(false);
  });

  it("has no recording to show when the shipped list cannot be read", async () => {
    const { state } = home({ showcases: () => Promise.reject(new Error("offline")) });
    await state.start();
    expect(state.checked).toBe(true);
    expect(state.showcase).toBeNull();
  });
});
