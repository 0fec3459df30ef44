/**
 * The embed page's composition root (embed.html): the recording the URL names, a replay engine
 * over it, and the bridge to the host page. Smaller than the app's root: no navigation, no views,
 * and no model runtime (web-llm or the CPU runtime) until the visitor confirms a live
 * run, whose plan (device probe and catalog) is its own chunk (`app/embed-live-root.ts`).
 */
import { parseEmbedParams } from "../core/embed/embed-params";
import { connectHost } from "../platform/embed/bridge";
import { EmbedState } from "./embed/embed.svelte";
import { Theme } from "./shared/theme.svelte";

export interface EmbedApp {
  embed: EmbedState;
  theme: Theme;
}

const SPEEDS = { "1": { speed: 1 }, "4": { speed: 4 }, instant: { speed: Infinity } } as const;

/** Build the embed page's state and connect it to its host (once, in `embed.ts`). */
export function createEmbed(): EmbedApp {
  const params = parseEmbedParams(location.search, location.hash);
  let embed: EmbedState | null = null;
  const bridge = connectHost(params.origins, (data) => embed?.onHostMessage(data));
  embed = new EmbedState({
    params,
    post: (event) => bridge.post(event),
    toError: async (e) => (await import("../core/errors")).toPolymathError(e, "malformed-input"),
    recording: async () => {
      const { parseRecording } = await import("../core/engine/replay/recording");
      if (params.sharePayload) {
        return (await import("../core/share/share-link")).decodeShare(params.sharePayload);
      }
      if (!params.recordingUrl) return null;
      // A plain URL, resolved once for a fetch: nothing reactive reads it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const response = await fetch(new URL(params.recordingUrl, location.href));
      if (!response.ok) {
        const { PolymathError } = await import("../core/errors");
        throw new PolymathError(
          "network",
          `The recording could not be fetched (${response.status}).`,
          {
            advice: "Check the recording= address; it must allow this page to read it (CORS).",
          },
        );
      }
      return parseRecording(await response.text());
    },
    // The catalog and device probe load after the first paint; the runtimes only when asked.
    live: async (models) => (await import("./app/embed-live-root")).prepareLive(models),
    replay: async (recording) => {
      const { ReplayEngine } = await import("../core/engine/replay/replay-engine");
      return new ReplayEngine(recording, SPEEDS[params.speed]);
    },
  });
  // This is the embed page's composition root, the counterpart of app.svelte.ts.
  // eslint-disable-next-line no-restricted-syntax
  return { embed, theme: new Theme() };
}
