/**
 * "Add a remote endpoint": a base URL and optional API key, the server's model list (fetched from
 * `/v1/models`, or names typed in), a role and domains per chosen model, and how many requests a
 * bench may send at once. Saving keeps the endpoint on this device only.
 */
import type { ModelDomain } from "../../core/catalog/types";
import {
  DEFAULT_MAX_CONCURRENT,
  defaultModelConfig,
  endpointId,
  normalizeBaseUrl,
  type RemoteEndpoint,
  type RemoteModelConfig,
} from "../../core/engine/remote/endpoint";
import { PolymathError, toPolymathError } from "../../core/errors";

export interface EndpointFormDeps {
  /** The model names the server lists; rejects with a PolymathError. */
  listModels: (endpoint: Pick<RemoteEndpoint, "baseUrl" | "apiKey">) => Promise<string[]>;
  save: (endpoint: RemoteEndpoint) => Promise<void>;
  remove: (id: string) => Promise<void>;
  endpoints: () => readonly RemoteEndpoint[];
  now?: () => number;
}

/** A model offered by the server (or typed in), with whether the user picked it. */
export interface OfferedModel extends RemoteModelConfig {
  picked: boolean;
}

/** Lists up to this long start with every model picked; longer ones (hosted providers) with none. */
const PICK_ALL_UP_TO = 5;

export class EndpointForm {
  baseUrl = $state("");
  apiKey = $state("");
  maxConcurrent = $state<number | string>(DEFAULT_MAX_CONCURRENT);
  typed = $state("");
  offered = $state<OfferedModel[]>([]);
  fetching = $state(false);
  saving = $state(false);
  error = $state<PolymathError | null>(null);
  /** The last endpoint saved, for a confirmation. */
  saved = $state<string | null>(null);
  readonly #deps: EndpointFormDeps;

  constructor(deps: EndpointFormDeps) {
    this.#deps = deps;
  }

  get endpoints(): readonly RemoteEndpoint[] {
    return this.#deps.endpoints();
  }

  /** Ask the server for its models; they are offered with a default role each. */
  async fetchModels(): Promise<void> {
    const baseUrl = this.#baseUrl();
    if (!baseUrl) return;
    this.fetching = true;
    this.error = null;
    try {
      const names = await this.#deps.listModels({ baseUrl, apiKey: this.apiKey.trim() });
      const known = this.offered;
      this.offered = names.map(
        (name) =>
          known.find((m) => m.name === name) ?? {
            ...defaultModelConfig(name),
            picked: names.length <= PICK_ALL_UP_TO,
          },
      );
      if (names.length === 0) {
        this.error = new PolymathError("not-found", `${baseUrl} lists no models.`, {
          advice: "Type the model's name below (the one the server was started with).",
        });
      }
    } catch (e) {
      this.error = toPolymathError(e);
    } finally {
      this.fetching = false;
    }
  }

  /** Offer a model by the name typed in (servers without `/v1/models`). */
  addTyped(): void {
    const name = this.typed.trim();
    if (name === "") return;
    if (!this.offered.some((m) => m.name === name)) {
      this.offered = [...this.offered, { ...defaultModelConfig(name), picked: true }];
    }
    this.typed = "";
  }

  setRole(name: string, role: RemoteModelConfig["role"]): void {
    this.#update(name, (m) => ({ ...m, role }));
  }

  setDomains(name: string, domains: ModelDomain[]): void {
    this.#update(name, (m) => ({ ...m, domains }));
  }

  setPicked(name: string, picked: boolean): void {
    this.#update(name, (m) => ({ ...m, picked }));
  }

  /** Keep the endpoint with its picked models; false when something is missing. */
  async save(): Promise<boolean> {
    const baseUrl = this.#baseUrl();
    if (!baseUrl) return false;
    const models = this.offered
      .filter((m) => m.picked)
      .map(({ name, role, domains }) => ({ name, role, domains: [...domains] }));
    if (models.length === 0) {
      this.error = new PolymathError("invalid-request", "Pick at least one model.", {
        advice: "Fetch the server's models, or type a model name and add it.",
      });
      return false;
    }
    const concurrent = Math.floor(Number(this.maxConcurrent));
    const id = endpointId(baseUrl);
    const endpoint: RemoteEndpoint = {
      id,
      baseUrl,
      apiKey: this.apiKey.trim(),
      models,
      maxConcurrent: Number.isFinite(concurrent) && concurrent >= 1 ? Math.min(concurrent, 64) : 1,
      addedAt: this.endpoints.find((e) => e.id === id)?.addedAt ?? (this.#deps.now ?? Date.now)(),
    };
    this.saving = true;
    this.error = null;
    try {
      await this.#deps.save(endpoint);
      this.saved = baseUrl;
      this.baseUrl = "";
      this.apiKey = "";
      this.offered = [];
      return true;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Forget an endpoint and its key. */
  async remove(id: string): Promise<void> {
    this.error = null;
    try {
      await this.#deps.remove(id);
    } catch (e) {
      this.error = toPolymathError(e);
    }
  }

  #baseUrl(): string | null {
    const baseUrl = normalizeBaseUrl(this.baseUrl);
    if (!baseUrl) {
      this.error = new PolymathError("invalid-request", "Enter the server's base URL.", {
        advice:
          "For example http://localhost:8000/v1 (vLLM) or http://localhost:11434/v1 (Ollama).",
      });
    }
    return baseUrl;
  }

  #update(name: string, change: (m: OfferedModel) => OfferedModel): void {
    this.offered = this.offered.map((m) => (m.name === name ? change(m) : m));
  }
}
