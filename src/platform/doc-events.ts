/**
 * Telling the other tabs of this app that a stored document changed, so a conversation or
 * comparison open in two tabs shows the newer version instead of silently overwriting it. Uses a
 * BroadcastChannel (same origin only); where there is none, tabs just do not hear each other and
 * revision checks still refuse stale saves.
 */

export interface DocEvent {
  kind: "conversation" | "comparison";
  id: string;
  /** The stored revision after the change; 0 when the document was deleted. */
  rev: number;
}

export interface DocEvents {
  publish(event: DocEvent): void;
  /** Listen to other tabs' changes; returns the way to stop. */
  subscribe(listener: (event: DocEvent) => void): () => void;
}

const CHANNEL = "polymath-docs";

function isDocEvent(data: unknown): data is DocEvent {
  const e = data as Partial<DocEvent> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    (e.kind === "conversation" || e.kind === "comparison") &&
    typeof e.id === "string" &&
    typeof e.rev === "number"
  );
}

/** Document events across this origin's tabs (a no-op without BroadcastChannel). */
export function createDocEvents(): DocEvents {
  if (typeof BroadcastChannel === "undefined") {
    return { publish: () => {}, subscribe: () => () => {} };
  }
  const channel = new BroadcastChannel(CHANNEL);
  return {
    publish: (event) => channel.postMessage(event),
    subscribe: (listener) => {
      const onMessage = (e: MessageEvent<unknown>) => {
        if (isDocEvent(e.data)) listener(e.data);
      };
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}
