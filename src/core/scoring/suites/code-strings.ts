/** Built-in code items about strings (written for Polymath). */
import type { CodeSpec } from "./code-item";

export const stringSpecs: CodeSpec[] = [
  {
    name: "countWords",
    params: "text",
    doc: "Count the words in a text. Words are separated by any amount of whitespace.",
    examples: [["countWords('the quick  brown fox')", "4"]],
    cases: [
      ["countWords('')", "0"],
      ["countWords('   ')", "0"],
      ["countWords(' one\\ttwo\\nthree ')", "3"],
    ],
    reference:
      "  const words = text.trim().split(/\\s+/);\n  return words[0] === '' ? 0 : words.length;",
    wrong: "  return text.split(' ').length;",
  },
  {
    name: "isPalindrome",
    params: "s",
    doc: "Whether s reads the same backwards, ignoring case and anything but letters and digits.",
    examples: [["isPalindrome('Never odd or even')", "true"]],
    cases: [
      ["isPalindrome('abca')", "false"],
      ["isPalindrome('')", "true"],
      ["isPalindrome('No lemon, no melon!')", "true"],
    ],
    reference:
      "  const t = s.toLowerCase().replace(/[^a-z0-9]/g, '');\n  return t === [...t].reverse().join('');",
    wrong: "  return s === s.split('').reverse().join('');",
  },
  {
    name: "capitalizeWords",
    params: "s",
    doc: "Upper-case the first letter of every word (words are separated by single spaces); leave the rest as is.",
    examples: [["capitalizeWords('hello big world')", "'Hello Big World'"]],
    cases: [
      ["capitalizeWords('')", "''"],
      ["capitalizeWords('a bC d')", "'A BC D'"],
    ],
    reference:
      "  return s.split(' ').map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');",
    wrong: "  return s ? s[0].toUpperCase() + s.slice(1) : s;",
  },
  {
    name: "runLengthEncode",
    params: "s",
    doc: "Run-length encode a string: each run of the same character becomes the character and the run's length.",
    examples: [["runLengthEncode('aaabcc')", "'a3b1c2'"]],
    cases: [
      ["runLengthEncode('')", "''"],
      ["runLengthEncode('zzzzzzzzzzzz')", "'z12'"],
      ["runLengthEncode('abab')", "'a1b1a1b1'"],
    ],
    reference:
      "  let out = '';\n  for (let i = 0; i < s.length; ) {\n    let j = i;\n    while (j < s.length && s[j] === s[i]) j++;\n    out += s[i] + (j - i);\n    i = j;\n  }\n  return out;",
    wrong:
      "  let out = '';\n  for (let i = 0; i < s.length; ) {\n    let j = i + 1;\n    while (j < s.length && s[j] === s[i]) j++;\n    out += s[i] + (j - i - 1 || 1);\n    i = j;\n  }\n  return out;",
  },
  {
    name: "longestWord",
    params: "sentence",
    doc: "The longest word of a sentence (words split on spaces). On a tie, the first such word.",
    examples: [["longestWord('I love green tea')", "'green'"]],
    cases: [
      ["longestWord('cat dog')", "'cat'"],
      ["longestWord('a bb ccc dd')", "'ccc'"],
    ],
    reference:
      "  let best = '';\n  for (const w of sentence.split(' ')) if (w.length > best.length) best = w;\n  return best;",
    wrong:
      "  let best = '';\n  for (const w of sentence.split(' ')) if (w.length >= best.length) best = w;\n  return best;",
  },
  {
    name: "countChar",
    params: "s, ch",
    doc: "How many times the character ch occurs in s (case-sensitive).",
    examples: [["countChar('banana', 'a')", "3"]],
    cases: [
      ["countChar('', 'a')", "0"],
      ["countChar('Aardvark', 'A')", "1"],
      ["countChar('xyz', 'q')", "0"],
    ],
    reference: "  let n = 0;\n  for (const c of s) if (c === ch) n++;\n  return n;",
    wrong: "  return s.toLowerCase().split(ch.toLowerCase()).length - 1;",
  },
  {
    name: "camelToSnake",
    params: "s",
    doc: "Convert a camelCase identifier to snake_case.",
    examples: [["camelToSnake('helloWorldAgain')", "'hello_world_again'"]],
    cases: [
      ["camelToSnake('x')", "'x'"],
      ["camelToSnake('getUserId')", "'get_user_id'"],
    ],
    reference: "  return s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());",
    wrong: "  return s.replace(/[A-Z]/g, (c) => '_' + c);",
  },
  {
    name: "isAnagram",
    params: "a, b",
    doc: "Whether a and b use the same letters the same number of times, ignoring case and spaces.",
    examples: [["isAnagram('Dormitory', 'dirty room')", "true"]],
    cases: [
      ["isAnagram('abc', 'abd')", "false"],
      ["isAnagram('aab', 'abb')", "false"],
      ["isAnagram('Listen', 'Silent')", "true"],
    ],
    reference:
      "  const key = (s) => [...s.toLowerCase().replace(/ /g, '')].sort().join('');\n  return key(a) === key(b);",
    wrong:
      "  const set = (s) => [...new Set(s.toLowerCase().replace(/ /g, ''))].sort().join('');\n  return set(a) === set(b);",
  },
  {
    name: "truncate",
    params: "s, n",
    doc: "Shorten s to at most n characters (n >= 3): when longer, keep the first n - 3 characters and add '...'.",
    examples: [["truncate('hello world', 8)", "'hello...'"]],
    cases: [
      ["truncate('short', 10)", "'short'"],
      ["truncate('exact', 5)", "'exact'"],
      ["truncate('abcdef', 3)", "'...'"],
    ],
    reference: "  return s.length <= n ? s : s.slice(0, n - 3) + '...';",
    wrong: "  return s.length < n ? s : s.slice(0, n) + '...';",
  },
];
