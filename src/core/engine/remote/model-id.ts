/** Remote model ids (`remote:<endpoint>/<name>`), apart so the entry chunk can tell them cheaply. */

export const REMOTE_PREFIX = "remote:";

/** True for ids of models served by a remote endpoint. */
export function isRemoteModelId(id: string): boolean {
  return id.startsWith(REMOTE_PREFIX);
}
