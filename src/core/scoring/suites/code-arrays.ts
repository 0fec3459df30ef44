/** Built-in code items about arrays and objects (written for Polymath). */
import type { CodeSpec } from "./code-item";

export const arraySpecs: CodeSpec[] = [
  {
    name: "secondLargest",
    params: "xs",
    doc: "The second largest distinct value in xs, or null when xs has fewer than two distinct values.",
    examples: [["secondLargest([4, 9, 9, 2])", "4"]],
    cases: [
      ["secondLargest([7])", "null"],
      ["secondLargest([3, 3])", "null"],
      ["secondLargest([-1, -5, -3])", "-3"],
    ],
    reference:
      "  const d = [...new Set(xs)].sort((a, b) => b - a);\n  return d.length < 2 ? null : d[1];",
    wrong: "  const d = [...xs].sort((a, b) => b - a);\n  return d.length < 2 ? null : d[1];",
  },
  {
    name: "chunk",
    params: "xs, size",
    doc: "Split xs into consecutive chunks of the given size; the last chunk may be shorter.",
    examples: [["chunk([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]"]],
    cases: [
      ["chunk([], 3)", "[]"],
      ["chunk([1, 2, 3], 3)", "[[1, 2, 3]]"],
      ["chunk([1, 2], 5)", "[[1, 2]]"],
    ],
    reference:
      "  const out = [];\n  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));\n  return out;",
    wrong:
      "  const out = [];\n  for (let i = 0; i + size <= xs.length; i += size) out.push(xs.slice(i, i + size));\n  return out;",
  },
  {
    name: "flattenDeep",
    params: "xs",
    doc: "Flatten arbitrarily nested arrays into one flat array, keeping the order.",
    examples: [["flattenDeep([1, [2, [3, [4]]], 5])", "[1, 2, 3, 4, 5]"]],
    cases: [
      ["flattenDeep([])", "[]"],
      ["flattenDeep([[[]], [['a']]])", "['a']"],
    ],
    reference:
      "  return xs.reduce((acc, x) => acc.concat(Array.isArray(x) ? flattenDeep(x) : [x]), []);",
    wrong: "  return xs.flat();",
  },
  {
    name: "uniqueInOrder",
    params: "xs",
    doc: "The values of xs without repeats, each kept where it first appears.",
    examples: [["uniqueInOrder([3, 1, 3, 2, 1])", "[3, 1, 2]"]],
    cases: [
      ["uniqueInOrder([])", "[]"],
      ["uniqueInOrder(['a', 'a', 'b', 'a'])", "['a', 'b']"],
    ],
    reference: "  return [...new Set(xs)];",
    wrong: "  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);",
  },
  {
    name: "rotateRight",
    params: "xs, k",
    doc: "Rotate xs to the right by k places (k >= 0, possibly larger than the length); return a new array.",
    examples: [["rotateRight([1, 2, 3, 4, 5], 2)", "[4, 5, 1, 2, 3]"]],
    cases: [
      ["rotateRight([1, 2, 3], 0)", "[1, 2, 3]"],
      ["rotateRight([1, 2, 3], 4)", "[3, 1, 2]"],
      ["rotateRight([], 3)", "[]"],
      ["rotateRight([1, 2, 3], 7)", "[3, 1, 2]"],
    ],
    reference:
      "  if (xs.length === 0) return [];\n  const s = k % xs.length;\n  return [...xs.slice(xs.length - s), ...xs.slice(0, xs.length - s)];",
    wrong: "  return [...xs.slice(xs.length - k), ...xs.slice(0, xs.length - k)];",
  },
  {
    name: "pairSums",
    params: "xs, target",
    doc: "How many pairs of positions i < j have xs[i] + xs[j] === target.",
    examples: [["pairSums([1, 2, 3, 4], 5)", "2"]],
    cases: [
      ["pairSums([], 0)", "0"],
      ["pairSums([2, 2, 2], 4)", "3"],
      ["pairSums([5], 10)", "0"],
    ],
    reference:
      "  let n = 0;\n  for (let i = 0; i < xs.length; i++)\n    for (let j = i + 1; j < xs.length; j++) if (xs[i] + xs[j] === target) n++;\n  return n;",
    wrong:
      "  let n = 0;\n  for (let i = 0; i < xs.length; i++)\n    for (let j = 0; j < xs.length; j++) if (i !== j && xs[i] + xs[j] === target) n++;\n  return n;",
  },
  {
    name: "runningMax",
    params: "xs",
    doc: "For each position, the largest value seen so far.",
    examples: [["runningMax([1, 3, 2, 5, 4])", "[1, 3, 3, 5, 5]"]],
    cases: [
      ["runningMax([])", "[]"],
      ["runningMax([-4, -7, -1])", "[-4, -4, -1]"],
    ],
    reference: "  let m = -Infinity;\n  return xs.map((x) => (m = Math.max(m, x)));",
    wrong: "  let m = 0;\n  return xs.map((x) => (m = Math.max(m, x)));",
  },
  {
    name: "groupByLength",
    params: "words",
    doc: "Group words by their length: an object from length to the words of that length, in input order.",
    examples: [["groupByLength(['ab', 'c', 'de'])", "{ 1: ['c'], 2: ['ab', 'de'] }"]],
    cases: [
      ["groupByLength([])", "{}"],
      ["groupByLength(['x', 'y', 'x'])", "{ 1: ['x', 'y', 'x'] }"],
    ],
    reference:
      "  const out = {};\n  for (const w of words) (out[w.length] ??= []).push(w);\n  return out;",
    wrong: "  const out = {};\n  for (const w of words) out[w.length] = [w];\n  return out;",
  },
  {
    name: "mostFrequent",
    params: "xs",
    doc: "The value that occurs most often in a non-empty array; on a tie, the one that occurs first.",
    examples: [["mostFrequent([1, 2, 2, 3, 3])", "2"]],
    cases: [
      ["mostFrequent(['z'])", "'z'"],
      ["mostFrequent([5, 4, 4, 5])", "5"],
      ["mostFrequent([1, 7, 7, 7])", "7"],
    ],
    reference:
      "  const counts = new Map();\n  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);\n  let best = xs[0];\n  for (const [x, c] of counts) if (c > counts.get(best)) best = x;\n  return best;",
    wrong:
      "  const counts = new Map();\n  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);\n  let best = xs[0];\n  for (const [x, c] of counts) if (c >= counts.get(best)) best = x;\n  return best;",
  },
  {
    name: "mergeSorted",
    params: "a, b",
    doc: "Merge two arrays sorted in ascending order into one sorted array.",
    examples: [["mergeSorted([1, 4, 9], [2, 3, 10])", "[1, 2, 3, 4, 9, 10]"]],
    cases: [
      ["mergeSorted([], [1])", "[1]"],
      ["mergeSorted([5, 6], [])", "[5, 6]"],
      ["mergeSorted([1, 1], [1])", "[1, 1, 1]"],
    ],
    reference:
      "  const out = [];\n  let i = 0;\n  let j = 0;\n  while (i < a.length || j < b.length) {\n    if (j >= b.length || (i < a.length && a[i] <= b[j])) out.push(a[i++]);\n    else out.push(b[j++]);\n  }\n  return out;",
    wrong:
      "  const out = [];\n  let i = 0;\n  let j = 0;\n  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);\n  return out;",
  },
];
