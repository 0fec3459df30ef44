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
    // Every browser with WebGPU or WebAssembly threads supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { main: "index.html", embed: "embed.html" },
      // The entry lists every chunk a view preloads: 7 hash characters (the fewest the bundler allows
      // for this many files) instead of 8 keep that list short.
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
