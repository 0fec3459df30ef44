/**
 * `Engine` over OpenAI-compatible servers (`POST <base>/chat/completions` with `stream: true`):
 * nothing loads in the browser, so "loading" only checks that the model is configured, and many
 * answers may stream at once (a bench sends several; servers such as vLLM batch them).
 *
 * Usage comes from the server's last chunk when it honours `stream_options.include_usage` (a
 * server that rejects the option is asked again without it, and not asked with it again); times
 * are always measured here, from request start to first and last text. A 429 is retried after
 * its `Retry-After` (bounded), a stop aborts the request, and a connection that ends mid-answer
 * keeps the text so far with finish reason "error".
 */
import { PolymathError, toPolymathError } from "../../errors";
import { sleep, systemScheduler, type Scheduler } from "../scheduler";
import { createThinkSplitter } from "../think-splitter";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  FinishReason,
  LoadOptions,
  RateLimitWaits,
  StreamChunk,
  StreamOptions,
} from "../types";
import { measuredUsage } from "../usage";
import type { RemoteEndpoint, RemoteModelConfig } from "./endpoint";
import {
  cutError,
  httpError,
  parseRetryAfter,
  streamError,
  unreachableError,
} from "./remote-errors";
import { createSseParser } from "./sse";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RemoteEngineOptions {
  fetch: FetchLike;
  /** The endpoint and server-side model behind a model id; undefined for unknown ids. */
  resolveModel: (
    modelId: string,
  ) => { endpoint: RemoteEndpoint; model: RemoteModelConfig } | undefined;
  /** This page's origin, named in CORS advice. */
  origin: string;
  scheduler?: Scheduler;
  /** Retries of a 429 answer before it is reported (default 3). */
  maxRetries?: number;
  /** Longest `Retry-After` waited for; a longer one is reported at once (default 60 s). */
  maxRetryWaitMs?: number;
  /** Wait after a 429 without `Retry-After` (default 1 s). */
  defaultRetryWaitMs?: number;
}

interface StreamChunkJson {
  choices?: {
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      reasoning?: string | null;
    };
    message?: { content?: string | null; reasoning_content?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: unknown;
}

/** The URL of a chat completion on `endpoint`. */
export function chatUrl(endpoint: Pick<RemoteEndpoint, "baseUrl">): string {
  return `${endpoint.baseUrl}/chat/completions`;
}

/** Request headers: JSON, and the key when there is one. */
export function requestHeaders(endpoint: Pick<RemoteEndpoint, "apiKey">): Record<string, string> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (endpoint.apiKey !== "") headers.Authorization = `Bearer ${endpoint.apiKey}`;
  return headers;
}

