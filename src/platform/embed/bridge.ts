/**
 * The embed page's side of the postMessage API: messages are taken only from the parent window
 * and only when their origin is in the allowlist; events go to the parent addressed to each
 * allowed origin, so the browser delivers nothing to a page whose origin is not allowed.
 */
import { originAllowed } from "../../core/embed/embed-params";
import type { EmbedEvent } from "../../core/embed/protocol";

export interface EmbedBridge {
  post(event: EmbedEvent): void;
}

/** Listen for the host's messages; `onMessage` gets only allowed ones. */
export function connectHost(
  origins: readonly string[],
  onMessage: (data: unknown) => void,
): EmbedBridge {
  const parent = window.parent !== window ? window.parent : null;
  addEventListener("message", (event: MessageEvent) => {
    if (!parent || event.source !== parent || !originAllowed(event.origin, origins)) return;
    onMessage(event.data);
  });
  return {
    post: (message) => {
      if (!parent) return;
      for (const origin of origins) parent.postMessage(message, origin);
    },
  };
}
