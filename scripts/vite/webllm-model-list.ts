import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

const ID = "virtual:webllm-model-list";
const RESOLVED = "\0" + ID;

/**
 * `import { modelList, webllmVersion } from "virtual:webllm-model-list"` gives the main thread
 * web-llm's own `prebuiltAppConfig.model_list`, read from the installed package at build time.
 * The catalog stays in step with web-llm without copied URL lists, and without putting web-llm's
 * code in a main-thread chunk (the 6 MB runtime only loads in the engine worker).
 */
export function webllmModelList(): Plugin {
  return {
    name: "polymath-webllm-model-list",
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const webllm = await import("@mlc-ai/web-llm");
      const require = createRequire(import.meta.url);
      const pkg = JSON.parse(
        readFileSync(require.resolve("@mlc-ai/web-llm/package.json"), "utf8"),
      ) as { version: string };
      return [
        `export const modelList = ${JSON.stringify(webllm.prebuiltAppConfig.model_list)};`,
        `export const webllmVersion = ${JSON.stringify(pkg.version)};`,
        `export const modelVersion = ${JSON.stringify(webllm.modelVersion)};`,
      ].join("\n");
    },
  };
}
