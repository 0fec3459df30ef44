/**
 * The throughput a model got in a bench run: how many of its requests were in flight at once,
 * completed requests per second and generated tokens per second over the time it was busy, and
 * the rate-limit (429) waits its server imposed. Rates are over busy time (some request in
 * flight), so a pause between sessions of a resumed run does not dilute them.
 */
import type { RateLimitWaits } from "../../engine/types";

export interface Throughput {
  /** Requests answered (an error answer counts: the server was asked). */
  completed: number;
  /** Output tokens over those answers. */
  completionTokens: number;
  /** Time with at least one request of this model in flight, ms. */
  busyMs: number;
  /** Most requests in flight at once. */
  peakInFlight: number;
  /** 429 answers waited out before a retry. */
  rateLimitWaits: number;
  /** Time spent in those waits, ms (summed over requests; parallel waits overlap). */
  rateLimitWaitMs: number;
}

export const NO_THROUGHPUT: Readonly<Throughput> = Object.freeze({
  completed: 0,
  completionTokens: 0,
  busyMs: 0,
  peakInFlight: 0,
  rateLimitWaits: 0,
  rateLimitWaitMs: 0,
});

/** Completed requests per second over busy time; null before any time has passed. */
export function requestsPerS(t: Throughput): number | null {
  return t.busyMs > 0 ? (t.completed * 1000) / t.busyMs : null;
}

/** Generated tokens per second over busy time (all requests together); null before any. */
export function generatedTokensPerS(t: Throughput): number | null {
  return t.busyMs > 0 ? (t.completionTokens * 1000) / t.busyMs : null;
}

/** Two sessions of one run together (a resumed run adds to what earlier sessions measured). */
export function addThroughput(a: Throughput | undefined, b: Throughput): Throughput {
  if (!a) return { ...b };
  return {
    completed: a.completed + b.completed,
    completionTokens: a.completionTokens + b.completionTokens,
    busyMs: a.busyMs + b.busyMs,
    peakInFlight: Math.max(a.peakInFlight, b.peakInFlight),
    rateLimitWaits: a.rateLimitWaits + b.rateLimitWaits,
    rateLimitWaitMs: a.rateLimitWaitMs + b.rateLimitWaitMs,
  };
}

/** Measures one model's requests as they start and finish, on the clock given to each call. */
export class ThroughputMeter {
  #t: Throughput = { ...NO_THROUGHPUT };
  #inFlight = 0;
  #busySince = 0;

  /** Requests started and not finished yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  start(now: number): void {
    if (this.#inFlight === 0) this.#busySince = now;
    this.#inFlight++;
    this.#t.peakInFlight = Math.max(this.#t.peakInFlight, this.#inFlight);
  }

  /** One request ended: with its answer's tokens and waits, or (cancelled) without an answer. */
  end(now: number, answer?: { completionTokens: number; rateLimited?: RateLimitWaits }): void {
    if (this.#inFlight === 0) return;
    this.#inFlight--;
    if (answer) {
      this.#t.completed++;
      this.#t.completionTokens += Math.max(0, answer.completionTokens);
      this.#t.rateLimitWaits += answer.rateLimited?.waits ?? 0;
      this.#t.rateLimitWaitMs += answer.rateLimited?.waitedMs ?? 0;
    }
    if (this.#inFlight === 0) this.#t.busyMs += now - this.#busySince;
  }

  /** What was measured up to `now` (busy time includes requests still in flight). */
  snapshot(now: number): Throughput {
    const open = this.#inFlight > 0 ? now - this.#busySince : 0;
    return { ...this.#t, busyMs: this.#t.busyMs + open };
  }
}

/**
 * In words: "up to 4 at once · 2.10 req/s · 84.0 tok/s · 3 rate-limit waits (429)"; with
 * `inFlight`, the requests in flight now instead of the peak.
 */
export function throughputWords(t: Throughput, inFlight?: number): string {
  const rps = requestsPerS(t);
  const tps = generatedTokensPerS(t);
  const waits = t.rateLimitWaits;
  return [
    inFlight === undefined ? `up to ${t.peakInFlight} at once` : `${inFlight} in flight`,
    rps === null ? null : `${rps.toFixed(2)} req/s`,
    tps === null ? null : `${tps.toFixed(1)} tok/s generated`,
    `${waits} rate-limit ${waits === 1 ? "wait" : "waits"} (429)`,
  ]
    .filter((x) => x !== null)
    .join(" · ");
}
