/**
 * Light/dark theme: follows the system until the user picks one; the pick is remembered.
 * Kept in localStorage (not IndexedDB) because it must apply before first paint.
 */
export type ThemeChoice = "system" | "light" | "dark";

const KEY = "polymath.theme";

export class Theme {
  choice = $state<ThemeChoice>(readChoice());
  /** True when the last choice could not be kept for later visits. */
  notSaved = $state(false);
  #systemDark = $state(matchMedia("(prefers-color-scheme: dark)").matches);
  effective = $derived<"light" | "dark">(
    this.choice === "system" ? (this.#systemDark ? "dark" : "light") : this.choice,
  );

  constructor() {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (e) => {
      this.#systemDark = e.matches;
    });
  }

  /** What `toggle` picks next: the other look, then the system's own, then the system again. */
  next = $derived<ThemeChoice>(
    this.choice === "system"
      ? this.#systemDark
        ? "light"
        : "dark"
      : (this.choice === "dark") === this.#systemDark
        ? "system"
        : this.#systemDark
          ? "dark"
          : "light",
  );

  /** Cycle through both looks and back to following the system. */
  toggle(): void {
    this.set(this.next);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      if (choice === "system") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
      this.notSaved = false;
    } catch {
      // Storage blocked or full: the choice applies for this visit, and the toggle says so.
      this.notSaved = true;
    }
  }
}

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}
