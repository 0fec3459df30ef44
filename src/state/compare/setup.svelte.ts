/**
 * What the next comparison will be: 2–4 models (or a blind pair drawn from a pool), and the
 * settings every model gets alike. Greedy decoding (temperature 0) with a fixed seed is the
 * default so differences come from the models, not from sampling luck.
 */
import type { SamplingParams } from "../../core/engine/types";
import { blindPool, type CompareCandidate } from "../../core/runs/compare/candidates";
import { checkParams, paramsMessage, type NumericParam } from "../../core/runs/check-params";

export const MIN_MODELS = 2;
export const MAX_MODELS = 4;

/** The fair defaults: greedy, seeded, bounded length, thinking off (only Qwen3 has it). */
export function defaultCompareParams(): SamplingParams {
  return { temperature: 0, seed: 1, max_tokens: 512, enable_thinking: false };
}

export interface CompareSetupDeps {
  /** The models a comparison can use now (may read reactive state). */
  candidates: () => CompareCandidate[];
  /** Those of them replayed from the loaded recording (none when none is loaded). */
  recorded?: () => CompareCandidate[];
  /** Asked before a preset is chosen: shows what it would download; false chooses nothing. */
  confirmDownload?: (ids: readonly string[]) => Promise<boolean>;
}

export class CompareSetup {
  readonly #deps: CompareSetupDeps;
  /** What the chooser offers: replayed models first, then the live ones that run here. */
  candidates = $derived.by(() => this.#deps.candidates());
  /** Chosen model ids, in column order. */
  selected = $state<string[]>([]);
  /** Blind mode: two models from the pool, names hidden until the vote. */
  blind = $state(false);
  systemPrompt = $state("");
  /** The prompt box's text before the comparison starts (a shared result can fill it). */
  draft = $state("");
  params = $state<SamplingParams>(defaultCompareParams());
  /** Models of a repeated comparison that are not offered here (left out, and said so). */
  leftOut = $state<string[]>([]);
  /** The models a repeated comparison asked for, until the selection is changed by hand. */
  #requested: string[] = [];
  canAdd = $derived(this.selected.length < MAX_MODELS);
  /** Enough models for a named comparison (a blind one can draw from other pools). */
  ready = $derived(this.selected.length >= MIN_MODELS);
  /** Candidates replayed from the loaded recording. */
  recorded = $derived.by(() => this.#deps.recorded?.() ?? []);
  /**
   * What a blind pair is drawn from: the chosen models, else the recording's (a pair of live
   * models would start downloads unasked), else every candidate.
   */
  pool = $derived.by(() =>
    blindPool(this.selected, this.recorded.length > 0 ? this.recorded : this.candidates),
  );
  /** Settings fields whose text is not a number (their last good value must not be used). */
  #unreadable = $state<NumericParam[]>([]);
  /** Why the settings cannot be used (empty when they can); a comparison waits for a fix. */
  settingsError = $derived(paramsMessage(checkParams(this.params, this.#unreadable)));
  /** The next comparison can start. */
  canStart = $derived((this.blind ? this.pool.length >= 2 : this.ready) && !this.settingsError);

  constructor(deps: CompareSetupDeps) {
    this.#deps = deps;
  }

  /** Select or unselect a model; refuses a fifth. */
  toggle(id: string): void {
    this.#forgetRequested();
    if (this.selected.includes(id)) this.selected = this.selected.filter((s) => s !== id);
    else if (this.canAdd) this.selected = [...this.selected, id];
  }

  /** Replace the selection (a preset), keeping at most four. */
  choose(ids: readonly string[]): void {
    this.#forgetRequested();
    this.selected = ids.filter((id, i) => ids.indexOf(id) === i).slice(0, MAX_MODELS);
  }

  /** Choose a preset's models once the user has seen what they download; false when declined. */
  async choosePreset(ids: readonly string[]): Promise<boolean> {
    const ok = (await this.#deps.confirmDownload?.(ids)) ?? true;
    if (ok) this.choose(ids);
    return ok;
  }

  /**
   * Set up a comparison to repeat (a shared result's "Run this yourself"): its models, prompt,
   * system prompt and sampling settings, ready for the user to press Compare. Nothing starts: live
   * models download. Settings out of range block the comparison with their message, as typed ones.
   */
  prefill(again: {
    models: readonly string[];
    prompt: string;
    systemPrompt: string;
    params?: SamplingParams;
  }): void {
    this.blind = false;
    this.choose(again.models);
    this.#requested = [...this.selected];
    this.draft = again.prompt;
    this.systemPrompt = again.systemPrompt;
    if (again.params) {
      this.#unreadable = [];
      this.params = { ...again.params };
    }
  }

  /** Choose the recording's models (up to four): the ones a loaded recording is for. */
  chooseRecorded(): void {
    this.choose(this.recorded.map((c) => c.id));
  }

  /** Drop models no longer offered (another recording, another device). */
  keepOnly(available: readonly string[]): void {
    const kept = this.selected.filter((id) => available.includes(id));
    if (kept.length === this.selected.length) return;
    const lost = this.selected.filter((id) => !kept.includes(id) && this.#requested.includes(id));
    if (lost.length > 0) this.leftOut = [...this.leftOut, ...lost];
    this.selected = kept;
  }

  #forgetRequested(): void {
    this.#requested = [];
    this.leftOut = [];
  }

  /**
   * Set one number; `undefined` (an emptied field) means the model's default, NaN (text that is
   * not a number) blocks the comparison until the field is fixed.
   */
  setNumber(key: NumericParam, value: number | undefined): void {
    const unreadable = value !== undefined && Number.isNaN(value);
    this.#unreadable = [...this.#unreadable.filter((k) => k !== key), ...(unreadable ? [key] : [])];
    if (unreadable) return;
    const next: SamplingParams = { ...this.params };
    if (value === undefined) delete next[key];
    else next[key] = value;
    this.params = next;
  }

  resetParams(): void {
    this.#unreadable = [];
    this.params = defaultCompareParams();
    this.systemPrompt = "";
  }
}
