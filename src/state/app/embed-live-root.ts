/**
 * The embed page's live part (of its composition root, `state/embed.svelte.ts`), loaded after
 * the first paint when there are models to run live: the device probe and the catalog, to say on
 * which processor they would run and what they
 * download. No model runtime loads here; `start()` (after the visitor's explicit click) starts
 * web-llm's worker or the CPU runtime, whichever the plan needs, and loads the models.
 *
 * A model named by a `.gguf` address (`models=https://…/model.gguf`) is checked first (a few
 * header bytes by Range requests) and run on the CPU runtime, like a custom GGUF in the app.
 */
import { checkCustomGguf, type CustomModel } from "../../core/catalog/custom";
import { estimateDownloadMB } from "../../core/catalog/size";
import { planLive, type LivePlan } from "../../core/embed/live-plan";
import { EngineSet } from "../../core/engine/engine-set";
import type { Engine, LoadProgress } from "../../core/engine/types";
import type { EngineAppConfig } from "../../core/engine/webllm/app-config";
import { readModelSetup } from "../../platform/model-setup";
import { CatalogState } from "../shared/catalog.svelte";

export interface LiveRunner {
  plan: LivePlan;
  /** Start the runtimes the plan needs and load its models; the engine that serves them. */
  start(onProgress: (p: LoadProgress) => void): Promise<Engine>;
}

const MB = 1024 * 1024;
const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** A GGUF address as a model of the CPU runtime, its size read from the file's header. */
async function ggufModel(url: string, existingIds: string[]): Promise<CustomModel> {
  const { checkGguf } = await import("../../platform/wllama/check-gguf");
  const checked = await checkGguf(url);
  const result = checkCustomGguf(
    {
      name: decodeURIComponent(new URL(url).pathname.split("/").pop() ?? url),
      modelUrl: url,
      role: "generalist",
      domains: ["chat"],
      runtime: "wllama",
      architecture: checked.facts.architecture,
      fileBytes: checked.fileBytes,
      contextWindow: checked.contextWindow,
    },
    { existingIds, now: Date.now() },
  );
  if ("errors" in result) throw result.errors[0];
  return result.model;
}

/** Probe the device, read the catalog and plan `requested` (ids, model keys or GGUF URLs). */
export async function prepareLive(requested: readonly string[]): Promise<LiveRunner> {
  // The probe and profile directly, not the app's DeviceState and EngineState: sharing those
  // would take them out of the app's entry chunk into one more chunk its first load fetches.
  const [{ probeGpu }, { buildDeviceProfile }] = await Promise.all([
    import("../../platform/gpu-probe"),
    import("../../core/device/profile"),
  ]);
  const device = { profile: buildDeviceProfile(await probeGpu()) };
  let appConfig: EngineAppConfig | null = null;
  const catalog = new CatalogState({
    device,
    setup: readModelSetup,
    configure: async (config) => void (appConfig = config),
  });
  const engines = new EngineSet({
    runtimeOf: (id) => catalog.byId(id)?.runtime ?? "webllm",
    start: async (runtime) => {
      if (runtime === "wllama") return (await import("./cpu-root")).startCpuRuntime(catalog);
      const engine = new (await import("../../platform/webllm/worker-engine")).WorkerEngine();
      if (appConfig) await engine.setAppConfig(appConfig);
      return engine;
    },
  });
  await catalog.ready;
  const profile = device.profile;

  const refused: LivePlan["refused"] = [];
  const names: string[] = [];
  const added: CustomModel[] = [];
  for (const name of requested) {
    if (!isUrl(name)) {
      names.push(name);
      continue;
    }
    try {
      const ids = [...catalog.entries, ...added].map((e) => e.id);
      const model = await ggufModel(name, ids);
      added.push(model);
      names.push(model.id);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      refused.push({ requested: name, reason: message });
    }
  }
  // Known for this visit only: the embed keeps nothing of the host page's choosing.
  catalog.custom = [...catalog.custom, ...added];
  const fileMB = new Map(added.map((m) => [m.id, (m.fileBytes ?? 0) / MB]));
  const plan = planLive(
    names,
    catalog.entries,
    profile,
    (entry) => fileMB.get(entry.id) ?? estimateDownloadMB(entry)?.mb ?? null,
  );
  plan.refused.unshift(...refused);

  return {
    plan,
    start: async (onProgress) => {
      await engines.load(
        plan.models.map((m) => m.modelId),
        { onProgress },
      );
      return engines;
    },
  };
}
