/**
 * The routed team as an Engine: a chat addressed to the team's id goes through the router to one
 * member (the label's specialist, or the fallback generalist), which is loaded first if it is not
 * (unloading the least recently used members until it fits the memory budget); a chat addressed
 * to a member directly (the user's override for one message) goes straight to it. Every team
 * answer records who answered, why, the routing time and whether a model switch was needed.
 * Loading replaces the inner engine's loaded set, as every Engine's `load` does.
 *
 * Compare plans a turn's loads itself (the team is one column among others, within one memory
 * budget): it `pin`s the turn's prompt first, so a `load` naming the team loads the member that
 * prompt goes to, and the team's next chat for that prompt answers with the same decision. A member
 * answers one chat at a time (another column may be the same model).
 *
 * The prompt-specialized generalist is the same engine under its own id: a team without
 * specialists (every prompt to the fallback generalist) whose member is told the routed label's
 * domain prompt. Engines chain: a chat for another id goes to the inner engine, so one team engine
 * may wrap the other and Compare can hold both as columns.
 */
import { PartialLoadError } from "../engine/engine-set";
import { systemScheduler, type Scheduler } from "../engine/scheduler";
import type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  Engine,
  LoadOptions,
  StreamOptions,
} from "../engine/types";
import { domainPreamble, type DomainPrompt, type DomainPrompts } from "./domain-prompts";
import { TEAM_MODEL_ID, type RouteLabel } from "./labels";
import { routeConversation, type Router } from "./router";
import { isRoutingEngine, type RoutingEngine } from "./routing-engine";
import { chooseMember, type RouteReason, type TeamConfig } from "./team";

export { TEAM_MODEL_ID };

export interface TeamRoute {
  member: string;
  label: RouteLabel;
  confidence: number;
  reason: RouteReason;
  routingMs: number;
  /** Unsure of the message alone, the router read it with the conversation's earlier ones. */
  followUp?: true;
  /**
   * For the prompt-specialized generalist: the label whose domain prompt the member was told
   * (null: none, the router was unsure).
   */
  prompt?: RouteLabel | null;
  /** The member had to be loaded for this answer. */
  switched: boolean;
  /** Members unloaded to make room. */
  unloaded: string[];
  /** Time the load took, ms (0 without a switch). */
  switchMs: number;
}

type SwitchCost = Pick<TeamRoute, "switched" | "unloaded" | "switchMs">;

/** The router's decision for a prompt pinned before its turn is planned. */
export type PinnedRoute = Omit<TeamRoute, "switched" | "unloaded" | "switchMs">;

export interface TeamEngineOptions {
  inner: Engine;
  router: Router;
  team: TeamConfig;
  /** Memory a member needs, MB. */
  memoryMB: (id: string) => number;
  budgetMB: number;
  scheduler?: Scheduler;
  /** The id chats for this team are addressed to (default: the routed team's). */
  id?: string;
  /** Domain prompts: the member is told the routed label's (the prompt-specialized generalist). */
  prompts?: DomainPrompts;
}

export class TeamEngine implements RoutingEngine {
  readonly kind = "mixed" as const;
  readonly #o: TeamEngineOptions;
  /** Loaded members, least recently used first. */
  #recent: string[] = [];
  #last: TeamRoute | null = null;
  #pinned: { text: string; route: PinnedRoute; loaded?: SwitchCost } | null = null;
  /** The chat each member is answering now: the next one for that member waits for it. */
  readonly #busy = new Map<string, Promise<unknown>>();
  /** Totals over this engine's team answers. */
  readonly totals = { answers: 0, loads: 0, unloads: 0, switches: 0, switchMs: 0, routingMs: 0 };

  /** The id chats for this team are addressed to. */
  readonly id: string;

  constructor(options: TeamEngineOptions) {
    this.#o = options;
    this.id = options.id ?? TEAM_MODEL_ID;
  }

  /** How the last answer for `modelId` was routed: this team's, or a team's it wraps. */
  routeOf(modelId: string): TeamRoute | null {
    if (modelId === this.id) return this.#last;
    const inner = this.#o.inner;
    return isRoutingEngine(inner) ? inner.routeOf(modelId) : null;
  }

  /** The team engine that answers `modelId`: this one, or one it wraps (null: none). */
  teamFor(modelId: string): ReturnType<RoutingEngine["teamFor"]> {
    if (modelId === this.id) return this;
    const inner = this.#o.inner;
    return isRoutingEngine(inner) ? inner.teamFor(modelId) : null;
  }

