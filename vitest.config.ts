import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { webllmModelList } from "./scripts/vite/webllm-model-list.ts";
import { sandboxPagePlugin } from "./scripts/vite/sandbox-page.ts";

// Unit tests: core logic (and the GGUF writer in scripts/) in node; runes state (`*.svelte.test.ts`) compiled by the Svelte plugin.
export default defineConfig({
  plugins: [svelte(), webllmModelList(), sandboxPagePlugin()],
  resolve: { conditions: ["browser"] },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.mjs"],
    environment: "node",
    pool: "threads",
  },
});
