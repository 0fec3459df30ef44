/**
 * The "bring your own specialist" form: validates as the user types, checks that the model's
 * chat config is reachable before adding, and holds back a library built for another web-llm
 * version until the user confirms.
 */
import {
  checkCustomModel,
  checkModelLibVersion,
  customModelWarnings,
  type CustomModel,
  type LibVersionCheck,
} from "../../core/catalog/custom";
import type { ModelDomain } from "../../core/catalog/types";
import { toPolymathError, type PolymathError } from "../../core/errors";

export interface CustomFormValues {
  name: string;
  modelUrl: string;
  modelLibUrl: string;
  role: string;
  domains: ModelDomain[];
  /** A number input's value: a number, or null or "" when empty. */
  vramMB: number | string | null;
  id: string;
}

export interface CustomFormDeps {
  existingIds: () => Iterable<string>;
  /** The model library version web-llm expects, e.g. "v0_2_86/base". */
  runtimeVersion: () => string;
  /** Resolves when web-llm will find the model's files; rejects with a PolymathError. */
  checkFolder: (modelUrl: string) => Promise<void>;
  /** Rejects when the model library is not WebAssembly; a warning when it cannot be read now. */
  checkLibrary?: (modelLibUrl: string) => Promise<string | null>;
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
  /** Set once the user tried to add: from then on every invalid field shows its error. */
  submitted = $state(false);
  checking = $state(false);
  /** A failure of the reachability check or the save. */
  error = $state<PolymathError | null>(null);
  /** A library built for another web-llm version, waiting for "Add anyway". */
  mismatch = $state<LibVersionCheck | null>(null);
  /** The last model added, with what to know about it. */
  added = $state<{ model: CustomModel; warnings: string[] } | null>(null);

  /** The validated model, or one error per invalid field. */
  result = $derived(this.#validate());
  /** After a submit: each invalid field's error, keyed by field name. */
  fieldErrors = $derived<Record<string, PolymathError>>(
    this.submitted && "errors" in this.result
      ? Object.fromEntries(this.result.errors.map((e) => [String(e.details.field ?? "form"), e]))
      : {},
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
    if ("errors" in this.result) return false;
    const model = this.result.model;
    const version = checkModelLibVersion(model.modelLibUrl, this.#deps.runtimeVersion());
    if (version.status === "mismatch" && !force) {
      this.mismatch = version;
      return false;
    }
    this.mismatch = null;
    this.checking = true;
    try {
      const warnings = [...this.warnings];
      await this.#deps.checkFolder(model.modelUrl);
      const library = await this.#deps.checkLibrary?.(model.modelLibUrl);
      if (library) warnings.push(library);
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

  #validate(): ReturnType<typeof checkCustomModel> {
    return checkCustomModel(
      { ...this.values, domains: [...this.values.domains] },
      { existingIds: this.#deps.existingIds(), now: 0 },
    );
  }

  #warnings(): string[] {
    return "errors" in this.result
      ? []
      : customModelWarnings(this.result.model, this.#deps.runtimeVersion());
  }

  toggleDomain(domain: ModelDomain, on: boolean): void {
    const rest = this.values.domains.filter((d) => d !== domain);
    this.values.domains = on ? [...rest, domain] : rest;
  }
}
