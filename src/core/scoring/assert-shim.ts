/**
 * JavaScript text that gives a test program what Node gives it and a browser does not:
 * `assert` (and `require("assert")`), and a `console.assert` that throws, since HumanEval-X
 * tests only `console.assert` and a failed one must fail the item, not just print.
 * Kept free of backticks and `${` so it can sit inside a template literal.
 */
export const ASSERT_SHIM = String.raw`
class AssertionError extends Error {
  constructor(message) { super(message); this.name = "AssertionError"; }
}
function __fail(message, fallback) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message === undefined ? fallback : String(message));
}
function __show(v) {
  try {
    if (typeof v === "function") return "[Function]";
    if (typeof v === "bigint") return v + "n";
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 200 ? s.slice(0, 200) + "…" : s;
  } catch (e) { return String(v); }
}
function __isObj(v) { return typeof v === "object" && v !== null; }
function __deep(a, b, strict, depth) {
  if (depth > 200) throw new RangeError("assert: structure too deep to compare");
  if (!__isObj(a) || !__isObj(b)) {
    if (strict) return Object.is(a, b);
    return (!__isObj(a) && !__isObj(b) && a == b) || (a !== a && b !== b);
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !__deep(v, b.get(k), strict, depth + 1)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    outer: for (const v of a) {
      if (b.has(v)) continue;
      for (const w of b) if (__deep(v, w, strict, depth + 1)) continue outer;
      return false;
    }
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!__deep(a[k], b[k], strict, depth + 1)) return false;
  }
  return true;
}
function assert(value, message) { if (!value) __fail(message, "expected a truthy value, got " + __show(value)); }
assert.ok = assert;
assert.AssertionError = AssertionError;
assert.fail = function (message) { __fail(message, "failed"); };
assert.equal = function (a, b, m) { if (!(a == b || (a !== a && b !== b))) __fail(m, "expected " + __show(b) + ", got " + __show(a)); };
assert.notEqual = function (a, b, m) { if (a == b) __fail(m, "expected a value other than " + __show(b)); };
assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) __fail(m, "expected " + __show(b) + ", got " + __show(a)); };
assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) __fail(m, "expected a value other than " + __show(b)); };
assert.deepEqual = function (a, b, m) { if (!__deep(a, b, false, 0)) __fail(m, "expected " + __show(b) + ", got " + __show(a)); };
assert.deepStrictEqual = function (a, b, m) { if (!__deep(a, b, true, 0)) __fail(m, "expected " + __show(b) + ", got " + __show(a)); };
assert.notDeepEqual = function (a, b, m) { if (__deep(a, b, false, 0)) __fail(m, "expected a value other than " + __show(b)); };
assert.notDeepStrictEqual = function (a, b, m) { if (__deep(a, b, true, 0)) __fail(m, "expected a value other than " + __show(b)); };
assert.throws = function (fn, expected, m) {
  if (typeof expected === "string") { m = expected; expected = undefined; }
  try { fn(); } catch (e) {
    if (expected === undefined) return;
    if (expected instanceof RegExp) { if (expected.test(String(e && e.message !== undefined ? e.message : e)) || expected.test(String(e))) return; __fail(m, "the error did not match " + String(expected)); }
    if (typeof expected === "function" && expected.prototype !== undefined && e instanceof expected) return;
    if (typeof expected === "function" && (expected === Error || expected.prototype instanceof Error)) __fail(m, "the error was not a " + expected.name);
    if (typeof expected === "function" && expected(e) === true) return;
    if (__isObj(expected) && __isObj(e) && Object.keys(expected).every(function (k) { return __deep(e[k], expected[k], true, 0); })) return;
    __fail(m, "the error did not match");
  }
  __fail(m, "missing expected exception");
};
assert.doesNotThrow = function (fn, m) { try { fn(); } catch (e) { __fail(typeof m === "string" ? m : undefined, "got unwanted exception: " + String(e)); } };
assert.match = function (s, re, m) { if (!re.test(s)) __fail(m, "expected " + __show(s) + " to match " + String(re)); };
assert.strict = assert;
function __require(name) {
  if (/^(node:)?assert(\/strict)?$/.test(name)) return assert;
  const e = new Error("Cannot find module '" + name + "': only assert is available here");
  e.name = "ModuleNotFoundError";
  throw e;
}
const __base = typeof console === "object" && console !== null ? console : {};
const __console = {};
for (const k of ["log", "info", "warn", "error", "debug", "trace", "dir", "table", "group", "groupEnd"]) {
  __console[k] = typeof __base[k] === "function" ? __base[k].bind(__base) : function () {};
}
__console.assert = function (condition, ...rest) {
  if (!condition) throw new AssertionError(rest.length > 0 ? rest.map(String).join(" ") : "console.assert failed");
};
`;
