/**
 * One comparison session: the open comparison, each column's status and the answers streaming in.
 * Every turn goes to all columns (each keeps its own history), planned within the GPU memory budget
 * and run by `runComparison`. Streamed text reaches `$state` through a batcher per column (one
 * update per animation frame in the app); chunks are kept with their times so the comparison can be
 * exported as a recording. Saved after every turn and vote, and while a turn runs as a checkpoint
 * (every few seconds and on `pagehide`) that the turn's final save replaces.
 */
import type { Domain } from "../../core/domains";
import { newId } from "../../core/ids";
import { PolymathError, toPolymathError } from "../../core/errors";
import type { Recording } from "../../core/engine/replay/recording";
import { recordedPrompts } from "../../core/engine/replay/replay-match";
import type { Engine, SamplingParams } from "../../core/engine/types";
import type { Vote, VoteOutcome } from "../../core/report/vote-types";
import { columnConversation, columnMessages } from "../../core/runs/compare/column-history";
import {
  titleFromPrompt,
  type ComparisonSource,
  type ComparisonStore,
  type ComparisonTurn,
  type StoredComparison,
} from "../../core/runs/compare/comparisons";
import { runComparison, type ColumnStatus } from "../../core/runs/compare/run-comparison";
import { planComparison, type Plan } from "../../core/runs/schedule";
import { voteAnswers } from "../../core/runs/compare/sources";
import type { Conversation, MessageRoute } from "../../core/storage/conversation-schema";
import { ComparisonSaver, withTurnAnswers } from "../../core/runs/compare/checkpoint";
import { isAnswered, lastTurnAnswered, retryableColumns } from "../../core/runs/compare/retry";
import { isRoutedModelId } from "../../core/routing/labels";
import type { RoutingEngine } from "../../core/routing/routing-engine";
import { turnFootprints, turnLoaded, turnMembers } from "../../core/runs/compare/team-column";

/** The part of `EngineState` a comparison uses. */
export interface CompareEngine {
  /** The recording being replayed, whose models answer from it. */
  readonly recording: Recording | null;
  /** The engine for a turn of these columns (the routed team's, when one is the team). */
  engine(models?: readonly string[]): Promise<Engine>;
  /** Re-read the loaded models after a run drove the engine. */
  sync(): Promise<void>;
}

/** Gathers streamed text and hands it over later (FrameBatcher in the app). */
export interface TextBatcher {
  push(text: string): void;
  drain(): void;
}

export interface CompareDeps {
  engine: CompareEngine;
  comparisons: () => Promise<ComparisonStore>;
  /** GPU memory the plan for these models may use, MB (the team's column counts as its member). */
  budgetMB: (models: readonly string[]) => number;
  /** GPU memory a model needs beside `models`, MB (0 when unknown or when it uses none). */
  vramMB: (modelId: string, models: readonly string[]) => number;
  /** Where the answers of these columns come from, stored with a new comparison. */
  source: (models: readonly string[]) => ComparisonSource;
  recordVote: (vote: Vote) => Promise<void>;
  /**
   * Asked before a turn would load `models` (the app shows what they download and waits for the
   * user); false starts nothing.
   */
  confirmDownload?: (models: readonly string[]) => Promise<boolean>;
  saveConversation: (conversation: Conversation) => Promise<void>;
  batcher?: (flush: (text: string) => void) => TextBatcher;
  /** Checkpoint the turn in flight this often (ms; 0 never): what survives a closed tab. */
  checkpointMs?: number;
  /** Called when a new comparison is first saved (the app routes to it). */
  onCreated?: (id: string) => void;
  /** Called after each save with the stored revision (tells other tabs). */
  saved?: (id: string, rev: number) => void;
  now?: () => number;
  newId?: () => string;
}

export interface NewComparison {
  models: string[];
  systemPrompt: string;
  params: SamplingParams;
  blind: boolean;
}

export interface LiveAnswer {
  text: string;
  reasoning: string;
}

const immediate = (flush: (text: string) => void): TextBatcher => ({
  push: flush,
  drain: () => {},
});

