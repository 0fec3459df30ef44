import { describe, expect, it } from "vitest";
import { NetworkState } from "./network.svelte";

describe("NetworkState", () => {
  it("reads the state at start and follows each change", () => {
    let online = false;
    let changed: () => void = () => {};
    const network = new NetworkState({ online: () => online, subscribe: (l) => (changed = l) });
    network.start();
    expect(network.online).toBe(false);
    online = true;
    changed();
    expect(network.online).toBe(true);
  });
});