/** The JSON body of a streamed chat completion. */
export function requestBody(
  request: ChatRequest,
  model: string,
  includeUsage: boolean,
): Record<string, unknown> {
  const { temperature, top_p, max_tokens, seed, stop } = request.params;
  return {
    model,
    messages: request.messages,
    stream: true,
    ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(top_p !== undefined ? { top_p } : {}),
    ...(max_tokens !== undefined ? { max_tokens } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(stop !== undefined && stop.length > 0 ? { stop } : {}),
  };
}

export class RemoteEngine implements Engine {
  readonly kind = "remote";
  readonly #options: RemoteEngineOptions;
  readonly #scheduler: Scheduler;
  readonly #loaded = new Set<string>();
  readonly #jobs = new Set<AbortController>();
  /** Endpoints (base URLs) that rejected `stream_options`. */
  readonly #noUsageOption = new Set<string>();

  constructor(options: RemoteEngineOptions) {
    this.#options = options;
    this.#scheduler = options.scheduler ?? systemScheduler;
  }

  async load(modelIds: string[], options: LoadOptions = {}): Promise<void> {
    for (const id of modelIds) {
      if (!this.#options.resolveModel(id)) {
        throw new PolymathError("model-not-found", `No remote endpoint serves ${id}.`, {
          advice: "Add the endpoint and pick the model in the Models view.",
          details: { modelId: id },
        });
      }
    }
    if (options.signal?.aborted) {
      throw new PolymathError("download-cancelled", "Loading was cancelled.");
    }
    for (const id of modelIds) {
      this.#loaded.add(id);
      options.onProgress?.({
        modelId: id,
        phase: "ready",
        fraction: 1,
        text: "Served by a remote endpoint.",
        elapsedMs: 0,
      });
    }
  }

  loaded(): string[] {
    return [...this.#loaded];
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const found = this.#options.resolveModel(request.modelId);
    if (!found) {
      throw new PolymathError("model-not-found", `No remote endpoint serves ${request.modelId}.`, {
        advice: "Add the endpoint and pick the model in the Models view.",
        details: { modelId: request.modelId },
      });
    }
    const { endpoint, model } = found;
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    this.#jobs.add(controller);
    const started = this.#scheduler.now();
    const waits: RateLimitWaits = { waits: 0, waitedMs: 0 };
    try {
      const response = await this.#send(request, endpoint, model.name, controller.signal, waits);
      const result =
        response === null
          ? aborted("", "", 0, null, this.#scheduler.now() - started)
          : await this.#read(response, endpoint, controller.signal, started, options);
      if (waits.waits > 0) result.rateLimited = waits;
      return result;
    } finally {
      this.#jobs.delete(controller);
      options.signal?.removeEventListener("abort", stop);
    }
  }

  async interrupt(): Promise<void> {
    for (const job of this.#jobs) job.abort();
  }

  async unload(modelIds?: string[]): Promise<void> {
    for (const id of modelIds ?? this.loaded()) this.#loaded.delete(id);
  }

  /**
   * POST the request, retrying 429s (counted in `waits`) and a rejected `stream_options`; null
   * when stopped first.
   */
  async #send(
    request: ChatRequest,
    endpoint: RemoteEndpoint,
    model: string,
    signal: AbortSignal,
    waits: RateLimitWaits,
  ): Promise<Response | null> {
    const maxRetries = this.#options.maxRetries ?? 3;
    let retries = 0;
    for (;;) {
      if (signal.aborted) return null;
      const includeUsage = !this.#noUsageOption.has(endpoint.baseUrl);
      let response: Response;
      try {
        response = await this.#options.fetch(chatUrl(endpoint), {
          method: "POST",
          headers: requestHeaders(endpoint),
          body: JSON.stringify(requestBody(request, model, includeUsage)),
          signal,
        });
      } catch (e) {
        if (signal.aborted) return null;
        throw unreachableError(endpoint.baseUrl, this.#options.origin, e);
      }
      if (response.ok) return response;
      const body = await response.text().catch(() => "");
      if (includeUsage && (response.status === 400 || response.status === 422)) {
        if (/stream_options|include_usage/i.test(body)) {
          this.#noUsageOption.add(endpoint.baseUrl);
          continue;
        }
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"), Date.now());
      if (response.status === 429 && retries < maxRetries) {
        const wait = retryAfterMs ?? this.#options.defaultRetryWaitMs ?? 1000;
        if (wait <= (this.#options.maxRetryWaitMs ?? 60_000)) {
          retries++;
          waits.waits++;
          waits.waitedMs += wait;
          if (!(await sleep(this.#scheduler, wait, signal))) return null;
          continue;
        }
      }
      throw httpError(response.status, body, {
        baseUrl: endpoint.baseUrl,
        model,
        retryAfterMs,
      });
    }
  }

  async #read(
    response: Response,
    endpoint: RemoteEndpoint,
    signal: AbortSignal,
    started: number,
    options: StreamOptions,
  ): Promise<ChatResult> {
    const splitter = createThinkSplitter();
    let text = "";
    let reasoning = "";
    let firstChunkMs: number | null = null;
    let deltas = 0;
    let finish: FinishReason | null = null;
    let done = false;
    let usage: StreamChunkJson["usage"] = null;
    let failure: PolymathError | null = null;

    const deliver = (chunks: StreamChunk[]): void => {
      for (const chunk of chunks) {
        if (chunk.delta === "") continue;
        if (chunk.reasoning) reasoning += chunk.delta;
        else text += chunk.delta;
        options.onChunk(chunk);
      }
    };
    const receive = (json: StreamChunkJson): void => {
      if (json.error !== undefined && json.error !== null) {
        failure = streamError(JSON.stringify(json), endpoint.baseUrl);
        return;
      }
      const choice = json.choices?.[0];
      const part = choice?.delta ?? choice?.message;
      const thought =
        part?.reasoning_content ?? (choice?.delta ? choice.delta.reasoning : undefined);
      const content = part?.content;
      if (thought || content) {
        firstChunkMs ??= this.#scheduler.now() - started;
        deltas++;
      }
      if (thought) deliver([{ delta: thought, reasoning: true }]);
      if (content) deliver(splitter.push(content));
      if (choice?.finish_reason) finish = choice.finish_reason === "length" ? "length" : "stop";
      if (json.usage) usage = json.usage;
    };

    const contentType = response.headers.get("Content-Type") ?? "";
    try {
      if (!contentType.includes("text/event-stream") && contentType.includes("json")) {
        // A server that ignored `stream: true` answers in one piece.
        receive((await response.json()) as StreamChunkJson);
        done = true;
      } else {
        if (!response.body) throw cutError(endpoint.baseUrl);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = createSseParser();
        const handle = (events: { data: string }[]): void => {
          for (const event of events) {
            // A stop ends the answer at once, whatever the stream had buffered.
            if (done || failure || signal.aborted) return;
            if (event.data.trim() === "[DONE]") {
              done = true;
              return;
            }
            let json: StreamChunkJson;
            try {
              json = JSON.parse(event.data) as StreamChunkJson;
            } catch {
              continue; // Not a chunk (some proxies interleave status lines).
            }
            receive(json);
          }
        };
        try {
          while (!done && !failure && !signal.aborted) {
            const { value, done: ended } = await reader.read();
            if (ended) break;
            handle(parser.push(decoder.decode(value, { stream: true })));
          }
          handle(parser.push(decoder.decode()));
          handle(parser.push("\n\n"));
        } finally {
          if (done || failure || signal.aborted) void reader.cancel().catch(() => {});
        }
      }
    } catch (e) {
      if (!signal.aborted) failure = e instanceof PolymathError ? e : cutError(endpoint.baseUrl, e);
    }
    deliver(splitter.flush());
    const totalMs = this.#scheduler.now() - started;
    if (signal.aborted) return aborted(text, reasoning, deltas, firstChunkMs, totalMs);
    // A stream that stopped with neither [DONE] nor a finish reason was cut.
    if (!failure && !done && finish === null) failure = cutError(endpoint.baseUrl);
    const reported = usage as StreamChunkJson["usage"];
    const result: ChatResult = {
      text,
      reasoning,
      finishReason: failure ? "error" : (finish ?? "stop"),
      usage: measuredUsage({
        promptTokens: reported?.prompt_tokens ?? 0,
        completionTokens: reported?.completion_tokens ?? deltas,
        firstChunkMs,
        totalMs,
      }),
    };
    if (failure) result.error = toPolymathError(failure).toJSON();
    return result;
  }
}

function aborted(
  text: string,
  reasoning: string,
  deltas: number,
  firstChunkMs: number | null,
  totalMs: number,
): ChatResult {
  return {
    text,
    reasoning,
    finishReason: "abort",
    usage: measuredUsage({ promptTokens: 0, completionTokens: deltas, firstChunkMs, totalMs }),
  };
}
