/**
 * The app page's Content-Security-Policy, as a `<meta>` tag added to the built index.html (a
 * static host may send no headers). Scripts only from the app itself (plus WebAssembly, which the
 * model runtimes compile); styles inline because Svelte and KaTeX set element styles; images only
 * from the app, data: and blob: (a model's answer can never load a remote image); frames only the
 * app's own sandbox page; connections to the app, to https hosts (model hubs, the user's own model
 * hosts and endpoints) and to servers on this machine. Dev keeps Vite's own client working: no CSP.
 */
import type { Plugin } from "vite";

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

export function appCsp(): Plugin {
  return {
    name: "polymath-app-csp",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html.replace(
          /<meta charset="UTF-8" \/>/i,
          (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${APP_CSP}" />`,
        ),
    },
  };
}
