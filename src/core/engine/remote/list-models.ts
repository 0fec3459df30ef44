/** Ask an OpenAI-compatible server which models it serves (`GET <base>/models`). */
import { PolymathError } from "../../errors";
import type { RemoteEndpoint } from "./endpoint";
import { parseModelList } from "./endpoint";
import type { FetchLike } from "./remote-engine";
import { requestHeaders } from "./remote-engine";
import { httpError, parseRetryAfter, unreachableError } from "./remote-errors";

/** The names of the models `endpoint` serves, in the server's order. */
export async function listRemoteModels(
  endpoint: Pick<RemoteEndpoint, "baseUrl" | "apiKey">,
  fetch: FetchLike,
  origin: string,
  signal?: AbortSignal,
): Promise<string[]> {
  let response: Response;
  try {
    const { Authorization } = requestHeaders(endpoint);
    response = await fetch(`${endpoint.baseUrl}/models`, {
      method: "GET",
      headers: Authorization ? { Authorization } : {},
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    throw unreachableError(endpoint.baseUrl, origin, e);
  }
  if (response.status === 404) {
    throw new PolymathError("not-found", `${endpoint.baseUrl}/models was not found (404).`, {
      advice: "Check that the base URL ends in its API version (/v1), or type the model's name.",
      details: { baseUrl: endpoint.baseUrl, status: 404 },
    });
  }
  if (!response.ok) {
    const body = await response.text().catch(() => "");
    throw httpError(response.status, body, {
      baseUrl: endpoint.baseUrl,
      model: "",
      retryAfterMs: parseRetryAfter(response.headers.get("Retry-After"), Date.now()),
    });
  }
  return parseModelList(await response.json().catch(() => null));
}
