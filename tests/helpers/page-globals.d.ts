// What the test-only pages (tests/pages/) put on `window` for the tests to drive through
// `page.evaluate`. Typed loosely here: the pages themselves are checked with the app's tsconfig.
export {};

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    wllamaPage: any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    barePage: any;
    /** Messages the embed test's host page received from the embedded demo. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    received: any[];
    /** Set by the update test on a tab's document: gone once the tab reloaded. */
    tabMark?: boolean;
    /** Set by the update test once a new service worker controls the tab. */
    controllerChanged?: boolean;
  }
}
