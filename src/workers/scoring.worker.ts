/**
 * The scoring worker: importers and scorers (IFEval with its language model, math, choice, pure
 * checks) run here, off the main thread. This file only wires messages to the host
 * (`src/core/scoring/scoring-host.ts`); the client is `src/platform/scoring-client.ts`.
 */
import type { ScoringEvent } from "../core/scoring/protocol";
import { ScoringHost } from "../core/scoring/scoring-host";

// The DOM lib types `self` as a Window; a worker scope needs only these two members.
const scope = globalThis as unknown as {
  postMessage(event: ScoringEvent): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

const host = new ScoringHost((event) => scope.postMessage(event));

scope.onmessage = (event) => void host.handle(event.data);
scope.postMessage(host.readyEvent());
