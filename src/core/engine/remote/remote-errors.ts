/**
 * What goes wrong talking to an OpenAI-compatible server, in words a user can act on. A browser
 * hides why a cross-origin request failed: `fetch` rejects with a bare TypeError for a CORS
 * refusal and for a server that is down alike, so the advice names both and the CORS flags of
 * the servers people run.
 */
import { PolymathError } from "../../errors";

/** How to make each common server send `Access-Control-Allow-Origin` for `origin`. */
export function corsFlags(origin: string): string {
  return [
    `vLLM: vllm serve … --allowed-origins '["${origin}"]'`,
    `Ollama: OLLAMA_ORIGINS=${origin} ollama serve`,
    "llama.cpp: llama-server sends the header by default (check a proxy in front of it)",
    "LM Studio: lms server start --cors (or Developer → Server settings → Enable CORS)",
  ].join("; ");
}

/**
 * Whether the built app's page may connect to `baseUrl` at all: its Content-Security-Policy
 * (`scripts/vite/app-csp.ts`, connect-src) allows its own origin, any https host and plain http
 * only to this machine (localhost, 127.0.0.1); an https page is also barred from plain http to
 * other hosts by the browser (mixed content).
 */
export function pageMayConnect(baseUrl: string, origin: string): boolean {
  if (sameOrigin(baseUrl, origin)) return true;
  try {
    const url = new URL(baseUrl);
    if (url.protocol === "https:") return true;
    return (
      url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1")
    );
  } catch {
    return false;
  }
}

/** A `fetch` that rejected before any response: CORS refusal or the server unreachable. */
export function unreachableError(baseUrl: string, origin: string, cause: unknown): PolymathError {
  if (!pageMayConnect(baseUrl, origin)) {
    return new PolymathError(
      "network",
      `This page may not connect to ${baseUrl}: Polymath reaches plain http only on this machine.`,
      {
        cause,
        advice:
          "Its Content-Security-Policy (and, on an https page, the browser's mixed-content rule) " +
          "blocks plain http to other hosts. Put https in front of the server (a TLS proxy such " +
          "as Caddy or nginx), or forward it to this machine (ssh -L 8000:server:8000 …) and add " +
          "http://localhost:8000/v1.",
        details: { baseUrl, origin },
      },
    );
  }
  const crossOrigin = !sameOrigin(baseUrl, origin);
  if (!crossOrigin) {
    return new PolymathError("network", `Could not reach ${baseUrl}.`, {
      cause,
      advice: "Check that the server is running and the URL is right.",
      details: { baseUrl },
    });
  }
  return new PolymathError(
    "cors",
    `Could not reach ${baseUrl}: the server is down, or it refused this page (CORS).`,
    {
      cause,
      advice:
        `If the server is running it must send Access-Control-Allow-Origin: ${origin} ` +
        `(and allow the Authorization and Content-Type headers). ${corsFlags(origin)}.`,
      details: { baseUrl, origin },
    },
  );
}

/** An HTTP error answer, with the server's own message when it sent one. */
export function httpError(
  status: number,
  body: string,
  context: { baseUrl: string; model: string; retryAfterMs: number | null },
): PolymathError {
  const said = serverMessage(body);
  const tail = said ? ` The server said: ${said}` : "";
  const details = { baseUrl: context.baseUrl, status, model: context.model };
  if (status === 401 || status === 403) {
    return new PolymathError(
      "unauthorized",
      `${context.baseUrl} refused the request (${status} ${status === 401 ? "unauthorized" : "forbidden"}).${tail}`,
      { details },
    );
  }
  if (status === 404) {
    return new PolymathError(
      "model-not-found",
      `${context.baseUrl} has no model "${context.model}" (404).${tail}`,
      {
        advice: "Fetch the model list again in the Models view, or check the base URL ends in /v1.",
        details,
      },
    );
  }
  if (status === 429) {
    const wait = context.retryAfterMs;
    return new PolymathError(
      "rate-limited",
      `${context.baseUrl} is rate-limiting requests (429)${wait !== null ? `; retry after ${formatWait(wait)}` : ""}.${tail}`,
      { details: wait !== null ? { ...details, retryAfterMs: wait } : details },
    );
  }
  if (status === 400 || status === 422) {
    return new PolymathError(
      "invalid-request",
      `${context.baseUrl} rejected the request (${status}).${tail}`,
      {
        details,
      },
    );
  }
  return new PolymathError("network", `${context.baseUrl} answered ${status}.${tail}`, {
    advice: "The server failed; check its log, then retry.",
    details,
  });
}

/** An `error` object a server sent inside the stream. */
export function streamError(body: string, baseUrl: string): PolymathError {
  return new PolymathError(
    "stream-incomplete",
    `${baseUrl} stopped the answer with an error: ${serverMessage(body) ?? body}`,
    { details: { baseUrl } },
  );
}

/** The connection ended before the server finished the answer. */
export function cutError(baseUrl: string, cause?: unknown): PolymathError {
  return new PolymathError("stream-incomplete", `The connection to ${baseUrl} ended mid-answer.`, {
    cause,
    details: { baseUrl },
  });
}

/** `Retry-After` in ms: delay seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The message in an OpenAI-style error body (`{error: {message}}`, `{error: "…"}`, `{message}`). */
export function serverMessage(body: string): string | null {
  const text = body.trim();
  if (text === "") return null;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed.error;
    if (typeof error === "string") return error;
    if (typeof error === "object" && error !== null) {
      const message = (error as { message?: unknown }).message;
      if (typeof message === "string") return message;
    }
    if (typeof parsed.message === "string") return parsed.message;
    if (typeof parsed.detail === "string") return parsed.detail;
  } catch {
    // Not JSON: the text itself, shortened.
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
