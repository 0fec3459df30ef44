/**
 * The user's routed team for Chat and Compare ("Auto"): the fallback generalist and the member per
 * router label they picked, shared by both views and kept in settings. Read once on first use;
 * a change applies at once, and `notSaved` says when it could not be kept for later visits.
 */
import { toPolymathError, type PolymathError } from "../../core/errors";
import { NO_TEAM_CHOICE, type MappingChoice, type TeamChoice } from "../../core/routing/team";

export interface TeamChoiceDeps {
  load: () => Promise<TeamChoice>;
  save: (choice: TeamChoice) => Promise<void>;
}

export class TeamChoiceState {
  choice = $state.raw<TeamChoice>(NO_TEAM_CHOICE);
  /** Why the last change could not be kept for later visits (null: it was kept). */
  notSaved = $state.raw<PolymathError | null>(null);
  readonly ready: Promise<void>;
  readonly #deps: TeamChoiceDeps;
  /** A change made before the stored choice arrived wins over it. */
  #changed = false;

  constructor(deps: TeamChoiceDeps) {
    this.#deps = deps;
    this.ready = deps.load().then(
      (choice) => {
        if (!this.#changed) this.choice = choice;
      },
      () => undefined,
    );
  }

  setFallback(id: string): Promise<void> {
    return this.#set({ ...this.choice, fallback: id });
  }

  setMapping(mapping: MappingChoice): Promise<void> {
    return this.#set({ ...this.choice, mapping });
  }

  /** Back to the preset's specialists and the default generalist. */
  reset(): Promise<void> {
    return this.#set(NO_TEAM_CHOICE);
  }

  async #set(choice: TeamChoice): Promise<void> {
    this.#changed = true;
    this.choice = choice;
    try {
      await this.#deps.save(choice);
      this.notSaved = null;
    } catch (e) {
      this.notSaved = toPolymathError(e);
    }
  }
}
