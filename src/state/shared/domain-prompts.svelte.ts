/**
 * The prompt-specialized generalist's domain prompts as the user edited them: one set for the
 * bench's run setup and for Chat's and Compare's choice, kept in settings (null there: Polymath's
 * defaults). Read once on first use; an edit applies at once and is kept when `save` is called (a
 * text field's change), and `notSaved` says when it could not be kept for later visits.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import { DEFAULT_DOMAIN_PROMPTS, type DomainPrompts } from "../../core/routing/domain-prompts";
import type { RouteLabel } from "../../core/routing/labels";

export interface DomainPromptsDeps {
  load: () => Promise<DomainPrompts | null>;
  save: (prompts: DomainPrompts | null) => Promise<void>;
}

const DEFAULTS_JSON = JSON.stringify(DEFAULT_DOMAIN_PROMPTS);
const defaults = (): DomainPrompts => structuredClone(DEFAULT_DOMAIN_PROMPTS) as DomainPrompts;

export class DomainPromptsState {
  prompts = $state.raw<DomainPrompts>(defaults());
  /** The prompts differ from Polymath's defaults. */
  changed = $derived(JSON.stringify(this.prompts) !== DEFAULTS_JSON);
  notSaved = $state.raw<PolymathError | null>(null);
  readonly ready: Promise<void>;
  readonly #deps: DomainPromptsDeps;
  #edited = false;

  constructor(deps: DomainPromptsDeps) {
    this.#deps = deps;
    this.ready = deps.load().then(
      (stored) => {
        if (stored && !this.#edited) this.prompts = stored;
      },
      () => undefined,
    );
  }

  /** A label's system prompt as edited (kept once `save` is called). */
  edit(label: RouteLabel, system: string): void {
    this.#edited = true;
    this.prompts = { ...this.prompts, [label]: { ...this.prompts[label], system } };
  }

  /** Keep the prompts as they are now. */
  save(): Promise<void> {
    return this.#save(this.changed ? this.prompts : null);
  }

  /** Back to Polymath's defaults. */
  reset(): Promise<void> {
    this.#edited = true;
    this.prompts = defaults();
    return this.#save(null);
  }

  async #save(prompts: DomainPrompts | null): Promise<void> {
    try {
      await this.#deps.save(prompts);
      this.notSaved = null;
    } catch (e) {
      this.notSaved = toPolymathError(e);
    }
  }
}
