/**
 * The engine worker: web-llm runs here, off the main thread. This file only wires messages to
 * the protocol host (`src/core/engine/engine-host.ts`); the client is `src/platform/webllm/worker-engine.ts`.
 */
import { EngineHost } from "../core/engine/engine-host";
import type { EngineEvent } from "../core/engine/protocol";
import { WEBLLM_VERSION, WebLlmEngine } from "../core/engine/webllm/web-llm-adapter";

// The DOM lib types `self` as a Window; a worker scope needs only these two members.
const scope = globalThis as unknown as {
  postMessage(event: EngineEvent): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

const engine = new WebLlmEngine();
const host = new EngineHost(engine, (event) => scope.postMessage(event), {
  cache: engine,
  configurable: engine,
  webllmVersion: WEBLLM_VERSION,
});

scope.onmessage = (event) => void host.handle(event.data);
scope.postMessage(host.readyEvent());
