/**
 * A fake `fetch` for the remote engine's tests: canned OpenAI-style answers (test fixtures, not
 * model output), streamed as the byte chunks given, optionally cut before the end.
 */
import type { FetchLike } from "./remote-engine";

export interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}

export type Reply =
  | {
      kind: "stream";
      chunks: (string | Uint8Array)[];
      cut?: boolean;
      headers?: Record<string, string>;
    }
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  | { kind: "json"; body: unknown }
  | { kind: "reject"; error: unknown };

/** An SSE body of `data:` events for these content deltas, usage and [DONE]. */
export function sseText(
  deltas: string[],
  options: { usage?: { prompt_tokens: number; completion_tokens: number }; finish?: string } = {},
): string {
  const events = deltas.map((d) => JSON.stringify({ choices: [{ delta: { content: d } }] }));
  events.push(
    JSON.stringify({ choices: [{ delta: {}, finish_reason: options.finish ?? "stop" }] }),
  );
  if (options.usage) events.push(JSON.stringify({ choices: [], usage: options.usage }));
  return [...events.map((e) => `data: ${e}\n\n`), "data: [DONE]\n\n"].join("");
}

/** A fetch answering each call with the next reply, recording the calls. */
export function fakeFetch(replies: Reply[]): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({
      url,
      init,
      body: typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {},
    });
    const reply = replies.shift();
    if (!reply) throw new Error("No reply left in the fake server.");
    if (init.signal?.aborted) throw new DOMException("Aborted", "AbortError");
    switch (reply.kind) {
      case "reject":
        throw reply.error;
      case "status":
        return new Response(reply.body ?? "", { status: reply.status, headers: reply.headers });
      case "json":
        return new Response(JSON.stringify(reply.body), {
          headers: { "Content-Type": "application/json" },
        });
      case "stream":
        return new Response(streamOf(reply.chunks, reply.cut ?? false, init.signal ?? undefined), {
          headers: { "Content-Type": "text/event-stream", ...reply.headers },
        });
    }
  };
  return { fetch, calls };
}

function streamOf(
  chunks: (string | Uint8Array)[],
  cut: boolean,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (signal?.aborted) {
        controller.error(new DOMException("Aborted", "AbortError"));
        return;
      }
      const chunk = chunks[i++];
      if (chunk === undefined) {
        if (cut) controller.error(new TypeError("network error"));
        else controller.close();
        return;
      }
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
  });
}
