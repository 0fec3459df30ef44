import js from "@eslint/js";
import ts from "typescript-eslint";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import svelteConfig from "./svelte.config.js";

const noUiInCore = {
  patterns: [
    { group: ["svelte", "svelte/*"], message: "src/core is plain TypeScript: no Svelte." },
    {
      group: ["**/ui/**", "**/state/**", "**/platform/**", "**/workers/**"],
      message: "src/core knows nothing of the UI, the platform or workers.",
    },
  ],
};

const noWllamaInCore = [
  {
    name: "@wllama/wllama",
    message: "Core reaches wllama through WllamaCore; src/platform/wllama/ creates the real one.",
  },
  { name: "@wllama/wllama-compat", message: "Only src/platform/wllama/ loads wllama's assets." },
];
const webllmOutsideWorker = {
  name: "@mlc-ai/web-llm",
  message: "web-llm lives only in the worker chunk.",
};
const webllmAdapterOutsideWorker = {
  group: ["**/web-llm-adapter*"],
  message: "Only workers load the web-llm adapter.",
};
const wllamaOutsidePlatform = [
  { name: "@wllama/wllama", message: "Only src/platform/wllama/ imports wllama." },
  { name: "@wllama/wllama-compat", message: "Only src/platform/wllama/ loads wllama's assets." },
];

export default ts.config(
  { ignores: ["dist/", "node_modules/", "test-results/", ".tmp/"] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: [".svelte"],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // House rule 1: core is plain TypeScript, no DOM, and web-llm only behind its adapter.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/engine/web-llm-adapter.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@mlc-ai/web-llm",
              message: "Only src/core/engine/web-llm-adapter.ts imports web-llm.",
            },
            ...noWllamaInCore,
          ],
          ...noUiInCore,
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "localStorage",
        "navigator",
        "indexedDB",
      ],
    },
  },
  {
    files: ["src/core/engine/web-llm-adapter.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: noWllamaInCore, patterns: noUiInCore.patterns }],
    },
  },
  {
    // Outside core, web-llm may only be reached through the worker entry, and wllama only
    // through a dynamic import() of its platform module, so neither lands in the entry bundle.
    files: ["src/**/*.ts", "src/**/*.svelte"],
    ignores: ["src/core/**", "src/workers/**", "src/platform/wllama/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [webllmOutsideWorker, ...wllamaOutsidePlatform],
          patterns: [
            webllmAdapterOutsideWorker,
            {
              group: ["**/platform/wllama/create-wllama-engine*"],
              message: "import() the CPU runtime: it is a lazy chunk.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/platform/wllama/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [webllmOutsideWorker], patterns: [webllmAdapterOutsideWorker] },
      ],
    },
  },
);