  /**
   * Route the newest of a conversation's user messages (`texts`, oldest first) now (Compare,
   * before it plans the turn): a `load` naming the team then loads this member, and the team's
   * chat for that prompt answers with this decision.
   */
  pin(texts: readonly string[]): PinnedRoute {
    const decision = routeConversation(this.#o.router, texts);
    const choice = chooseMember(decision, this.#o.team);
    const route: PinnedRoute = {
      member: choice.modelId,
      label: decision.label,
      confidence: decision.confidence,
      reason: choice.reason,
      routingMs: decision.ms,
      ...(decision.followUp ? { followUp: true as const } : {}),
      ...(this.#o.prompts ? { prompt: decision.unsure ? null : decision.label } : {}),
    };
    this.#pinned = { text: texts.at(-1) ?? "", route };
    return route;
  }

  async load(modelIds: string[], options?: LoadOptions): Promise<void> {
    // The team loads its members as prompts need them, or the pinned prompt's member now.
    const member = modelIds.includes(this.id) ? this.#pinned?.route.member : undefined;
    const named = modelIds.map((id) => (id === this.id ? member : id));
    const direct = [...new Set(named)].filter((id): id is string => !!id && id !== this.id);
    if (direct.length === 0) return;
    const held = this.#o.inner.loaded();
    const scheduler = this.#o.scheduler ?? systemScheduler;
    const started = scheduler.now();
    // The member's progress is the team column's, unless another column is that same model.
    const onProgress = options?.onProgress;
    const asTeam = member && !modelIds.includes(member) && onProgress;
    try {
      await this.#o.inner.load(
        direct,
        asTeam
          ? {
              ...options,
              onProgress: (p) => onProgress(p.modelId === member ? { ...p, modelId: this.id } : p),
            }
          : options,
      );
    } catch (e) {
      // A member that failed to load is the team column's failure too.
      const own = member && e instanceof PartialLoadError ? e.byModel[member] : undefined;
      if (own && e instanceof PartialLoadError) {
        throw new PartialLoadError({ ...e.byModel, [this.id]: own });
      }
      throw e;
    }
    this.#recent = [...direct];
    // The pinned member came in with this load: its answer needed a switch.
    if (this.#pinned && member && !held.includes(member)) {
      const unloaded = held.filter((id) => !direct.includes(id));
      this.#pinned.loaded = { switched: true, unloaded, switchMs: scheduler.now() - started };
    }
  }

  loaded(): string[] {
    return this.#o.inner.loaded();
  }

  async chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    if (request.modelId !== this.id) {
      this.#touch(request.modelId);
      return this.#answer(request, options);
    }
    const asked = request.messages.filter((m) => m.role === "user").map((m) => m.content);
    const pinned = this.#pinned?.text === (asked.at(-1) ?? "") ? this.#pinned : null;
    this.#pinned = null;
    const chosen = pinned?.route ?? this.pin(asked);
    this.#pinned = null;
    const ensured = await this.#ensure(chosen.member);
    const { switched, unloaded, switchMs } = ensured.switched
      ? ensured
      : (pinned?.loaded ?? ensured);
    const route: TeamRoute = { ...chosen, switched, unloaded, switchMs };
    this.#last = route;
    const t = this.totals;
    t.answers++;
    t.routingMs += chosen.routingMs;
    if (switched) {
      t.loads++;
      t.unloads += unloaded.length;
      if (t.loads > 1 || unloaded.length > 0) t.switches++;
      t.switchMs += switchMs;
    }
    const messages = this.#o.prompts
      ? withPreamble(request.messages, chosen.prompt ? this.#o.prompts[chosen.prompt] : undefined)
      : request.messages;
    return this.#answer({ ...request, modelId: chosen.member, messages }, options);
  }

  /** Ask the inner engine, after any chat the same member is still answering. */
  async #answer(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    const id = request.modelId;
    const before = this.#busy.get(id);
    const run = (before ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.#o.inner.chat(request, options));
    this.#busy.set(id, run);
    try {
      return await run;
    } finally {
      if (this.#busy.get(id) === run) this.#busy.delete(id);
    }
  }

  interrupt(): Promise<void> {
    return this.#o.inner.interrupt();
  }

  async unload(modelIds?: string[]): Promise<void> {
    await this.#o.inner.unload(modelIds);
    this.#recent = modelIds ? this.#recent.filter((id) => !modelIds.includes(id)) : [];
  }

  #touch(id: string): void {
    this.#recent = [...this.#recent.filter((x) => x !== id), id];
  }

  async #ensure(member: string) {
    const inner = this.#o.inner;
    // What the inner engine really holds, in our recency order.
    const held = inner.loaded();
    this.#recent = [
      ...this.#recent.filter((id) => held.includes(id)),
      ...held.filter((id) => !this.#recent.includes(id)),
    ];
    if (held.includes(member)) {
      this.#touch(member);
      return { switched: false, unloaded: [] as string[], switchMs: 0 };
    }
    const keep = [...this.#recent];
    const unloaded: string[] = [];
    const used = () => keep.reduce((s, id) => s + this.#o.memoryMB(id), 0);
    while (keep.length > 0 && used() + this.#o.memoryMB(member) > this.#o.budgetMB) {
      unloaded.push(keep.shift()!);
    }
    const scheduler = this.#o.scheduler ?? systemScheduler;
    const started = scheduler.now();
    await inner.load([...keep, member]);
    const switchMs = scheduler.now() - started;
    this.#recent = [...keep, member];
    return { switched: true, unloaded, switchMs };
  }
}

/**
 * `messages` told a domain prompt: its system prompt first (joined with the conversation's own
 * system prompt in one system message, as models take only one), then its worked example.
 */
export function withPreamble(
  messages: readonly ChatMessage[],
  prompt: DomainPrompt | undefined,
): ChatMessage[] {
  const preamble = domainPreamble(prompt);
  if (preamble.length === 0) return [...messages];
  const domainSystem = preamble[0]?.role === "system" ? preamble[0] : null;
  const example = domainSystem ? preamble.slice(1) : preamble;
  const [first, ...rest] = messages;
  if (first?.role === "system") {
    const system = domainSystem
      ? { ...first, content: `${domainSystem.content}\n\n${first.content}` }
      : first;
    return [system, ...example, ...rest];
  }
  return [...(domainSystem ? [domainSystem] : []), ...example, ...messages];
}
