import { describe, expect, it } from "vitest";
import { NetworkState } from "./network.svelte";
import { PwaState, type PwaDeps, type PwaEvents } from "./pwa.svelte";

function setup(initiallyBusy = false) {
  const calls: string[] = [];
  let busy = initiallyBusy;
  let online = true;
  let onChange: () => void = () => {};
  let events: PwaEvents | null = null;
  const deps: PwaDeps = {
    register: async (e) => {
      events = e;
      calls.push("register");
      // Like the service worker: once activated, the new version takes control of the page.
      return async () => {
        calls.push("update");
        events!.onNeedReload();
      };
    },
    reload: () => void calls.push("reload"),
    busy: () => busy,
    network: new NetworkState({ online: () => online, subscribe: (l) => (onChange = l) }),
  };
  (deps.network as NetworkState).start();
  const pwa = new PwaState(deps);
  return {
    pwa,
    calls,
    setBusy: (b: boolean) => (busy = b),
    goOffline: () => ((online = false), onChange()),
    events: () => events!,
  };
}

describe("PwaState", () => {
  it("registers the worker and reports the offline-ready shell and a waiting update", async () => {
    const t = setup();
    await t.pwa.start();
    expect(t.calls).toEqual(["register"]);
    t.events().onOfflineReady();
    t.events().onUpdateWaiting();
    expect(t.pwa.offlineReady).toBe(true);
    expect(t.pwa.updateWaiting).toBe(true);
  });

  it("updates at once when idle: activates the new version, then reloads into it", async () => {
    const t = setup();
    await t.pwa.start();
    t.events().onUpdateWaiting();
    await t.pwa.requestUpdate();
    expect(t.calls).toEqual(["register", "update", "reload"]);
    expect(t.pwa.applied).toBe(true);
  });

  it("defers the reload while a generation or bench runs, and applies it once idle", async () => {
    const t = setup(true);
    await t.pwa.start();
    t.events().onUpdateWaiting();
    await t.pwa.requestUpdate();
    expect(t.pwa.reloadPending).toBe(true);
    expect(t.calls).toEqual(["register"]);
    await t.pwa.settle();
    expect(t.calls).toEqual(["register"]);
    t.setBusy(false);
    await t.pwa.settle();
    await t.pwa.settle();
    expect(t.calls).toEqual(["register", "update", "reload"]);
  });

  it("an update accepted in another tab waits while this one is busy, then reloads once", async () => {
    const t = setup(true);
    await t.pwa.start();
    t.events().onUpdateWaiting();
    // The other tab activated the new version: it now controls this page too.
    t.events().onNeedReload();
    await t.pwa.settle();
    expect(t.calls).toEqual(["register"]);
    expect(t.pwa.reloadPending).toBe(true);
    expect(t.pwa.updateWaiting).toBe(true);
    // Workbox may report it again (one listener per "waiting" it saw).
    t.events().onNeedReload();
    expect(t.calls).toEqual(["register"]);
    t.setBusy(false);
    await t.pwa.settle();
    await t.pwa.settle();
    t.events().onNeedReload();
    expect(t.calls).toEqual(["register", "reload"]);
  });

  it("an idle tab reloads at once when another tab applied the update", async () => {
    const t = setup();
    await t.pwa.start();
    t.events().onUpdateWaiting();
    t.events().onNeedReload();
    expect(t.calls).toEqual(["register", "reload"]);
    expect(t.pwa.applied).toBe(true);
  });

  it("reloads even after a dismissed prompt, once another tab applied the update", async () => {
    const t = setup(true);
    await t.pwa.start();
    t.events().onUpdateWaiting();
    t.pwa.dismiss();
    t.events().onNeedReload();
    expect(t.pwa.reloadPending).toBe(true);
    t.setBusy(false);
    await t.pwa.settle();
    expect(t.calls).toEqual(["register", "reload"]);
  });

  it("does nothing without a waiting version, and forgets a dismissed one", async () => {
    const t = setup();
    await t.pwa.start();
    await t.pwa.requestUpdate();
    t.events().onUpdateWaiting();
    t.pwa.dismiss();
    await t.pwa.settle();
    expect(t.calls).toEqual(["register"]);
  });

  it("follows the network state", async () => {
    const t = setup();
    await t.pwa.start();
    expect(t.pwa.online).toBe(true);
    t.goOffline();
    expect(t.pwa.online).toBe(false);
  });
});
