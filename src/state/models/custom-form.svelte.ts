/**
 * The "bring your own specialist" form: validates as the user types, checks that the model's
 * chat config is reachable before adding, and holds back a library built for another web-llm
 * version until the user confirms.
 */
import {
  checkModelLibVersion,
  customModelWarnings,
  validateCustomModel,
  type CustomModel,
  type LibVersionCheck,
} from "../../core/catalog/custom";
import type { ModelDomain } from "../../core/catalog/types";
import { PolymathError, toPolymathError } from "../../core/errors";

export interface CustomFormValues {
  name: string;
  modelUrl: string;
  modelLibUrl: string;
  role: string;
  domains: ModelDomain[];
  vramMB: string;
  id: string;
}

export interface CustomFormDeps {
  existingIds: () => Iterable<string>;
  /** The model library version web-llm expects, e.g. "v0_2_86/base". */
  runtimeVersion: () => string;
  /** Resolves when web-llm will find the model's files; rejects with a PolymathError. */
  checkFolder: (modelUrl: string) => Promise<void>;
  save: (model: CustomModel) => Promise<void>;
  now?: () => number;
}

const EMPTY: CustomFormValues = {
  name: "",
  modelUrl: "",
  modelLibUrl: "",
  role: "specialist",
  domains: [],
  vramMB: "",
  id: "",
};

export class CustomModelForm {
  #deps: CustomFormDeps;
  values = $state<CustomFormValues>({ ...EMPTY, domains: [] });
  /** Shown once the user tried to add: the field a validation error names. */
  submitted = $state(false);
  checking = $state(false);
  /** A failure of the reachability check or the save. */
  error = $state<PolymathError | null>(null);
  /** A library built for another web-llm version, waiting for "Add anyway". */
  mismatch = $state<LibVersionCheck | null>(null);
  /** The last model added, with what to know about it. */
  added = $state<{ model: CustomModel; warnings: string[] } | null>(null);

  /** The validated model, or the error naming the field. */
  result = $derived(this.#validate());
  fieldError = $derived(
    this.submitted && this.result instanceof PolymathError
      ? { field: String(this.result.details.field ?? "form"), error: this.result }
      : null,
  );
  warnings = $derived(this.#warnings());

  constructor(deps: CustomFormDeps) {
    this.#deps = deps;
  }

  /** Validate, check the files are reachable, then save. `force` accepts a version mismatch. */
  async submit(force = false): Promise<boolean> {
    this.submitted = true;
    this.error = null;
    this.added = null;
    const model = this.result;
    if (model instanceof PolymathError) return false;
    const version = checkModelLibVersion(model.modelLibUrl, this.#deps.runtimeVersion());
    if (version.status === "mismatch" && !force) {
      this.mismatch = version;
      return false;
    }
    this.mismatch = null;
    this.checking = true;
    try {
      const warnings = this.warnings;
      await this.#deps.checkFolder(model.modelUrl);
      const saved = { ...model, addedAt: (this.#deps.now ?? Date.now)() };
      await this.#deps.save(saved);
      this.added = { model: saved, warnings };
      this.values = { ...EMPTY, domains: [] };
      this.submitted = false;
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    } finally {
      this.checking = false;
    }
  }

  #validate(): CustomModel | PolymathError {
    return validateCustomModel(
      { ...this.values, domains: [...this.values.domains] },
      { existingIds: this.#deps.existingIds(), now: 0 },
    );
  }

  #warnings(): string[] {
    const model = this.result;
    return model instanceof PolymathError
      ? []
      : customModelWarnings(model, this.#deps.runtimeVersion());
  }

  toggleDomain(domain: ModelDomain, on: boolean): void {
    const rest = this.values.domains.filter((d) => d !== domain);
    this.values.domains = on ? [...rest, domain] : rest;
  }
}
