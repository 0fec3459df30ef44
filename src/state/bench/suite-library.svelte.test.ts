import { describe, expect, it } from "vitest";
import { PolymathError } from "../../core/errors";
import { importSuite } from "../../core/scoring/importers/import-suite";
import { parsePolymathSuite } from "../../core/scoring/importers/polymath-suite";
import { codeSuite } from "../../core/scoring/suites/index";
import { failOnWrite } from "../../core/storage/failing-store";
import { createMemoryStore } from "../../core/storage/memory-store";
import { createSuiteStore } from "../../core/storage/suites";
import type { KeyValueStore } from "../../core/storage/kv-store";
import { SuiteImport, type SuiteParser } from "./suite-import.svelte";
import { SuiteLibrary } from "./suite-library.svelte";

const GSM8K = [
  { question: "Fixture: 2 + 3?", answer: "2 + 3 = 5\n#### 5" },
  { question: "Fixture: 4 * 4?", answer: "#### 16" },
]
  .map((l) => JSON.stringify(l))
  .join("\n");

const OTHER_GSM8K = JSON.stringify({ question: "Fixture: 1 + 1?", answer: "#### 2" });

/** Parses in this thread with the real importers (the worker does the same). */
const parser: SuiteParser = {
  importSuite: async (fileName, bytes, format) => {
    const suite = importSuite(fileName, new TextDecoder().decode(bytes), format);
    return { suite, format: format ?? "gsm8k" };
  },
};

