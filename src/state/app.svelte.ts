/**
 * The app's one explicit singleton: long-lived state that several views share.
 * Views import `app` and read its fields; nothing else holds global state.
 */
import { DeviceState } from "./shared/device.svelte";
import { EngineState } from "./shared/engines.svelte";

// Storage code loads on first use, off the entry chunk.
const settings = () => import("../platform/stores").then((m) => m.settingsStore());

export const app = {
  device: new DeviceState({
    load: async () => (await (await settings()).load()).memoryBudgetMB ?? undefined,
    save: async (mb) => void (await (await settings()).update({ memoryBudgetMB: mb ?? null })),
  }),
  engine: new EngineState(),
};
