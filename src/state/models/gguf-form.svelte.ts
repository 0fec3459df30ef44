/**
 * The "bring your own GGUF" form: a model for the CPU runtime by URL, or by Hugging Face
 * repository + file, with name, role and domains. Before it is saved the file is checked without
 * downloading it (reachable, CORS, GGUF magic, architecture and shapes from its header), and what
 * the header says sizes its memory need.
 */
import { checkCustomGguf, type CustomModel } from "../../core/catalog/custom";
import type { ModelDomain } from "../../core/catalog/types";
import { toPolymathError, type PolymathError } from "../../core/errors";

export interface GgufFormValues {
  /** "url": a .gguf URL; "repo": a Hugging Face repository and a file in it. */
  from: "url" | "repo";
  url: string;
  repo: string;
  file: string;
  name: string;
  role: string;
  domains: ModelDomain[];
}

/** What the file check found. */
export interface GgufFileFacts {
  architecture: string;
  fileBytes: number;
  contextWindow: number;
  ramMB: number;
}

export interface GgufFormDeps {
  existingIds: () => Iterable<string>;
  /** Reads the file's header; rejects with why it cannot be used. */
  checkFile: (url: string) => Promise<GgufFileFacts>;
  save: (model: CustomModel) => Promise<void>;
  now?: () => number;
}

const EMPTY: GgufFormValues = {
  from: "url",
  url: "",
  repo: "",
  file: "",
  name: "",
  role: "specialist",
  domains: [],
};

export class GgufModelForm {
  values = $state<GgufFormValues>({ ...EMPTY, domains: [] });
  submitted = $state(false);
  checking = $state(false);
  error = $state<PolymathError | null>(null);
  /** The last model added and what its header said. */
  added = $state<{ model: CustomModel; facts: GgufFileFacts } | null>(null);

  result = $derived(this.#validate());
  fieldErrors = $derived<Record<string, PolymathError>>(
    this.submitted && "errors" in this.result
      ? Object.fromEntries(this.result.errors.map((e) => [String(e.details.field ?? "form"), e]))
      : {},
  );

  readonly #deps: GgufFormDeps;

  constructor(deps: GgufFormDeps) {
    this.#deps = deps;
  }

  /** Validate, read the file's header, then save with what it said. */
  async submit(): Promise<boolean> {
    this.submitted = true;
    this.error = null;
    this.added = null;
    if ("errors" in this.result) return false;
    const checked = this.result.model;
    this.checking = true;
    try {
      const facts = await this.#deps.checkFile(checked.modelUrl);
      const model: CustomModel = {
        ...checked,
        architecture: facts.architecture,
        fileBytes: facts.fileBytes,
        contextWindow: facts.contextWindow,
        vramMB: facts.ramMB,
        addedAt: (this.#deps.now ?? Date.now)(),
      };
      await this.#deps.save(model);
      this.added = { model, facts };
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

  toggleDomain(domain: ModelDomain, on: boolean): void {
    const rest = this.values.domains.filter((d) => d !== domain);
    this.values.domains = on ? [...rest, domain] : rest;
  }

  #validate(): ReturnType<typeof checkCustomGguf> {
    const v = this.values;
    return checkCustomGguf(
      {
        runtime: "wllama",
        name: v.name,
        role: v.role,
        domains: [...v.domains],
        ...(v.from === "url" ? { modelUrl: v.url } : { ggufRepo: v.repo, ggufFile: v.file }),
      },
      { existingIds: this.#deps.existingIds(), now: 0 },
    );
  }
}
