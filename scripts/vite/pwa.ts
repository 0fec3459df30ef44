/**
 * The offline app: a web app manifest, icons drawn at build time (scripts/pwa/icons.mjs) and a
 * Workbox service worker through vite-plugin-pwa. The precache holds the app shell only: pages,
 * styles, icons and the main-thread JavaScript. Files that are large and needed by some users only
 * (the model runtime workers, the CPU runtime's .wasm, KaTeX's script and fonts) are cached the
 * first time they are fetched, so they work offline afterwards without weighing on a first visit.
 * Each pattern below is in exactly one of the two lists, so no bytes are stored twice. Model
 * weights are never cached here: web-llm and wllama keep them in their own caches.
 * Start URL and scope are "./": the app installs from whatever sub-path it is served at.
 */
import type { Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { drawIcon, ICONS } from "../pwa/icons.mjs";

export const THEME_COLOR = "#3b5bdb";
export const BACKGROUND_COLOR = "#ffffff";

/** Cached on first use, never precached (globs, for the precache's ignore list). */
export const ON_DEMAND_GLOBS = [
  "**/*.wasm",
  "**/*.worker-*.js",
  "**/KaTeX_*",
  "**/katex-bundle-*",
  "**/*.map",
  "chunk-report.json",
];
/** The same files, as a URL test for the runtime cache. */
const ON_DEMAND_URL =
  /\/assets\/([^/]*\.wasm|[^/]*\.worker-[^/]*\.js|KaTeX_[^/]*|katex-bundle-[^/]*)$/;

/** Emits the PNG icons beside index.html and serves them in dev. */
function pwaIcons(): Plugin {
  return {
    name: "polymath-pwa-icons",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const icon = ICONS.find((i) => req.url?.endsWith(`/${i.file}`));
        if (!icon) return next();
        res.setHeader("Content-Type", "image/png");
        res.end(drawIcon(icon.size, { maskable: icon.purpose !== "any" }));
      });
    },
    generateBundle() {
      for (const icon of ICONS) {
        this.emitFile({
          type: "asset",
          fileName: icon.file,
          source: drawIcon(icon.size, { maskable: icon.purpose !== "any" }),
        });
      }
    },
  };
}

export function pwa(): Plugin[] {
  return [
    pwaIcons(),
    ...VitePWA({
      // The app registers the worker itself, from a lazy chunk, and asks before updating.
      registerType: "prompt",
      injectRegister: null,
      manifestFilename: "manifest.webmanifest",
      includeManifestIcons: false,
      manifest: {
        name: "Polymath",
        short_name: "Polymath",
        description:
          "Can one small generalist model replace a team of specialists? Measure it on your own GPU, in the browser.",
        start_url: "./",
        scope: "./",
        id: "./",
        display: "standalone",
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: ICONS.filter((i) => i.purpose !== "apple").map((i) => ({
          src: i.file,
          sizes: `${i.size}x${i.size}`,
          type: "image/png",
          purpose: i.purpose,
        })),
      },
      workbox: {
        // The manifest is added by the plugin itself; listing it here would store it twice.
        globPatterns: ["**/*.{js,css,html,svg,png}"],
        globIgnores: ON_DEMAND_GLOBS,
        // Hashed names need no revision; index.html, embed.html and the icons do.
        dontCacheBustURLsMatching: /-[A-Za-z0-9_-]{7}\.(js|css)$|sandbox-[0-9a-f]{10}\.html$/,
        // embed.html?recording=… is the same page whatever its parameters.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        // The first install takes over the open page, so it works offline from the first visit;
        // a later version waits for "Reload to update" (no skipWaiting).
        clientsClaim: true,
        runtimeCaching: [
          {
            // Names carry a content hash: a cached copy never goes stale. A RegExp, not a
            // function: workbox-build copies a function's source into sw.js without the names it
            // closes over (a closure over ON_DEMAND_URL threw there, and nothing was ever cached).
            // Workbox matches a RegExp cross-origin only from the URL's start, so this one
            // matches this app's own files only.
            urlPattern: ON_DEMAND_URL,
            handler: "CacheFirst",
            options: {
              cacheName: "polymath-on-demand",
              expiration: { maxEntries: 120, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ];
}
