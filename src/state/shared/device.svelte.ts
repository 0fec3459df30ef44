import type { DeviceProfile, GpuProbe } from "../../core/device/types";
import type { PolymathError } from "../../core/errors";
// The probe loads as its own chunk beside the profile logic, off the entry chunk.
const gpu = () => import("../../platform/gpu-probe");

/** Where the user's memory-budget override is kept between visits. */
export interface BudgetPersistence {
  load(): Promise<number | undefined>;
  save(mb: number | undefined): Promise<void>;
}

/** What the app knows about this device: the raw probe and Polymath's profile of it. */
export class DeviceState {
  probe = $state<GpuProbe | null>(null);
  budgetOverrideMB = $state<number | undefined>(undefined);
  /** Why the last budget change could not be kept for later visits (it applies for this one). */
  saveError = $state.raw<PolymathError | null>(null);
  // The profile logic (verdicts, advice texts) loads beside the probe, off the entry chunk.
  #build = $state.raw<typeof import("../../core/device/profile").buildDeviceProfile | null>(null);
  profile = $derived<DeviceProfile | null>(
    this.probe && this.#build
      ? this.#build(this.probe, { memoryBudgetMB: this.budgetOverrideMB })
      : null,
  );
  #persistence: BudgetPersistence;
  #started: Promise<void> | null = null;

  constructor(persistence: BudgetPersistence) {
    this.#persistence = persistence;
  }

  /** Probe once; later calls return the same promise. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      const [probe, override, profileModule] = await Promise.all([
        gpu().then((m) => m.probeGpu()),
        this.#persistence.load().catch(() => undefined),
        import("../../core/device/profile"),
      ]);
      this.#build = profileModule.buildDeviceProfile;
      this.budgetOverrideMB = override;
      this.probe = probe;
    })();
    return this.#started;
  }

  /** Re-read storage figures (after a download or a delete). */
  async refresh(): Promise<void> {
    this.probe = await (await gpu()).probeGpu();
  }

  /**
   * Use `mb` (undefined: the estimate) from now on, and keep it for later visits. When it cannot be
   * kept, it still applies now and `saveError` says it will not survive a reload.
   */
  async setBudgetOverride(mb: number | undefined): Promise<void> {
    this.budgetOverrideMB = mb;
    try {
      await this.#persistence.save(mb);
      this.saveError = null;
    } catch (e) {
      const { toPolymathError } = await import("../../core/errors");
      this.saveError = toPolymathError(e);
    }
  }

  async persistStorage(): Promise<boolean> {
    const granted = await (await gpu()).requestPersistentStorage();
    await this.refresh();
    return granted;
  }
}
