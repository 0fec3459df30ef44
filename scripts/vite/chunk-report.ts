import type { Plugin } from "vite";

export interface ChunkReportEntry {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** True when the chunk bundles any module of @mlc-ai/web-llm. */
  webllm: boolean;
  /** True when the chunk bundles any module of @wllama/* (the CPU runtime, lazy only). */
  wllama: boolean;
  /** True when it holds the Markdown renderer (marked, DOMPurify): loaded with the first answer. */
  markdown: boolean;
  /** True when it holds the built-in suites' items (their own chunk, not the Bench view's). */
  builtInSuites: boolean;
  /** The view components (`ChatView`, `BenchView`…) and composition-root parts it holds. */
  views: string[];
}

/**
 * Writes `chunk-report.json` next to the build: which main-thread chunk holds which kind of code.
 * The size budget reads it to prove web-llm stays in the worker chunk (workers are bundled
 * separately, so any web-llm module seen here is on the main thread).
 */
export function chunkReport(): Plugin {
  return {
    name: "polymath-chunk-report",
    apply: "build",
    generateBundle(_options, bundle) {
      const report: ChunkReportEntry[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk") continue;
        report.push({
          fileName: item.fileName,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          webllm: item.moduleIds.some((id) => id.includes("@mlc-ai/web-llm")),
          wllama: item.moduleIds.some((id) => id.includes("@wllama/")),
          markdown: item.moduleIds.some((id) => id.endsWith("/src/platform/markdown.ts")),
          builtInSuites: item.moduleIds.some((id) => id.includes("/src/core/scoring/suites/")),
          views: item.moduleIds
            .map((id) =>
              /\/src\/(?:ui\/\w+\/(\w+View)\.svelte|state\/app\/([\w-]+-root)\.ts)$/.exec(id),
            )
            .filter((m) => m !== null)
            .map((m) => m[1] ?? m[2] ?? ""),
        });
      }
      this.emitFile({
        type: "asset",
        fileName: "chunk-report.json",
        source: JSON.stringify(report, null, 2),
      });
    },
  };
}
