import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import {
  DEFAULT_DOMAIN_PROMPTS,
  isDomainPrompts,
  type DomainPrompts,
} from "../routing/domain-prompts";
import { failOnWrite } from "./failing-store";
import { createMemoryStore } from "./memory-store";
import { createSettingsStore, DEFAULT_SETTINGS, mergeSettings } from "./settings";

describe("settings", () => {
  it("starts from the defaults", async () => {
    expect(await createSettingsStore(createMemoryStore()).load()).toEqual(DEFAULT_SETTINGS);
  });

  it("stores updates and keeps the rest", async () => {
    const kv = createMemoryStore();
    const store = createSettingsStore(kv);
    await store.update({ theme: "dark", memoryBudgetMB: 3000 });
    const again = await createSettingsStore(kv).load();
    expect(again.theme).toBe("dark");
    expect(again.memoryBudgetMB).toBe(3000);
    expect(again.cacheBackend).toBe(DEFAULT_SETTINGS.cacheBackend);
    expect(await store.reset()).toEqual(DEFAULT_SETTINGS);
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
  });

  it("drops stored values of the wrong type", () => {
    const merged = mergeSettings({ theme: "purple", memoryBudgetMB: -5, showReasoning: true });
    expect(merged.theme).toBe("system");
    expect(merged.memoryBudgetMB).toBeNull();
    expect(merged.showReasoning).toBe(true);
  });

  it("keeps a routed team's choice of the right shape and drops a malformed one", () => {
    const team = { fallback: "qwen", mapping: { code: "coder", math: null } };
    expect(mergeSettings({ team }).team).toEqual(team);
    expect(mergeSettings({}).team).toEqual({ fallback: null, mapping: {} });
    for (const bad of [
      { fallback: 3, mapping: {} },
      { fallback: null, mapping: { code: 7 } },
      { fallback: null, mapping: [] },
      { fallback: null },
      "team",
    ]) {
      expect(mergeSettings({ team: bad }).team).toEqual(DEFAULT_SETTINGS.team);
    }
  });

  it("keeps edited domain prompts of the right shape and drops malformed ones", () => {
    const edited = structuredClone(DEFAULT_DOMAIN_PROMPTS) as DomainPrompts;
    edited.math = { system: "Show your work.", example: { user: "1 + 1?", assistant: "2" } };
    expect(mergeSettings({ domainPrompts: edited }).domainPrompts).toEqual(edited);
    expect(mergeSettings({}).domainPrompts).toBeNull();
    for (const bad of ["prompts", ["code"], 3]) {
      expect(mergeSettings({ domainPrompts: bad }).domainPrompts).toBeNull();
    }
    // Each prompt is checked where they are read (the settings load with the page).
    expect(isDomainPrompts(edited)).toBe(true);
    const { code: _, ...missing } = edited;
    for (const bad of [
      missing,
      { ...edited, chat: { system: 3 } },
      { ...edited, code: { system: "x", example: { user: "u" } } },
      "prompts",
      null,
    ]) {
      expect(isDomainPrompts(bad)).toBe(false);
    }
  });

  it("keeps web-llm's cache backends and drops unknown ones", () => {
    expect(DEFAULT_SETTINGS.cacheBackend).toBe("cache");
    expect(mergeSettings({ cacheBackend: "opfs" }).cacheBackend).toBe("opfs");
    expect(mergeSettings({ cacheBackend: "indexeddb" }).cacheBackend).toBe("indexeddb");
    // The name an earlier build stored falls back to the default.
    expect(mergeSettings({ cacheBackend: "cache-api" }).cacheBackend).toBe("cache");
  });

  it("does not let callers mutate the defaults", async () => {
    const s = await createSettingsStore(createMemoryStore()).load();
    s.defaultParams.temperature = 2;
    expect(DEFAULT_SETTINGS.defaultParams.temperature).toBe(0.7);
  });

  it("keeps the old settings when the disk is full", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const store = createSettingsStore(kv);
    await store.update({ theme: "light" });
    full = true;
    await expect(store.update({ theme: "dark" })).rejects.toSatisfy((e) =>
      isPolymathError(e, "storage-full"),
    );
    expect((await store.load()).theme).toBe("light");
  });
});
