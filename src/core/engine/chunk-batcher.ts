/**
 * web-llm yields one chunk per decode step (tens to hundreds a second). Posting each across the
 * worker boundary costs more than the token; the batcher sends them in groups, at most every
 * `maxDelayMs` or when `maxChunks` are waiting, and always before the final result (`flush`).
 */
import { systemScheduler, type Scheduler, type TimerHandle } from "./scheduler";
import type { StreamChunk } from "./types";

export interface ChunkBatcherOptions {
  scheduler?: Scheduler;
  /** Longest a chunk waits before it is sent; 24 ms by default (below one 30 Hz frame). */
  maxDelayMs?: number;
  /** Send at once when this many chunks wait; 32 by default. */
  maxChunks?: number;
}

export interface ChunkBatcher {
  push(chunk: StreamChunk): void;
  /** Send whatever waits now (call before posting the result). */
  flush(): void;
}

/** A batcher that hands groups of chunks to `send`. */
export function createChunkBatcher(
  send: (chunks: StreamChunk[]) => void,
  options: ChunkBatcherOptions = {},
): ChunkBatcher {
  const scheduler = options.scheduler ?? systemScheduler;
  const maxDelayMs = options.maxDelayMs ?? 24;
  const maxChunks = options.maxChunks ?? 32;
  let waiting: StreamChunk[] = [];
  let timer: TimerHandle | null = null;

  const flush = (): void => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const chunks = waiting;
    waiting = [];
    send(chunks);
  };

  return {
    push(chunk) {
      waiting.push(chunk);
      if (waiting.length >= maxChunks) flush();
      else if (timer === null) timer = scheduler.setTimeout(flush, maxDelayMs);
    },
    flush,
  };
}
