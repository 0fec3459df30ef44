declare module "virtual:sandbox-page" {
  /** The code sandbox page's file name beside index.html (`sandbox-<hash>.html`). */
  export const sandboxPageName: string;
}
