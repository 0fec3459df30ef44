/** Built-in code items about numbers (written for Polymath). */
import type { CodeSpec } from "./code-item";

export const numberSpecs: CodeSpec[] = [
  {
    name: "digitSum",
    params: "n",
    doc: "The sum of the decimal digits of an integer (the sign is ignored).",
    examples: [["digitSum(1234)", "10"]],
    cases: [
      ["digitSum(0)", "0"],
      ["digitSum(-507)", "12"],
    ],
    reference: "  return [...String(Math.abs(n))].reduce((s, d) => s + Number(d), 0);",
    wrong:
      "  let s = 0;\n  while (n > 0) {\n    s += n % 10;\n    n = Math.floor(n / 10);\n  }\n  return s;",
  },
  {
    name: "isPrime",
    params: "n",
    doc: "Whether the integer n is a prime number.",
    examples: [["isPrime(13)", "true"]],
    cases: [
      ["isPrime(1)", "false"],
      ["isPrime(2)", "true"],
      ["isPrime(25)", "false"],
      ["isPrime(-7)", "false"],
    ],
    reference:
      "  if (n < 2) return false;\n  for (let i = 2; i * i <= n; i++) if (n % i === 0) return false;\n  return true;",
    wrong:
      "  if (n < 2) return false;\n  for (let i = 2; i < Math.sqrt(n); i++) if (n % i === 0) return false;\n  return true;",
  },
  {
    name: "gcd",
    params: "a, b",
    doc: "The greatest common divisor of two non-negative integers, not both zero.",
    examples: [["gcd(12, 18)", "6"]],
    cases: [
      ["gcd(7, 0)", "7"],
      ["gcd(17, 5)", "1"],
      ["gcd(100, 75)", "25"],
    ],
    reference: "  while (b !== 0) [a, b] = [b, a % b];\n  return a;",
    wrong: "  const m = Math.min(a, b);\n  return a % m === 0 && b % m === 0 ? m : 1;",
  },
  {
    name: "fizzBuzz",
    params: "n",
    doc: "The strings for 1..n: 'Fizz' for multiples of 3, 'Buzz' for multiples of 5, 'FizzBuzz' for both, else the number.",
    examples: [["fizzBuzz(5)", "['1', '2', 'Fizz', '4', 'Buzz']"]],
    cases: [
      ["fizzBuzz(0)", "[]"],
      ["fizzBuzz(15)[14]", "'FizzBuzz'"],
      ["fizzBuzz(15).length", "15"],
    ],
    reference:
      "  const out = [];\n  for (let i = 1; i <= n; i++)\n    out.push(i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : String(i));\n  return out;",
    wrong:
      "  const out = [];\n  for (let i = 1; i <= n; i++)\n    out.push(i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : i % 15 === 0 ? 'FizzBuzz' : String(i));\n  return out;",
  },
  {
    name: "toBinary",
    params: "n",
    doc: "The binary digits of a non-negative integer as a string, without leading zeros ('0' for zero).",
    examples: [["toBinary(10)", "'1010'"]],
    cases: [
      ["toBinary(0)", "'0'"],
      ["toBinary(1)", "'1'"],
      ["toBinary(255)", "'11111111'"],
    ],
    reference: "  return n.toString(2);",
    wrong:
      "  let s = '';\n  while (n > 0) {\n    s = (n % 2) + s;\n    n = Math.floor(n / 2);\n  }\n  return s;",
  },
  {
    name: "romanNumeral",
    params: "n",
    doc: "The Roman numeral for an integer from 1 to 3999, using subtractive forms such as IV and XC.",
    examples: [["romanNumeral(1994)", "'MCMXCIV'"]],
    cases: [
      ["romanNumeral(4)", "'IV'"],
      ["romanNumeral(3888)", "'MMMDCCCLXXXVIII'"],
      ["romanNumeral(40)", "'XL'"],
    ],
    reference:
      "  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],\n    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];\n  let out = '';\n  for (const [v, s] of table) while (n >= v) {\n    out += s;\n    n -= v;\n  }\n  return out;",
    wrong:
      "  const table = [[1000, 'M'], [500, 'D'], [100, 'C'], [50, 'L'], [10, 'X'], [5, 'V'], [1, 'I']];\n  let out = '';\n  for (const [v, s] of table) while (n >= v) {\n    out += s;\n    n -= v;\n  }\n  return out;",
  },
  {
    name: "collatzSteps",
    params: "n",
    doc: "How many steps the Collatz rule (halve if even, else 3n + 1) takes to bring a positive n down to 1.",
    examples: [["collatzSteps(6)", "8"]],
    cases: [
      ["collatzSteps(1)", "0"],
      ["collatzSteps(7)", "16"],
    ],
    reference:
      "  let steps = 0;\n  while (n !== 1) {\n    n = n % 2 === 0 ? n / 2 : 3 * n + 1;\n    steps++;\n  }\n  return steps;",
    wrong:
      "  let steps = 1;\n  while (n !== 1) {\n    n = n % 2 === 0 ? n / 2 : 3 * n + 1;\n    steps++;\n  }\n  return steps;",
  },
  {
    name: "factorial",
    params: "n",
    doc: "n! for a non-negative integer n (0! is 1).",
    examples: [["factorial(5)", "120"]],
    cases: [
      ["factorial(0)", "1"],
      ["factorial(1)", "1"],
      ["factorial(10)", "3628800"],
    ],
    reference: "  let p = 1;\n  for (let i = 2; i <= n; i++) p *= i;\n  return p;",
    wrong: "  let p = n;\n  for (let i = n - 1; i > 1; i--) p *= i;\n  return p;",
  },
  {
    name: "median",
    params: "xs",
    doc: "The median of a non-empty array of numbers (the mean of the two middle values when the length is even). Do not modify xs.",
    examples: [["median([3, 1, 2])", "2"]],
    cases: [
      ["median([10, 9, 2, 1])", "5.5"],
      ["median([7])", "7"],
      ["median([100, 20, 3])", "20"],
    ],
    reference:
      "  const s = [...xs].sort((a, b) => a - b);\n  const m = Math.floor(s.length / 2);\n  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;",
    wrong:
      "  const s = [...xs].sort();\n  const m = Math.floor(s.length / 2);\n  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;",
  },
  {
    name: "isLeapYear",
    params: "year",
    doc: "Whether a Gregorian year is a leap year: divisible by 4, except centuries, which must be divisible by 400.",
    examples: [["isLeapYear(2024)", "true"]],
    cases: [
      ["isLeapYear(1900)", "false"],
      ["isLeapYear(2000)", "true"],
      ["isLeapYear(2023)", "false"],
    ],
    reference: "  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;",
    wrong: "  return year % 4 === 0;",
  },
];
