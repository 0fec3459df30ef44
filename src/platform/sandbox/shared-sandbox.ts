/** The app's one sandbox pool, started on first use and shared by the bench and the playground. */
import { SandboxHost } from "./sandbox-host";

let shared: SandboxHost | null = null;

/** The shared `CodeRunner` for this page. */
export function getSandbox(): SandboxHost {
  shared ??= new SandboxHost();
  return shared;
}
