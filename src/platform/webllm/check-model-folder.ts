/**
 * Before a custom model is added, check that web-llm will find its chat config: the same URL
 * web-llm fetches first, with each way it can fail turned into a PolymathError naming the field.
 */
import { PolymathError } from "../../core/errors";
import { chatConfigUrl } from "../../core/engine/webllm/model-urls";

export interface FolderCheckOptions {
  fetch?: typeof fetch;
  /** navigator.onLine by default: tells "offline" from "refused" when fetch only says TypeError. */
  online?: () => boolean;
  timeoutMs?: number;
}

/** Resolves when `mlc-chat-config.json` is readable JSON; rejects with a PolymathError otherwise. */
export async function checkModelFolder(
  modelUrl: string,
  options: FolderCheckOptions = {},
): Promise<void> {
  const url = chatConfigUrl(modelUrl);
  const details = { field: "modelUrl", url };
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 15000),
      cache: "no-store",
    });
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      throw new PolymathError("network", `${hostOf(url)} did not answer in time.`, {
        advice: "Check the address and your connection, then add the model again.",
        details,
        cause: e,
      });
    }
    const online = options.online ?? (() => navigator.onLine);
    if (!online()) {
      throw new PolymathError("network", `You are offline: could not reach ${hostOf(url)}.`, {
        advice: "Reconnect, then add the model again.",
        details,
        cause: e,
      });
    }
    // fetch gives the same TypeError for an unreachable host and a CORS refusal.
    throw new PolymathError(
      "cors",
      `Could not read ${url}: the server is unreachable or refused this site (CORS).`,
      {
        advice:
          "Open the URL in a new tab. If it loads there, the server must send Access-Control-Allow-Origin (Hugging Face does); if not, fix the address.",
        details,
        cause: e,
      },
    );
  }
  if (response.status === 404) {
    throw new PolymathError("not-found", `No mlc-chat-config.json at ${url} (404).`, {
      advice:
        "The model URL must be the folder holding mlc-chat-config.json and tensor-cache.json. web-llm adds resolve/main/ unless the URL already has /resolve/<revision>/.",
      details,
    });
  }
  if (!response.ok) {
    throw new PolymathError("network", `The server answered ${response.status} for ${url}.`, {
      advice: "Check that the files are public, then add the model again.",
      details: { ...details, status: response.status },
    });
  }
  let config: unknown;
  try {
    config = await response.json();
  } catch (e) {
    config = e;
  }
  if (
    typeof config !== "object" ||
    config === null ||
    Array.isArray(config) ||
    config instanceof Error
  ) {
    throw new PolymathError(
      "malformed-input",
      `${url} is not an MLC chat config (not a JSON object).`,
      {
        advice:
          "Point the model URL at a folder made by `mlc_llm gen_config` and `convert_weight`.",
        details,
      },
    );
  }
}

function hostOf(url: string): string {
  return new URL(url).host;
}
