import { describe, expect, it } from "vitest";
import { isPolymathError } from "../errors";
import { readDocument, wrapDocument, type DocumentSchema } from "./versioned";

interface V3 {
  name: string;
  tags: string[];
  size: number;
}

const schema: DocumentSchema<V3> = {
  name: "thing",
  version: 3,
  migrations: {
    1: (d) => ({ name: (d as { title: string }).title }),
    2: (d) => ({ ...(d as { name: string }), tags: [], size: 0 }),
  },
  validate: (d): d is V3 => typeof (d as V3).name === "string" && Array.isArray((d as V3).tags),
};

describe("versioned documents", () => {
  it("reads the current version as is", () => {
    const doc = wrapDocument(schema, { name: "a", tags: ["x"], size: 2 });
    expect(doc.schema).toBe(3);
    expect(readDocument(schema, doc)).toEqual({ name: "a", tags: ["x"], size: 2 });
  });

  it("upgrades through every migration in order", () => {
    expect(readDocument(schema, { schema: 1, data: { title: "old" } })).toEqual({
      name: "old",
      tags: [],
      size: 0,
    });
  });

  it("refuses versions newer than it knows", () => {
    expect(() => readDocument(schema, { schema: 4, data: {} })).toThrow(
      expect.objectContaining({ code: "schema-too-new" }),
    );
  });

  it("refuses unwrapped, unmigratable and misshapen data", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isPolymathError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(codeOf(() => readDocument(schema, { name: "raw" }))).toBe("malformed-input");
    expect(codeOf(() => readDocument(schema, { schema: 0, data: {} }))).toBe("malformed-input");
    expect(codeOf(() => readDocument(schema, { schema: 3, data: { name: 1 } }))).toBe(
      "malformed-input",
    );
  });
});