export class CompareSession {
  comparison = $state.raw<StoredComparison | null>(null);
  /** Each column's status in the turn running now (or the last one run in this session). */
  statuses = $state<Record<string, ColumnStatus>>({});
  /** Text streamed so far in the running turn, by model id. */
  live = $state<Record<string, LiveAnswer>>({});
  running = $state(false);
  /** Index of the turn being answered, while running. */
  liveTurn = $state<number | null>(null);
  /** How the last turn was scheduled, and within which budget (MB; Infinity in replay). */
  schedule = $state.raw<{ mode: Plan["mode"]; budgetMB: number } | null>(null);
  /** The last failed save, open, vote or promotion. */
  error = $state<PolymathError | null>(null);
  /** What another tab did to the open comparison, once this tab noticed. */
  elsewhere = $state<"updated" | "deleted" | null>(null);
  /** Names hidden: a blind comparison not yet voted on. */
  hidden = $derived(this.comparison?.blind !== undefined && !this.comparison.blind.revealed);
  /** Only when Model A and Model B both answered the last turn: no vote on a missing answer. */
  canVote = $derived(
    this.hidden &&
      !this.running &&
      (this.comparison ? lastTurnAnsweredByBoth(this.comparison) : false),
  );
  /** Columns of the last turn that failed, were skipped or stopped: what "Retry" runs again. */
  retryable = $derived(this.comparison ? retryableColumns(this.comparison) : []);
  /** Some column answered the last turn: there is something to export or follow up on. */
  answered = $derived(this.comparison ? lastTurnAnswered(this.comparison) : false);

  #deps: CompareDeps;
  #now: () => number;
  #newId: () => string;
  #abort: AbortController | null = null;
  #saved = false;
  #saver: ComparisonSaver;
  // Bookkeeping for saves, not state: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #revs = new Map<string, number>();

