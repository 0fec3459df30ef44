import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { webllmModelList } from "./scripts/vite/webllm-model-list.ts";
import { chunkReport } from "./scripts/vite/chunk-report.ts";
import { appCsp } from "./scripts/vite/app-csp.ts";
import { sandboxPagePlugin } from "./scripts/vite/sandbox-page.ts";
import { pwa } from "./scripts/vite/pwa.ts";
import { ISOLATION_HEADERS } from "./scripts/isolation-headers.mjs";

// `base: "./"` keeps every asset URL relative, so the static build works from any
// sub-path (a project page at /polymath/, a folder on a USB stick) without a rebuild.
export default defineConfig({
  base: "./",
  plugins: [svelte(), webllmModelList(), sandboxPagePlugin(), appCsp(), chunkReport(), ...pwa()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    // No <link rel="modulepreload"> per chunk: adding them (a list of every chunk a view needs,
    // checked and appended one by one) was most of the first load's longest task, measured with
    // scripts/lighthouse.mjs (desktop TBT 58-140 ms with them, 21-35 ms without). A view's chunks
    // still load in parallel, each level as its importer arrives; CSS still comes with its chunk.
    modulePreload: false,
    rollupOptions: {
      input: { main: "index.html", embed: "embed.html" },
      // 7 hash characters (the fewest the bundler allows for this many files) keep names short.
      output: {
        chunkFileNames: "assets/[name]-[hash:7].js",
        entryFileNames: "assets/[name]-[hash:7].js",
        assetFileNames: "assets/[name]-[hash:7][extname]",
      },
      // The model-list plugin imports web-llm in node once per build; its timing is expected.
      checks: { pluginTimings: false },
    },
  },
  // Cross-origin isolation lets the CPU runtime (wllama) use threads; see the README.
  server: { port: 5173, strictPort: false, headers: { ...ISOLATION_HEADERS } },
  preview: { port: 4173, strictPort: false, headers: { ...ISOLATION_HEADERS } },
});
