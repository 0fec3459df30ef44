/** Polymath's own suite format (SUITE_FORMAT.md): a header line, then one item per line. */
import { PolymathError } from "../../errors";
import type { Suite } from "../types";
import { checkUniqueIds, Fields, malformed, parseJsonLines } from "./lines";
import { readSuiteItem } from "./suite-items";

export const SUITE_FORMAT_VERSION = 1;

/** A whole suite from Polymath suite JSONL; `source` says where the text came from. */
export function parsePolymathSuite(text: string, source: string): Suite {
  const [header, ...rows] = parseJsonLines(text);
  if (header === undefined) throw malformed(0, "the file is empty");
  const h = new Fields(header.value, header.line);
  const version = header.value["polymath_suite"];
  if (version === undefined)
    throw h.fail('the first line must be the header {"polymath_suite": 1, …}');
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw h.fail('"polymath_suite" must be a whole number');
  }
  if (version > SUITE_FORMAT_VERSION) {
    throw new PolymathError(
      "schema-too-new",
      `This suite uses format version ${version}; this Polymath reads version ${SUITE_FORMAT_VERSION}.`,
    );
  }
  const name = h.string("name").trim();
  if (name === "") throw h.fail('"name" is empty');
  const description = h.optionalString("description") ?? "";
  if (rows.length === 0) throw malformed(header.line, "the suite has no items");
  const items = rows.map(({ value, line }) => readSuiteItem(new Fields(value, line)));
  checkUniqueIds(items.map((item, i) => ({ id: item.id, line: rows[i]?.line ?? 0 })));
  const id = h.optionalString("id") ?? slug(name);
  return { id, name, description, source, items };
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "suite"
  );
}

/** A suite as Polymath suite JSONL (what parsePolymathSuite reads back). */
export function serializePolymathSuite(suite: Suite): string {
  const header = {
    polymath_suite: SUITE_FORMAT_VERSION,
    id: suite.id,
    name: suite.name,
    description: suite.description,
  };
  return [header, ...suite.items].map((v) => JSON.stringify(v)).join("\n") + "\n";
}
