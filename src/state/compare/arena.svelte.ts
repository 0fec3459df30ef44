/**
 * Blind-vote results: the stored votes and the Bradley–Terry leaderboard over them, overall or for
 * one domain. The bootstrap runs later than the click that changed the votes (deferred to a timer
 * task) and is sized to take about 30 ms for up to a thousand votes: 300 rounds, each fit stopped
 * at a log-strength tolerance of 1e-4 (below 0.1 rating points, finer than the one shown).
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import {
  buildLeaderboard,
  domainVotes,
  votedDomains,
  type Leaderboard,
} from "../../core/report/leaderboard";
import { answersOf, type Vote } from "../../core/report/vote-types";
import { votesToCsv, votesToJson, type VoteStore } from "../../core/report/votes";

export const ALL_DOMAINS = "all";

export const BOOTSTRAP_ROUNDS = 300;
const FIT_TOLERANCE = 1e-4;

export interface ArenaDeps {
  votes: () => Promise<VoteStore>;
  /** Run `task` soon, after the current event (setTimeout in the app). */
  defer?: (task: () => void) => void;
  now?: () => Date;
}

export class ArenaState {
  /** Oldest first. */
  votes = $state.raw<Vote[]>([]);
  loaded = $state(false);
  /** `ALL_DOMAINS` or one domain name. */
  domain = $state<string>(ALL_DOMAINS);
  board = $state.raw<Leaderboard | null>(null);
  computing = $state(false);
  error = $state<PolymathError | null>(null);
  /** Count votes on replayed or synthetic answers too (off: the board reflects live models). */
  includeReplayed = $state(false);
  /** Votes on replayed or synthetic answers, kept apart from the live board by default. */
  replayedCount = $derived(this.votes.filter((v) => answersOf(v) !== "live").length);
  /** The votes the board is built on. */
  counted = $derived(
    this.includeReplayed ? this.votes : this.votes.filter((v) => answersOf(v) === "live"),
  );
  domains = $derived(votedDomains(this.counted));

  #deps: ArenaDeps;
  #ticket = 0;

  constructor(deps: ArenaDeps) {
    this.#deps = deps;
  }

  /** Read the stored votes and recompute the leaderboard. */
  async refresh(): Promise<void> {
    try {
      this.votes = await (await this.#deps.votes()).list();
      this.loaded = true;
      this.error = null;
      this.#schedule();
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  /** Store a vote (rejects with `storage-full` and changes nothing when it cannot be kept). */
  async record(vote: Vote): Promise<void> {
    await (await this.#deps.votes()).add(vote);
    this.votes = [...this.votes, vote].sort((x, y) => x.at - y.at);
    this.#schedule();
  }

  /** Count votes on replayed or synthetic answers, or leave them out. */
  setIncludeReplayed(include: boolean): void {
    this.includeReplayed = include;
    this.#schedule();
  }

  setDomain(domain: string): void {
    this.domain = domain;
    this.#schedule();
  }

  /** Delete every vote. */
  async reset(): Promise<void> {
    try {
      await (await this.#deps.votes()).reset();
      this.votes = [];
      this.domain = ALL_DOMAINS;
      this.error = null;
      this.#schedule();
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  json(): string {
    const now = this.#deps.now;
    return now ? votesToJson(this.votes, now()) : votesToJson(this.votes);
  }

  csv(): string {
    return votesToCsv(this.votes);
  }

  #schedule(): void {
    const ticket = ++this.#ticket;
    this.computing = true;
    const defer = this.#deps.defer ?? ((task) => setTimeout(task, 0));
    defer(() => {
      // A newer change superseded this one; its own task will compute.
      if (ticket !== this.#ticket) return;
      const votes = domainVotes(this.counted, this.domain === ALL_DOMAINS ? null : this.domain);
      this.board = buildLeaderboard(votes, { rounds: BOOTSTRAP_ROUNDS, tolerance: FIT_TOLERANCE });
      this.computing = false;
    });
  }
}
