/**
 * The `<iframe>` snippet the app's Embed dialog generates: the embed page's URL with the
 * parameters `parseEmbedParams` reads (a recording URL or a share payload in the fragment, the
 * pace, the allowed host origins) and the markup around it, every attribute escaped.
 */
import { normaliseOrigin, type EmbedSpeed } from "./embed-params";

export interface EmbedConfig {
  /** The embed page's absolute address (`…/embed.html`). */
  page: string;
  /** A share payload carried in the fragment, used when no recording URL is given. */
  sharePayload?: string | null;
  /** Where the recording file will be hosted; it wins over the payload. */
  recordingUrl?: string | null;
  speed: EmbedSpeed;
  origins: readonly string[];
  /** Models and prompts to offer live (`models=`, `prompt=`). */
  models?: readonly string[];
  prompts?: readonly string[];
}

/** The origins a comma- or space-separated field names, and the entries that are not origins. */
export function readOriginsField(text: string): { origins: string[]; rejected: string[] } {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const origin = normaliseOrigin(item);
    if (origin === null) rejected.push(item);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, rejected };
}

/** The embed page's URL for `config` (what the snippet's `src` holds). */
export function embedUrl(config: EmbedConfig): string {
  const url = new URL(config.page);
  url.search = "";
  url.hash = "";
  const q = url.searchParams;
  const recording = config.recordingUrl?.trim();
  if (recording) q.set("recording", recording);
  if (config.models?.length) q.set("models", config.models.join(","));
  for (const p of config.prompts ?? []) q.append("prompt", p);
  if (config.speed !== "1") q.set("speed", config.speed);
  if (config.origins.length) q.set("origins", config.origins.join(","));
  if (!recording && config.sharePayload) url.hash = `/shared/${config.sharePayload}`;
  return url.href;
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * What the frame may do: run its scripts with its own origin (its modules, and the model caches
 * of a live run, live there; it stays cross-origin to the host, which it cannot reach), and open
 * the full app in a new tab. No top navigation, forms, downloads or modals.
 */
export const EMBED_SANDBOX =
  "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/** The markup a host page pastes. */
export function embedSnippet(src: string, title = "Polymath demo"): string {
  return [
    "<iframe",
    `  src="${escapeAttr(src)}"`,
    '  width="480"',
    '  height="560"',
    `  title="${escapeAttr(title)}"`,
    `  sandbox="${EMBED_SANDBOX}"`,
    '  loading="lazy"',
    '  style="border: 1px solid #ccc; border-radius: 6px; max-width: 100%"',
    "></iframe>",
  ].join("\n");
}
