/**
 * The first screen: what Polymath is for and the two ways in. "See a result" replays the build's
 * recording (a real one when shipped, else a synthetic demo that says so); "run it on your
 * device" offers a comparison that fits, with what it downloads, asked before anything is.
 */
import { PRESETS } from "../../core/catalog/presets";
import type { CatalogEntry } from "../../core/catalog/types";
import type { DeviceProfile } from "../../core/device/types";
import { toPolymathError, type PolymathError } from "../../core/errors";
import {
  pickShowcase,
  runHereOffer,
  type RunHereOffer,
  type ShowcaseEntry,
} from "../../core/first-visit/offer";

export interface HomeDeps {
  profile: () => DeviceProfile | null;
  entries: () => readonly CatalogEntry[];
  /** The recordings the build ships (its `recordings/index.json`). */
  showcases: () => Promise<ShowcaseEntry[]>;
  /** Replay `entry` and open it in Compare, answering its first prompt. */
  openShowcase: (entry: ShowcaseEntry) => Promise<void>;
  /** Choose `offer`'s models in Compare once the user agreed to the download; false if not. */
  openOffer: (offer: RunHereOffer) => Promise<boolean>;
  /** Models the catalog offers on the CPU runtime (they run without WebGPU). */
  cpuModels?: () => number;
}

export class HomeState {
  #deps: HomeDeps;
  /** The recording "see a result" plays; null until read, or when the build ships none. */
  showcase = $state.raw<ShowcaseEntry | null>(null);
  /** The shipped list has been read. */
  checked = $state(false);
  /** What "see a result" or "run it here" could not do. */
  error = $state<PolymathError | null>(null);
  /** Set after the user declined the download: nothing was downloaded. */
  declined = $state(false);
  working = $state(false);
  profile = $derived.by(() => this.#deps.profile());
  noGpu = $derived(this.profile?.verdict === "no-webgpu");
  offer = $derived.by(() =>
    this.profile ? runHereOffer(PRESETS, this.#deps.entries(), this.profile) : null,
  );
  cpuModels = $derived.by(() => this.#deps.cpuModels?.() ?? 0);

  constructor(deps: HomeDeps) {
    this.#deps = deps;
  }

  /** Read which recording the build ships. */
  async start(): Promise<void> {
    try {
      this.showcase = pickShowcase(await this.#deps.showcases());
    } catch {
      this.showcase = null;
    }
    this.checked = true;
  }

  async see(): Promise<void> {
    if (!this.showcase) return;
    await this.#work(() => this.#deps.openShowcase(this.showcase!));
  }

  async run(): Promise<void> {
    const offer = this.offer;
    if (!offer) return;
    this.declined = false;
    await this.#work(async () => {
      this.declined = !(await this.#deps.openOffer(offer));
    });
  }

  async #work(job: () => Promise<void>): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.error = null;
    try {
      await job();
    } catch (e) {
      this.error = toPolymathError(e);
    } finally {
      this.working = false;
    }
  }
}
