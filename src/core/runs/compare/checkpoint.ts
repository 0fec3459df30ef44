/**
 * What a comparison turn stores: every column's answer, or why it has none. At the end of a run
 * that is the final statuses; while it runs, a checkpoint cuts each answer where it is, marked
 * "abort" like a stopped answer, so a closed tab loses nothing. The final save replaces it: saves
 * run one after another, and no checkpoint starts once the turn has ended.
 */
import type { RecordedChunk } from "../../engine/replay/recording";
import { measuredUsage } from "../../engine/usage";
import { SaveQueue } from "../save-queue";
import type { ComparisonTurn, StoredAnswer, StoredComparison } from "./comparisons";
import type { ColumnStatus } from "./run-comparison";

/** The note of a column that had sent nothing when its turn ended. */
export const NOT_ANSWERED = "Stopped before it answered.";

/** The turn in flight, as the session tracks it for checkpoints. */
export interface TurnInFlight {
  turnIndex: number;
  /** The columns running (a retry runs some); the others keep what the turn holds. */
  models?: readonly string[];
  /** Plain copies of the column statuses (the session's own are reactive proxies). */
  statuses: Record<string, ColumnStatus>;
  /** Streamed pieces by model id, as they arrived. */
  chunks: Record<string, RecordedChunk[]>;
  /** Whether a checkpoint of this turn was written. */
  checkpointed: boolean;
}

export interface CheckpointOptions {
  /** The comparison open now (holding the turn in flight). */
  current: () => StoredComparison | null;
  /** Store one version; must not reject. */
  write: (c: StoredComparison) => Promise<void>;
  /** Checkpoint this often while a turn runs (ms; 0 never). */
  everyMs: number;
}

/** The session's saves, in order, and the checkpoints of the turn in flight. */
export class ComparisonSaver {
  #options: CheckpointOptions;
  #flight: TurnInFlight | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #queue: SaveQueue<StoredComparison>;

  constructor(options: CheckpointOptions) {
    this.#options = options;
    this.#queue = new SaveQueue(options.write);
  }

  /** Save `c` after every save asked for before. */
  save(c: StoredComparison): Promise<void> {
    return this.#queue.save(c);
  }

  /** A turn starts (for `models` only, when given): checkpoint it every `everyMs` until `end`. */
  begin(turnIndex: number, models?: readonly string[]): TurnInFlight {
    this.end();
    const flight: TurnInFlight = {
      turnIndex,
      ...(models ? { models } : {}),
      statuses: {},
      chunks: {},
      checkpointed: false,
    };
    this.#flight = flight;
    const every = this.#options.everyMs;
    if (every > 0) this.#timer = setInterval(() => void this.checkpoint(), every);
    return flight;
  }

  /**
   * Save the turn in flight as it stands when the write starts: one waiting checkpoint at most
   * (slow storage never builds a backlog), and none once the turn has ended.
   */
  checkpoint(): Promise<void> {
    if (!this.#flight) return Promise.resolve();
    return this.#queue.checkpoint(() => {
      const flight = this.#flight;
      const c = this.#options.current();
      if (!flight || !c) return null;
      flight.checkpointed = true;
      return withTurnAnswers(
        c,
        flight.turnIndex,
        flight.statuses,
        flight.chunks,
        true,
        flight.models,
      );
    });
  }

  /** The turn ended: no checkpoint from now on. */
  end(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#flight = null;
  }
}

/**
 * `c` with turn `turnIndex` holding the columns' answers. `partial`: the run is not over, so a
 * column still streaming keeps what it sent so far. `models`: only these columns ran (a retry);
 * the others keep their answer or note.
 */
export function withTurnAnswers(
  c: StoredComparison,
  turnIndex: number,
  statuses: Readonly<Record<string, ColumnStatus>>,
  chunks: Readonly<Record<string, RecordedChunk[]>>,
  partial: boolean,
  models: readonly string[] = c.models,
): StoredComparison {
  const turn = c.turns[turnIndex];
  if (!turn) return c;
  const answers: ComparisonTurn["answers"] = {};
  const notes: Record<string, string> = {};
  for (const id of c.models) {
    if (!models.includes(id)) {
      const kept = turn.answers[id];
      const note = turn.notes?.[id];
      if (kept) answers[id] = kept;
      else if (note !== undefined) notes[id] = note;
      continue;
    }
    const status = statuses[id];
    const cut = partial ? cutAnswer(chunks[id]) : null;
    if (status && "result" in status && status.result) {
      answers[id] = { ...status.result, chunks: [...(chunks[id] ?? [])] };
    } else if (status?.state === "skipped") notes[id] = status.reason;
    else if (status?.state === "error") notes[id] = status.error.message;
    else if (cut) answers[id] = cut;
    else notes[id] = NOT_ANSWERED;
  }
  const done: ComparisonTurn = {
    prompt: turn.prompt,
    ...(turn.domain ? { domain: turn.domain } : {}),
    answers,
    ...(Object.keys(notes).length > 0 ? { notes } : {}),
    ...(turn.routes ? { routes: turn.routes } : {}),
  };
  return { ...c, turns: c.turns.map((t, i) => (i === turnIndex ? done : t)) };
}

/** An answer still streaming, as far as it got; usage as observed from its chunks. */
function cutAnswer(chunks: readonly RecordedChunk[] | undefined): StoredAnswer | null {
  const first = chunks?.[0];
  const last = chunks?.at(-1);
  if (!chunks || !first || !last) return null;
  const joined = (reasoning: boolean) =>
    chunks
      .filter((k) => (k.reasoning ?? false) === reasoning)
      .map((k) => k.delta)
      .join("");
  return {
    text: joined(false),
    reasoning: joined(true),
    finishReason: "abort",
    // The engine reports token counts only at the end: count the pieces, as it does when stopped.
    usage: measuredUsage({
      promptTokens: 0,
      completionTokens: chunks.length,
      firstChunkMs: first.t,
      totalMs: last.t,
    }),
    chunks: [...chunks],
  };
}
