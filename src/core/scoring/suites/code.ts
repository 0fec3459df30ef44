/** The built-in code suite: JavaScript functions with tests, HumanEval-X style. */
import type { Suite } from "../types";
import { codeItem } from "./code-item";
import { arraySpecs } from "./code-arrays";
import { numberSpecs } from "./code-numbers";
import { stringSpecs } from "./code-strings";

export const codeSuite: Suite = {
  id: "builtin-code",
  name: "Code (JavaScript)",
  description:
    "Small JavaScript functions written for Polymath: strings, arrays, numbers. Each answer runs against hidden tests in the sandbox.",
  source: "built-in",
  items: [...stringSpecs, ...arraySpecs, ...numberSpecs].map(codeItem),
};