  constructor(deps: CompareDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#newId = deps.newId ?? newId;
    this.#saver = new ComparisonSaver({
      current: () => this.comparison,
      write: (c) => this.#write(c),
      everyMs: deps.checkpointMs ?? 0,
    });
  }

  /** The prompts the loaded recording answers (first turns, or follow-ups): suggestions. */
  recordedPrompts(followUp: boolean): string[] {
    const { recording } = this.#deps.engine;
    return recording ? recordedPrompts(recording, undefined, followUp) : [];
  }

  /** "Model A"/"Model B" while names are hidden, else null (show the real name). */
  alias(modelId: string): string | null {
    if (!this.hidden) return null;
    const i = this.comparison?.models.indexOf(modelId) ?? -1;
    return i < 0 ? null : `Model ${String.fromCharCode(65 + i)}`;
  }

  /**
   * Start a new comparison with `setup` and send its first prompt; false when nothing started
   * (fewer than two models, a turn running, or the user declined the download).
   */
  async start(setup: NewComparison, prompt: string, domain?: Domain): Promise<boolean> {
    if (this.running || !prompt.trim()) return false;
    const models = setup.models.filter((id, i) => setup.models.indexOf(id) === i);
    if (models.length < 2) return false;
    // Without a question to ask, the comparison opens at once (in the same task).
    if (this.#deps.confirmDownload && (!(await this.#mayLoad(models)) || this.running)) {
      return false;
    }
    this.comparison = {
      id: this.#newId(),
      createdAt: this.#now(),
      title: titleFromPrompt(prompt),
      systemPrompt: setup.systemPrompt,
      params: { ...setup.params },
      models,
      turns: [],
      ...(setup.blind ? { blind: { revealed: false } } : {}),
      source: this.#deps.source(models),
    };
    this.#saved = false;
    this.statuses = {};
    this.error = null;
    await this.send(prompt, domain);
    return true;
  }

  /** Send a prompt to every column of the open comparison (a follow-up after the first turn). */
  async send(prompt: string, domain?: Domain): Promise<void> {
    const base = this.comparison;
    const text = prompt.trim();
    if (!base || this.running || !text) return;
    const turn: ComparisonTurn = { prompt: text, ...(domain ? { domain } : {}), answers: {} };
    this.comparison = { ...base, turns: [...base.turns, turn] };
    this.statuses = {};
    await this.#run(base.turns.length, base.models);
  }

  /**
   * Run the last turn again, same prompt and settings, for its failed, skipped or stopped columns
   * (those of `modelIds` only, when given); the other columns keep their answers.
   */
  async retry(modelIds?: readonly string[]): Promise<void> {
    const c = this.comparison;
    if (!c || this.running) return;
    const models = this.retryable.filter((id) => !modelIds || modelIds.includes(id));
    if (models.length === 0) return;
    if (!(await this.#mayLoad(models)) || this.running || this.comparison !== c) return;
    await this.#run(c.turns.length - 1, models);
  }

  /** The user saw and accepted what loading `models` downloads (or nothing would be). */
  async #mayLoad(models: readonly string[]): Promise<boolean> {
    return (await this.#deps.confirmDownload?.(models)) ?? true;
  }

  /** Answer turn `turnIndex` of the open comparison with `models`, then store what came back. */
  async #run(turnIndex: number, models: readonly string[]): Promise<void> {
    const base = this.comparison;
    const text = base?.turns[turnIndex]?.prompt;
    if (!base || text === undefined) return;
    this.running = true;
    this.liveTurn = turnIndex;
    // Columns not run keep their last status; a retried one forgets why it failed before.
    for (const id of models) delete this.statuses[id];
    this.live = Object.fromEntries(models.map((id) => [id, { text: "", reasoning: "" }]));
    const abort = new AbortController();
    this.#abort = abort;
    const flight = this.#saver.begin(turnIndex, models);
    const { chunks, statuses } = flight;
    const batchers = this.#batchers(models);
    let final: Record<string, ColumnStatus> | null = null;
    let failure: PolymathError | null = null;
    try {
      const engine = await this.#deps.engine.engine(models);
      // The routed columns (the team, the prompt-specialized generalist): the router picks each
      // one's member now, so the plan counts that member's memory and the column shows who
      // answers (and why) while it streams. A follow-up is routed with the turns before it (a
      // vague one keeps the conversation's).
      const asked = base.turns.slice(0, turnIndex + 1).map((t) => t.prompt);
      const members: Record<string, string> = {};
      for (const id of models.filter(isRoutedModelId)) {
        const team = "teamFor" in engine ? (engine as RoutingEngine).teamFor(id) : null;
        const route = team?.pin(asked);
        if (!route) continue;
        members[id] = route.member;
        const switched = !engine.loaded().includes(route.member);
        this.#setRoute(turnIndex, id, { ...route, switched });
      }
      const budgetMB = this.#deps.budgetMB(turnMembers(models, members));
      const plan = planComparison(
        turnFootprints(models, members, this.#deps.vramMB),
        budgetMB,
        turnLoaded(engine.loaded(), members),
      );
      this.schedule = { mode: plan.mode, budgetMB };
      final = await runComparison({
        engine,
        plan,
        params: base.params,
        signal: abort.signal,
        messagesFor: (id) => columnMessages(base, id, turnIndex, text),
        onStatus: (id, status) => (this.statuses[id] = statuses[id] = status),
        onChunk: (id, chunk, t) => {
          const { delta } = chunk;
          (chunks[id] ??= []).push(chunk.reasoning ? { t, delta, reasoning: true } : { t, delta });
          batchers[id]?.[chunk.reasoning ? "reasoning" : "text"].push(chunk.delta);
        },
      });
    } catch (e) {
      failure = toPolymathError(e);
    } finally {
      this.#saver.end();
      for (const b of Object.values(batchers)) {
        b.text.drain();
        b.reasoning.drain();
      }
      // After a failure only a stored checkpoint needs replacing: by the turn cut where it stopped.
      if (final || flight.checkpointed) {
        const c = this.comparison ?? base;
        this.comparison = withTurnAnswers(c, turnIndex, final ?? statuses, chunks, !final, models);
        await this.#save();
      }
      if (failure) this.error = failure;
      this.running = false;
      this.liveTurn = null;
      if (this.#abort === abort) this.#abort = null;
      await this.#deps.engine.sync().catch(() => undefined);
    }
  }

  /** Record who answers routed column `id` in turn `turnIndex`, and why. */
  #setRoute(turnIndex: number, id: string, route: MessageRoute): void {
    const c = this.comparison;
    const turn = c?.turns[turnIndex];
    if (!c || !turn) return;
    const routes = { ...turn.routes, [id]: route };
    this.comparison = {
      ...c,
      turns: c.turns.map((t, i) => (i === turnIndex ? { ...t, routes } : t)),
    };
  }

  /**
   * Save the turn in flight as it stands, its answers so far marked stopped (every few seconds and
   * on `pagehide`, where the write may not finish: best effort). Does nothing once the turn ended.
   */
  persistNow(): Promise<void> {
    return this.#saver.checkpoint();
  }

  /** Stop the running turn: the answer in progress ends where it is, the rest are cancelled. */
  stop(): void {
    this.#abort?.abort();
  }

  /** Open a stored comparison; false when it is missing or a turn is running. */
  async open(id: string): Promise<boolean> {
    if (this.comparison?.id === id) return true;
    if (this.running) return false;
    try {
      const revised = await (await this.#deps.comparisons()).getRevised(id);
      const found = revised?.doc;
      if (!revised || !found) {
        this.error = new PolymathError("not-found", "That comparison no longer exists.", {
          advice: "It may have been deleted in another tab; pick another one from the history.",
          details: { id },
        });
        return false;
      }
      this.#revs.set(id, revised.rev);
      this.comparison = found;
      this.#saved = true;
      this.elsewhere = null;
      this.schedule = null;
      this.statuses = {};
      this.live = {};
      this.error = null;
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    }
  }

  /** True while the last save was refused because another tab saved first. */
  get conflict(): boolean {
    return this.error?.code === "conflict";
  }

  /** After a conflict: show the version another tab saved (this tab's changes are dropped). */
  async loadSaved(): Promise<void> {
    const id = this.comparison?.id;
    if (!id || this.running) return;
    this.comparison = null;
    await this.open(id);
  }

  /** After a conflict: save this tab's version over the other tab's. */
  async keepMine(): Promise<void> {
    const c = this.comparison;
    if (!c || this.running) return;
    this.elsewhere = null;
    await this.#write(c, true);
  }

  /**
   * Another tab saved (rev > 0) or deleted (rev 0) comparison `id`. When it is open here and no
   * turn runs, show the newer version at once; a running turn's save will find the conflict.
   */
  async changedElsewhere(id: string, rev: number): Promise<void> {
    if (this.comparison?.id !== id || !this.#saved) return;
    if (rev === 0) {
      this.elsewhere = "deleted";
      return;
    }
    if (rev <= (this.#revs.get(id) ?? 0) || this.running) return;
    const revised = await (await this.#deps.comparisons()).getRevised(id);
    if (!revised || revised.rev <= (this.#revs.get(id) ?? 0) || this.running) return;
    if (this.comparison?.id !== id) return;
    this.#revs.set(id, revised.rev);
    this.comparison = revised.doc;
    this.statuses = {};
    this.live = {};
    this.elsewhere = "updated";
  }

  /** Close the open comparison (a new one starts from the setup). */
  clear(): void {
    if (this.running) return;
    this.comparison = null;
    this.elsewhere = null;
    this.schedule = null;
    this.statuses = {};
    this.live = {};
    this.error = null;
  }

  /** Cast the blind vote between Model A and Model B, then reveal the names. */
  async vote(outcome: VoteOutcome, domain?: Domain): Promise<Vote | null> {
    const c = this.comparison;
    const [a, b] = c?.models ?? [];
    if (!c || !this.canVote || a === undefined || b === undefined) return null;
    const answers = voteAnswers(c.source, a, b);
    const vote: Vote = {
      a,
      b,
      outcome,
      at: this.#now(),
      ...(domain ? { domain } : {}),
      ...(answers ? { answers } : {}),
    };
    try {
      await this.#deps.recordVote(vote);
    } catch (e) {
      // Names stay hidden so the vote can be cast again once storage works.
      this.error = toPolymathError(e);
      return null;
    }
    this.comparison = { ...c, blind: { revealed: true, vote: { a, b, outcome } } };
    await this.#save();
    return vote;
  }

  /** Show the names without voting (nothing is recorded). */
  async reveal(): Promise<void> {
    const c = this.comparison;
    if (!c?.blind || c.blind.revealed || this.running) return;
    this.comparison = { ...c, blind: { ...c.blind, revealed: true } };
    await this.#save();
  }

  /** Save one column as a normal chat with its model; resolves with the conversation id. */
  async promote(modelId: string): Promise<string | null> {
    const c = this.comparison;
    if (!c || this.running || this.hidden || !c.models.includes(modelId)) return null;
    const conversation = columnConversation(c, modelId, { id: this.#newId(), now: this.#now() });
    try {
      await this.#deps.saveConversation(conversation);
      return conversation.id;
    } catch (e) {
      this.error = toPolymathError(e);
      return null;
    }
  }

  #batchers(models: readonly string[]): Record<string, Record<keyof LiveAnswer, TextBatcher>> {
    const make = this.#deps.batcher ?? immediate;
    const append = (id: string, key: keyof LiveAnswer) => (text: string) => {
      const answer = this.live[id];
      if (answer) answer[key] += text;
    };
    return Object.fromEntries(
      models.map((id) => [
        id,
        { text: make(append(id, "text")), reasoning: make(append(id, "reasoning")) },
      ]),
    );
  }

  #save(): Promise<void> {
    return this.comparison ? this.#saver.save(this.comparison) : Promise.resolve();
  }

  /** Store `c` from the revision this tab last saw (`force`: over whatever another tab saved). */
  async #write(c: StoredComparison, force = false): Promise<void> {
    try {
      const base = force ? {} : { baseRev: this.#revs.get(c.id) ?? 0 };
      const rev = await (await this.#deps.comparisons()).save(c, base);
      this.#revs.set(c.id, rev);
      this.#deps.saved?.(c.id, rev);
      this.error = null;
      if (!this.#saved) {
        this.#saved = true;
        this.#deps.onCreated?.(c.id);
      }
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }
}

function lastTurnAnsweredByBoth(c: StoredComparison): boolean {
  const turn = c.turns.at(-1);
  const [a, b] = c.models;
  return (
    turn !== undefined && isAnswered(turn.answers[a ?? ""]) && isAnswered(turn.answers[b ?? ""])
  );
}
