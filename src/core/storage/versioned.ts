/**
 * Versioned documents: every stored value is `{ schema: N, data }`. Reading upgrades older
 * versions step by step through the document's migrations, so a repository only ever sees the
 * current shape; a version newer than the app knows is refused rather than misread.
 */
import { PolymathError } from "../errors";

export interface Versioned<T> {
  schema: number;
  data: T;
  /**
   * How many times this document was saved (collections count it from 1): a save made from an
   * older revision is refused instead of silently overwriting another tab's changes.
   */
  rev?: number;
}

export interface DocumentSchema<T> {
  /** For messages: "conversation", "settings"… */
  name: string;
  /** The version this app writes. */
  version: number;
  /** `migrations[v]` turns the data of version v into version v + 1. */
  migrations: Record<number, (data: unknown) => unknown>;
  /** Optional final check of the current shape; throw or return false to reject. */
  validate?: (data: unknown) => data is T;
}

/** Wrap current-version data for storage. */
export function wrapDocument<T>(schema: DocumentSchema<T>, data: T): Versioned<T> {
  return { schema: schema.version, data };
}

/** True when `doc` has the `{ schema, data }` envelope. */
export function isVersioned(doc: unknown): doc is Versioned<unknown> {
  return (
    typeof doc === "object" &&
    doc !== null &&
    Number.isInteger((doc as Versioned<unknown>).schema) &&
    "data" in doc
  );
}

/** Unwrap a stored document, upgrading it to the current version (`schema-too-new`, `malformed-input`). */
export function readDocument<T>(schema: DocumentSchema<T>, doc: unknown): T {
  if (!isVersioned(doc)) {
    throw new PolymathError("malformed-input", `This ${schema.name} is not a Polymath document.`, {
      advice: "The stored data is damaged or was written by another app; it cannot be read.",
    });
  }
  if (doc.schema > schema.version) {
    throw new PolymathError(
      "schema-too-new",
      `This ${schema.name} uses schema ${doc.schema}; this version of Polymath reads up to ${schema.version}.`,
      { details: { found: doc.schema, known: schema.version } },
    );
  }
  let data = doc.data;
  for (let v = doc.schema; v < schema.version; v++) {
    const migrate = schema.migrations[v];
    if (!migrate) {
      throw new PolymathError(
        "malformed-input",
        `No upgrade from ${schema.name} schema ${v} to ${v + 1}.`,
        { details: { found: doc.schema } },
      );
    }
    data = migrate(data);
  }
  if (schema.validate && !schema.validate(data)) {
    throw new PolymathError("malformed-input", `This ${schema.name} has an unexpected shape.`, {
      advice: "The stored data is damaged; it cannot be read.",
    });
  }
  return data as T;
}
