/**
 * Custom models repository: the models the user added by URL ("bring your own specialist"), one
 * versioned document per model under key `model:<id>`, schema version 1 (`CustomModel` from
 * src/core/catalog/custom.ts). Weights are not here: web-llm caches those itself.
 */
import { validateCustomModel, type CustomModel } from "../catalog/custom";
import type { KeyValueStore } from "./kv-store";
import { guardWrite } from "./storage-errors";
import { readDocument, wrapDocument, type DocumentSchema } from "./versioned";

export const CUSTOM_MODELS_SCHEMA_VERSION = 1;

const PREFIX = "model:";

const schema: DocumentSchema<CustomModel> = {
  name: "custom model",
  version: CUSTOM_MODELS_SCHEMA_VERSION,
  migrations: {},
  // A stored model must still pass the same checks as one typed into the form.
  validate: (data): data is CustomModel => isStoredCustomModel(data),
};

export interface CustomModelStore {
  /** Every readable model, oldest first; damaged or newer-schema entries are left stored but skipped. */
  list(): Promise<CustomModel[]>;
  /** Create or replace the model with this id (`storage-full` when out of space). */
  save(model: CustomModel): Promise<void>;
  remove(id: string): Promise<void>;
}

/** A custom model store over `store`. */
export function createCustomModelStore(store: KeyValueStore): CustomModelStore {
  return {
    list: async () => {
      const models: CustomModel[] = [];
      for (const [key, value] of await store.entries<unknown>()) {
        if (!key.startsWith(PREFIX)) continue;
        try {
          models.push(readDocument(schema, value));
        } catch {
          // Kept, not deleted: a newer Polymath may read it; this one cannot.
        }
      }
      return models.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
    },
    save: (model) =>
      guardWrite(`the custom model "${model.name}"`, () =>
        store.set(PREFIX + model.id, wrapDocument(schema, model)),
      ),
    remove: (id) => guardWrite("the custom model list", () => store.del(PREFIX + id)),
  };
}

function isStoredCustomModel(data: unknown): boolean {
  if (typeof data !== "object" || data === null) return false;
  const model = data as Partial<CustomModel>;
  if (typeof model.id !== "string" || typeof model.addedAt !== "number") return false;
  const checked = validateCustomModel(
    { ...model, domains: Array.isArray(model.domains) ? model.domains : [] },
    { existingIds: [], now: model.addedAt },
  );
  return !(checked instanceof Error) && checked.id === model.id;
}
