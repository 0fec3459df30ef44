/**
 * The import form: a file or a URL, a format (auto-detected unless chosen), and the outcome.
 * Parsing happens in the scoring worker; a malformed file names its line and adds nothing.
 */
import { PolymathError, toPolymathError } from "../../core/errors";
import type { SuiteFormat } from "../../core/scoring/importers/detect-format";
import type { ImportResult } from "../../core/scoring/protocol";
import type { SuiteSummary } from "../../core/storage/suites";
import type { SuiteLibrary } from "./suite-library.svelte";
import { parseSuiteUrl } from "../../core/scoring/importers/suite-url";

export type FormatChoice = "auto" | SuiteFormat;

/** What the form needs of the scoring worker. */
export interface SuiteParser {
  importSuite(fileName: string, bytes: Uint8Array, format?: SuiteFormat): Promise<ImportResult>;
}

/** A file picked by the user (a `File` has these). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class SuiteImport {
  format = $state<FormatChoice>("auto");
  url = $state("");
  busy = $state(false);
  error = $state<PolymathError | null>(null);
  /** The suite the last import added. */
  added = $state<SuiteSummary | null>(null);
  /** The suite already holding the last import's items (nothing was added). */
  existing = $state<SuiteSummary | null>(null);
  readonly #library: SuiteLibrary;
  readonly #parser: () => SuiteParser;
  readonly #fetch: typeof fetch;

  constructor(
    library: SuiteLibrary,
    parser: () => SuiteParser,
    // Wrapped: a bare `fetch` called as a method of another object throws "Illegal invocation".
    fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.#library = library;
    this.#parser = parser;
    this.#fetch = fetcher;
  }

  /** Import a picked file; true when a suite was added (false too when it was already there). */
  async fromFile(file: PickedFile): Promise<boolean> {
    return this.#run(file.name, async () => new Uint8Array(await file.arrayBuffer()));
  }

  /** Download `url` and import it (a `.gz` file is decompressed). */
  async fromUrl(): Promise<boolean> {
    const parsed = parseSuiteUrl(this.url);
    if (!parsed) {
      this.error = new PolymathError(
        "invalid-request",
        `"${this.url.trim()}" is not a web address.`,
        {
          advice: "Paste a full https:// address of a .jsonl, .jsonl.gz, .json or .csv file.",
        },
      );
      return false;
    }
    return this.#run(parsed.fileName, () => this.#download(parsed.href));
  }

  async #download(href: string): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await this.#fetch(href);
    } catch (e) {
      throw new PolymathError("network", `Could not download ${href}.`, {
        cause: e,
        advice:
          "Check the address and your connection. The server must also allow downloads from other sites (CORS); if it does not, download the file and import it from disk.",
      });
    }
    if (!response.ok) {
      throw new PolymathError(
        response.status === 404 ? "not-found" : "network",
        `${href} answered ${response.status} ${response.statusText}`.trim() + ".",
        { advice: "Check the address; it must point at the file itself, not a page about it." },
      );
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  async #run(name: string, read: () => Promise<Uint8Array>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    this.added = null;
    this.existing = null;
    try {
      const bytes = await read();
      const format = this.format === "auto" ? undefined : this.format;
      const { suite, format: used } = await this.#parser().importSuite(name, bytes, format);
      const { summary, existing } = await this.#library.add(suite, used);
      if (existing) this.existing = summary;
      else this.added = summary;
      return !existing;
    } catch (e) {
      this.error = toPolymathError(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
