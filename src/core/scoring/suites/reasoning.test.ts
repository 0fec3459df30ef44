import { describe, expect, it } from "vitest";
import { scoreChoiceItem } from "../choice";
import type { ChoiceItem } from "../types";
import { reasoningSuite } from "./reasoning";

const items = reasoningSuite.items as ChoiceItem[];
const byId = (id: string) => items.find((i) => i.id === `reasoning/${id}`) as ChoiceItem;
const keyed = (item: ChoiceItem) => item.options["ABCD".indexOf(item.answer)];

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

/** The only arrangement satisfying `ok` (asserting there is exactly one). */
function unique<T>(candidates: T[], ok: (c: T) => boolean): T {
  const found = candidates.filter(ok);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Puzzles re-solved by brute force or simulation; each returns the text of the right option. */
const solvers: Record<string, () => string> = {
  heights: () => {
    // order[0] is the shortest
    const order = unique(permutations(["Ana", "Ben", "Cal", "Dan"]), (o) => {
      const h = (n: string) => o.indexOf(n);
      return h("Ana") > h("Ben") && h("Ben") > h("Cal") && h("Dan") < h("Cal");
    });
    return order[1] ?? "";
  },
  yesterday: () => {
    const today = unique([0, 1, 2, 3, 4, 5, 6], (d) => (d + 2) % 7 === 6);
    return DAYS[(today + 6) % 7] ?? "";
  },
  knights: () => {
    const says = (knight: boolean, claim: boolean) => knight === claim;
    const [pia, quin] = unique(
      [
        [true, true],
        [true, false],
        [false, true],
        [false, false],
      ],
      ([p, q]) => says(p ?? false, !q) && says(q ?? false, p === q),
    );
    const kind = (k: boolean | undefined) => (k ? "a knight" : "a knave");
    if (pia === quin) return pia ? "Both are knights." : "Both are knaves.";
    return `Pia is ${kind(pia)} and Quin is ${kind(quin)}.`;
  },
  seating: () => {
    const row = unique(permutations(["Eva", "Finn", "Gus", "Hana", "Ivy"]), (r) => {
      const at = (n: string) => r.indexOf(n);
      return (
        at("Eva") === 0 &&
        Math.abs(at("Finn") - at("Eva")) === 1 &&
        at("Gus") === 2 &&
        at("Hana") !== 0 &&
        at("Hana") !== 4
      );
    });
    return (
      [
        "The left end",
        "The second seat from the left",
        "The middle seat",
        "The second seat from the right",
        "The right end",
      ][row.indexOf("Ivy")] ?? ""
    );
  },
  sequence: () => {
    const xs = [2, 6, 12, 20, 30];
    const diffs = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    return String(30 + (diffs[diffs.length - 1] ?? 0) + 2);
  },
  handshakes: () => {
    let n = 0;
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) n++;
    return String(n);
  },
  "ball-and-box": () => {
    const cents = unique([...Array(111).keys()], (ball) => ball + (ball + 100) === 110);
    return `${(cents / 100).toFixed(2)} kg`;
  },
  "fast-clock": () => {
    let minutes = 12 * 60;
    for (let hour = 0; hour < 6; hour++) minutes += 62;
    return `${Math.floor(minutes / 60) - 12}:${String(minutes % 60).padStart(2, "0")} pm`;
  },
  turns: () => {
    const compass = ["North", "East", "South", "West"];
    const heading = [90, 180, -90].reduce((h, turn) => h + turn, 0);
    return compass[(((heading / 90) % 4) + 4) % 4] ?? "";
  },
  clubs: () => {
    const students = [...Array(30).keys()];
    const football = new Set(students.slice(0, 18));
    const chess = new Set(students.slice(13, 25)); // 12 students, 5 of them also in football
    return String(students.filter((s) => !football.has(s) && !chess.has(s)).length);
  },
  mislabelled: () => {
    const labels = ["apples", "oranges", "mixed"];
    const contents = unique(
      permutations(labels),
      (c) => c.every((x, i) => x !== labels[i]) && c[2] === "apples",
    );
    return contents[1] === "mixed" ? "Mixed fruit" : (contents[1] ?? "");
  },
  youngest: () => {
    const order = unique(permutations(["Tom", "Uma", "Vic", "Wes"]), (o) => {
      const age = (n: string) => o.indexOf(n); // larger index = older
      return age("Tom") > age("Uma") && age("Vic") < age("Uma") && age("Wes") > age("Tom");
    });
    return order[0] ?? "";
  },
  machines: () => {
    const perMachinePerMinute = 5 / 5 / 5;
    return `${100 / (100 * perMachinePerMinute)} minutes`;
  },
  calendar: () => DAYS[(1 + 21) % 7] ?? "",
  "one-true": () => {
    const place = unique(
      ["drawer", "box", "shelf"],
      (k) => [k === "drawer", k !== "box", k !== "drawer"].filter(Boolean).length === 1,
    );
    return place === "shelf" ? "On the shelf" : `In the ${place}`;
  },
};

describe("built-in reasoning suite", () => {
  it("has at least 25 four-option items with unique ids and a spread of answer letters", () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.options).toHaveLength(4);
      expect(new Set(item.options).size).toBe(4);
      expect(["A", "B", "C", "D"]).toContain(item.answer);
      expect(item.prompt).toContain(item.question);
    }
    for (const letter of "ABCD") {
      expect(items.filter((i) => i.answer === letter).length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(Object.keys(solvers))("%s: the key matches a brute-force solution", (id) => {
    expect(keyed(byId(id))).toBe(solvers[id]?.());
  });

  it("scores the key as right and every other letter as wrong", () => {
    for (const item of items) {
      expect(scoreChoiceItem(item, `The answer is ${item.answer}.`).pass).toBe(true);
      const other = "ABCD".replace(item.answer, "")[0] ?? "A";
      expect(scoreChoiceItem(item, `Answer: (${other})`).pass).toBe(false);
    }
  });
});
