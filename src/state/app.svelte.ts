/**
 * The app's one explicit singleton: long-lived state that several views share.
 * Views import `app` and read its fields; nothing else holds global state.
 */
import { DeviceState } from "./device.svelte";
import { settingsStore } from "../platform/stores";

export const app = {
  device: new DeviceState({
    load: async () => (await settingsStore.get()).memoryBudgetMB,
    save: (mb) => settingsStore.update({ memoryBudgetMB: mb }),
  }),
};
