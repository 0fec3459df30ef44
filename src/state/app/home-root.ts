/**
 * The composition root's part for the first screen: the recording the build ships, the preset
 * that fits, and the way into Compare for each (loaded with the first screen).
 */
import { parseShowcaseIndex, type ShowcaseEntry } from "../../core/first-visit/offer";
import { guessDomain } from "../../core/runs/compare/guess-domain";
import type { App, HomeViewState } from "../app.svelte";
import { defaultCompareParams } from "../compare/setup.svelte";
import { HomeState } from "../home/home.svelte";

const SHOWCASE_DIR = "./recordings/";

export async function createHome(app: App): Promise<HomeViewState> {
  const [catalog, consent] = await Promise.all([app.catalog(), app.consent()]);
  const home = new HomeState({
    profile: () => app.device.profile,
    entries: () => catalog.entries,
    showcases: async () => {
      const response = await fetch(`${SHOWCASE_DIR}index.json`);
      return response.ok ? parseShowcaseIndex(await response.json()) : [];
    },
    openShowcase: (entry) => openShowcase(app, entry),
    openOffer: async (offer) => {
      const view = await app.compare();
      (await app.replayFile()).back();
      view.session.clear();
      view.setup.blind = false;
      const ok = await view.setup.choosePreset(offer.models.map((m) => m.id));
      if (ok) app.nav.go("compare");
      return ok;
    },
    // CPU (llama.cpp) models run without WebGPU.
    cpuModels: () => catalog.entries.filter((e) => e.runtime === "wllama").length,
  });
  void home.start();
  return { home, consent };
}

/** Replay the shipped recording in Compare and answer its first prompt there. */
async function openShowcase(app: App, entry: ShowcaseEntry): Promise<void> {
  const response = await fetch(SHOWCASE_DIR + entry.file);
  if (!response.ok) throw new Error(`The recording ${entry.file} answered ${response.status}.`);
  const text = await response.text();
  const view = await app.compare();
  const replayFile = await app.replayFile();
  if (!(await replayFile.load({ name: entry.file, text: async () => text }))) {
    throw replayFile.error ?? new Error(`${entry.file} is not a recording.`);
  }
  view.session.clear();
  view.setup.blind = false;
  view.setup.chooseRecorded();
  const prompt = view.session.recordedPrompts(false)[0];
  app.nav.go("compare");
  if (!prompt) return;
  await view.session.start(
    {
      models: [...view.setup.selected],
      systemPrompt: "",
      params: defaultCompareParams(),
      blind: false,
    },
    prompt,
    guessDomain(prompt),
  );
}
