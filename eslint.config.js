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

const VIEWS = ["chat", "compare", "bench", "models", "device"];
/** State classes the composition root alone may construct. */
const ROOT_ONLY =
  "/^(App|Nav|Theme|DeviceState|EngineState|ReplayFile|CatalogState|ChatState|ConversationLibrary|CompareSession|CompareSetup|CompareHistory|ArenaState|ModelsState|BenchState)$/";
const ROOT_ONLY_RULE = {
  selector: `NewExpression[callee.name=${ROOT_ONLY}]`,
  message: "App state is created only by the composition root (src/state/app.svelte.ts).",
};
const noWllamaInCore = [
  {
    name: "@wllama/wllama",
    message: "Core reaches wllama through WllamaCore; src/platform/wllama/ creates the real one.",
  },
  { name: "@wllama/wllama-compat", message: "Only src/platform/wllama/ loads wllama's assets." },
];
// Outside core, web-llm may only be reached through the worker entry, and wllama only through a
// dynamic import() of its platform module, so neither lands in the entry bundle.
const WEBLLM_ONLY_IN_WORKER = {
  paths: [
    { name: "@mlc-ai/web-llm", message: "web-llm lives only in the worker chunk." },
    { name: "@wllama/wllama", message: "Only src/platform/wllama/ imports wllama." },
    { name: "@wllama/wllama-compat", message: "Only src/platform/wllama/ loads wllama's assets." },
  ],
  patterns: [
    { group: ["**/web-llm-adapter*"], message: "Only workers load the web-llm adapter." },
    {
      group: ["**/platform/wllama/create-wllama-engine*"],
      message: "import() the CPU runtime: it is a lazy chunk.",
      allowTypeImports: true,
    },
  ],
};

/**
 * `no-restricted-imports` for each layer outside core (one rule per file: options do not merge).
 * @returns {import("eslint").Linter.Config[]}
 */
function layerWalls() {
  /** @type {(...groups: { group: string[]; message: string }[]) => import("eslint").Linter.Config} */
  const rule = (...groups) => ({
    rules: {
      "no-restricted-imports": [
        "error",
        { ...WEBLLM_ONLY_IN_WORKER, patterns: [...WEBLLM_ONLY_IN_WORKER.patterns, ...groups] },
      ],
    },
  });
  const noUi = { group: ["**/ui/**"], message: "Only components import the UI." };
  const noState = { group: ["**/state/**"], message: "platform knows nothing of app state." };
  // Paths into another view's folder of `layer`; `inside`: also its sibling folders ("../compare").
  const otherViews = (view, layer, inside = true) => ({
    group: VIEWS.filter((v) => v !== view).flatMap((v) =>
      inside ? [`**/${layer}/${v}/**`, `../${v}/**`] : [`**/${layer}/${v}/**`],
    ),
    message: `One view's ${layer} does not import another view's: share it through ${layer}/shared.`,
  });
  return [
    {
      files: ["src/platform/**/*.ts"],
      ignores: ["src/platform/wllama/**"],
      ...rule(noUi, noState),
    },
    {
      // The CPU runtime's own folder is where wllama is imported.
      files: ["src/platform/wllama/**/*.ts"],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            paths: WEBLLM_ONLY_IN_WORKER.paths.slice(0, 1),
            patterns: [WEBLLM_ONLY_IN_WORKER.patterns[0], noUi, noState],
          },
        ],
      },
    },
    {
      files: ["src/workers/**/*.ts"],
      rules: { "no-restricted-imports": ["error", { patterns: [noUi, noState] }] },
    },
    {
      files: ["src/state/**/*.ts"],
      ignores: ["src/state/app.svelte.ts", "src/state/app/**"],
      ...rule(noUi),
    },
    ...VIEWS.map((view) => ({
      files: [`src/state/${view}/**/*.ts`],
      ...rule(noUi, otherViews(view, "state")),
    })),
    { files: ["src/state/app.svelte.ts", "src/state/app/**"], ...rule(noUi) },
    { files: ["src/ui/**/*.ts", "src/ui/**/*.svelte", "src/main.ts"], ...rule() },
    ...VIEWS.map((view) => ({
      files: [`src/ui/${view}/**/*.ts`, `src/ui/${view}/**/*.svelte`],
      ...rule(otherViews(view, "ui"), otherViews(view, "state", false)),
    })),
  ];
}

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
    ignores: ["src/core/engine/webllm/web-llm-adapter.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@mlc-ai/web-llm",
              message: "Only src/core/engine/webllm/web-llm-adapter.ts imports web-llm.",
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
    files: ["src/core/engine/webllm/web-llm-adapter.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: noWllamaInCore, patterns: noUiInCore.patterns }],
    },
  },
  // Outside core, web-llm may only be reached through the worker entry; each layer imports only
  // the layers below it, and one view's folder never imports another view's (house rules 1-5).
  ...layerWalls(),
  {
    // Only the composition root creates the app's state; no state module makes anything on import.
    files: ["src/**/*.ts", "src/**/*.svelte"],
    ignores: ["src/state/app.svelte.ts", "src/state/app/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ROOT_ONLY_RULE] },
  },
  {
    files: ["src/state/**/*.ts"],
    ignores: ["src/state/app.svelte.ts", "src/state/app/**", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ROOT_ONLY_RULE,
        {
          selector: "Program > VariableDeclaration > VariableDeclarator > NewExpression",
          message: "Nothing is created on import: build it in the composition root.",
        },
        {
          selector:
            "Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression",
          message: "Nothing is created on import: build it in the composition root.",
        },
        {
          selector:
            "Program > ExpressionStatement > CallExpression[callee.name='addEventListener']",
          message: "No global listener on import: the composition root adds them.",
        },
      ],
    },
  },
);