const file = (name: string, text: string) => ({
  name,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

function setup(kv: KeyValueStore = createMemoryStore(), fetcher?: typeof fetch) {
  const library = new SuiteLibrary(
    async () => ({ store: createSuiteStore(kv) }),
    () => 1000,
  );
  const importer = new SuiteImport(library, () => parser, fetcher);
  return { library, importer, kv };
}

describe("SuiteLibrary and SuiteImport", () => {
  it("lists the built-in suites first, then imported ones that survive a new instance", async () => {
    const { library, importer, kv } = setup();
    await library.load();
    expect(library.all.map((s) => s.id)).toEqual(library.builtIn.map((s) => s.id));
    expect(await importer.fromFile(file("gsm8k.jsonl", GSM8K))).toBe(true);
    expect(importer.added).toMatchObject({ id: "import-gsm8k-jsonl", itemCount: 2 });
    expect(library.all.at(-1)?.id).toBe("import-gsm8k-jsonl");
    const again = setup(kv).library;
    await again.load();
    expect(again.imported.map((s) => s.itemCount)).toEqual([2]);
    expect((await again.get("import-gsm8k-jsonl"))?.items[1]).toMatchObject({ answer: "16" });
  });

  it("gives a second file of the same name its own id and name instead of replacing the first", async () => {
    const { library, importer } = setup();
    await importer.fromFile(file("gsm8k.jsonl", GSM8K));
    expect(await importer.fromFile(file("gsm8k.jsonl", OTHER_GSM8K))).toBe(true);
    expect(library.imported.map((s) => [s.id, s.name, s.itemCount]).sort()).toEqual([
      ["import-gsm8k-jsonl", "gsm8k.jsonl", 2],
      ["import-gsm8k-jsonl-2", "gsm8k.jsonl (2)", 1],
    ]);
    expect(importer.added?.name).toBe("gsm8k.jsonl (2)");
  });

  it("says a suite with exactly the same items is already imported, and adds nothing", async () => {
    const { library, importer } = setup();
    await importer.fromFile(file("gsm8k.jsonl", GSM8K));
    expect(await importer.fromFile(file("copy.jsonl.gz", GSM8K))).toBe(false);
    expect(importer.added).toBeNull();
    expect(importer.error).toBeNull();
    expect(importer.existing).toMatchObject({ id: "import-gsm8k-jsonl", name: "gsm8k.jsonl" });
    expect(library.imported).toHaveLength(1);
    // A built-in suite exported and read back is recognised too.
    const { text } = library.exportFile(codeSuite);
    const polymath: SuiteParser = {
      importSuite: async (name, bytes) => ({
        suite: parsePolymathSuite(new TextDecoder().decode(bytes), name),
        format: "polymath-suite",
      }),
    };
    const again = new SuiteImport(library, () => polymath);
    expect(await again.fromFile(file("code.jsonl", text))).toBe(false);
    expect(again.existing?.id).toBe(codeSuite.id);
    // The next import clears the notice.
    expect(await importer.fromFile(file("other.jsonl", OTHER_GSM8K))).toBe(true);
    expect(importer.existing).toBeNull();
  });

  it("adds nothing when the file is malformed, and shows the line", async () => {
    const { library, importer } = setup();
    await library.load();
    const broken = `${GSM8K}\n{"question": "Fixture", "answer": "no final line"}`;
    expect(await importer.fromFile(file("gsm8k.jsonl", broken))).toBe(false);
    expect(importer.error?.code).toBe("malformed-input");
    expect(importer.error?.message).toMatch(/^line 3: /);
    expect(library.imported).toEqual([]);
  });

  it("explains a full disk and keeps the list as it was", async () => {
    let full = false;
    const { store: kv } = failOnWrite(createMemoryStore(), () => full);
    const { library, importer } = setup(kv);
    await importer.fromFile(file("a.jsonl", GSM8K));
    full = true;
    expect(await importer.fromFile(file("b.jsonl", OTHER_GSM8K))).toBe(false);
    expect(importer.error?.code).toBe("storage-full");
    expect(library.imported.map((s) => s.id)).toEqual(["import-a-jsonl"]);
  });

  it("imports from a URL, naming the file after its last path segment", async () => {
    const seen: string[] = [];
    const fetcher = (async (url: string) => {
      seen.push(url);
      return new Response(GSM8K, { status: 200 });
    }) as typeof fetch;
    const { importer } = setup(undefined, fetcher);
    importer.url = "https://example.org/data/test%20set.jsonl";
    expect(await importer.fromUrl()).toBe(true);
    expect(seen).toEqual(["https://example.org/data/test%20set.jsonl"]);
    expect(importer.added?.source).toBe("test set.jsonl");
  });

  it("explains a bad address, a failed download and an HTTP error", async () => {
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const { importer } = setup(undefined, failing);
    importer.url = "ftp://example.org/x.jsonl";
    expect(await importer.fromUrl()).toBe(false);
    expect(importer.error?.code).toBe("invalid-request");
    importer.url = "https://example.org/x.jsonl";
    await importer.fromUrl();
    expect(importer.error?.code).toBe("network");
    expect(importer.error?.advice).toMatch(/CORS/);
    const missing = setup(
      undefined,
      (async () => new Response("", { status: 404 })) as typeof fetch,
    );
    missing.importer.url = "https://example.org/x.jsonl";
    await missing.importer.fromUrl();
    expect(missing.importer.error?.code).toBe("not-found");
  });

  it("deletes imported suites but never built-in ones", async () => {
    const { library, importer } = setup();
    await importer.fromFile(file("gsm8k.jsonl", GSM8K));
    await library.remove("import-gsm8k-jsonl");
    await library.remove(codeSuite.id);
    expect(library.imported).toEqual([]);
    expect(library.summary(codeSuite.id)).toBeDefined();
  });

  it("exports a suite as a Polymath suite file that reads back the same", () => {
    const { library } = setup();
    const { fileName, text } = library.exportFile(codeSuite);
    expect(fileName).toBe("code-javascript.jsonl");
    expect(parsePolymathSuite(text, "built-in")).toEqual(codeSuite);
  });

  it("reports a store that cannot persist", async () => {
    const notice = new PolymathError("storage-unavailable", "not kept");
    const library = new SuiteLibrary(async () => ({
      store: createSuiteStore(createMemoryStore()),
      error: notice,
    }));
    await library.load();
    expect(library.storageNotice).toBe(notice);
  });
});
