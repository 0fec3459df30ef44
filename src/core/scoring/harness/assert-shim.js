// What Node gives a HumanEval-X test and a browser does not: `assert` (and `require("assert")`),
// and a `console` whose `assert` throws, since HumanEval-X tests use console.assert and a failed
// one must fail the item, not just print. Inlined into run-tests.js (see program.ts) and called
// before the answer runs: every global it uses later is captured here (lockdown then freezes the
// built-ins' methods), and it tells the harness of each failure, so an answer that catches an
// assertion error cannot hide it.
// `report`: failed(error) for each failure; mark() before an assert.throws block runs, and
// caught(error, mark) when it caught `error`, which excuses it only if raised since that mark.
export default function assertShim(base, report) {
  const apply = Reflect.apply;
  const is = Object.is;
  const keys = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const hasOwn = Object.prototype.hasOwnProperty;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const stringOf = String;
  const ErrorCtor = Error;
  const join = Array.prototype.join;
  const push = Array.prototype.push;
  const regexpTest = RegExp.prototype.test;
  const getTime = Date.prototype.getTime;
  const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get;
  const regexpFlags = Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get;
  const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
  const mapEntries = Map.prototype.entries;
  const mapHas = Map.prototype.has;
  const mapGet = Map.prototype.get;
  const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
  const setValues = Set.prototype.values;
  const setHas = Set.prototype.has;
  const iteratorNext = Object.getPrototypeOf(new Map().entries()).next;
  const setIteratorNext = Object.getPrototypeOf(new Set().values()).next;

  class AssertionError extends ErrorCtor {
    constructor(message) {
      super(message);
      Object.defineProperty(this, "name", { value: "AssertionError", writable: true });
    }
  }

  // Brand checks read internal slots, which a Proxy or a borrowed prototype cannot fake.
  function branded(getter, value) {
    try {
      apply(getter, value, []);
      return true;
    } catch {
      return false;
    }
  }

  function fail(message, fallback) {
    const error =
      message instanceof ErrorCtor
        ? message
        : new AssertionError(message === undefined ? fallback : toText(message));
    report.failed(error);
    throw error;
  }

  function show(v) {
    try {
      if (typeof v === "function") return "[Function]";
      if (typeof v === "bigint") return v + "n";
      const s = stringify(v);
      return s === undefined ? stringOf(v) : s.length > 200 ? s.slice(0, 200) + "…" : s;
    } catch {
      return toText(v);
    }
  }

  // String() itself throws for some values (Object.create(null), symbols).
  function toText(v) {
    try {
      return stringOf(v);
    } catch {
      return "[value without a text form]";
    }
  }

  const isObject = (v) => (typeof v === "object" && v !== null) || typeof v === "function";

  // The entries of a real Map or Set, read through its own internal list.
  function entriesOf(collection, entries, next) {
    const out = [];
    const it = apply(entries, collection, []);
    for (let step = apply(next, it, []); !step.done; step = apply(next, it, [])) {
      apply(push, out, [step.value]);
    }
    return out;
  }

  function deep(a, b, strict, depth) {
    if (depth > 200) throw new RangeError("assert: structure too deep to compare");
    if (!isObject(a) || !isObject(b)) {
      if (strict) return is(a, b);
      return (!isObject(a) && !isObject(b) && a == b) || (a !== a && b !== b);
    }
    if (strict && getPrototypeOf(a) !== getPrototypeOf(b)) return false;
    if (isArray(a) !== isArray(b)) return false;
    const dates = [branded(getTime, a), branded(getTime, b)];
    if (dates[0] || dates[1]) {
      return dates[0] && dates[1] && is(apply(getTime, a, []), apply(getTime, b, []));
    }
    const regexps = [branded(regexpSource, a), branded(regexpSource, b)];
    if (regexps[0] || regexps[1]) {
      return (
        regexps[0] &&
        regexps[1] &&
        apply(regexpSource, a, []) === apply(regexpSource, b, []) &&
        apply(regexpFlags, a, []) === apply(regexpFlags, b, [])
      );
    }
    const maps = [branded(mapSize, a), branded(mapSize, b)];
    if (maps[0] || maps[1]) {
      if (!(maps[0] && maps[1]) || apply(mapSize, a, []) !== apply(mapSize, b, [])) return false;
      const list = entriesOf(a, mapEntries, iteratorNext);
      for (let i = 0; i < list.length; i++) {
        const [k, v] = list[i];
        if (!apply(mapHas, b, [k]) || !deep(v, apply(mapGet, b, [k]), strict, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    const sets = [branded(setSize, a), branded(setSize, b)];
    if (sets[0] || sets[1]) {
      if (!(sets[0] && sets[1]) || apply(setSize, a, []) !== apply(setSize, b, [])) return false;
      const left = entriesOf(a, setValues, setIteratorNext);
      const right = entriesOf(b, setValues, setIteratorNext);
      outer: for (let i = 0; i < left.length; i++) {
        if (apply(setHas, b, [left[i]])) continue;
        for (let j = 0; j < right.length; j++) {
          if (deep(left[i], right[j], strict, depth + 1)) continue outer;
        }
        return false;
      }
      return true;
    }
    const ka = keys(a);
    const kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
      const k = ka[i];
      if (!apply(hasOwn, b, [k])) return false;
      if (!deep(a[k], b[k], strict, depth + 1)) return false;
    }
    return true;
  }

  const expectedGot = (a, b) => "expected " + show(b) + ", got " + show(a);
  const other = (b) => "expected a value other than " + show(b);

  function assert(value, message) {
    if (!value) fail(message, "expected a truthy value, got " + show(value));
  }
  assert.ok = assert;
  assert.AssertionError = AssertionError;
  assert.fail = function (message) {
    fail(message, "failed");
  };
  assert.equal = function (a, b, m) {
    if (!(a == b || (a !== a && b !== b))) fail(m, expectedGot(a, b));
  };
  assert.notEqual = function (a, b, m) {
    if (a == b) fail(m, other(b));
  };
  assert.strictEqual = function (a, b, m) {
    if (!is(a, b)) fail(m, expectedGot(a, b));
  };
  assert.notStrictEqual = function (a, b, m) {
    if (is(a, b)) fail(m, other(b));
  };
  assert.deepEqual = function (a, b, m) {
    if (!deep(a, b, false, 0)) fail(m, expectedGot(a, b));
  };
  assert.deepStrictEqual = function (a, b, m) {
    if (!deep(a, b, true, 0)) fail(m, expectedGot(a, b));
  };
  assert.notDeepEqual = function (a, b, m) {
    if (deep(a, b, false, 0)) fail(m, other(b));
  };
  assert.notDeepStrictEqual = function (a, b, m) {
    if (deep(a, b, true, 0)) fail(m, other(b));
  };
  assert.throws = function (fn, expected, m) {
    if (typeof expected === "string") {
      m = expected;
      expected = undefined;
    }
    let thrown = false;
    let e;
    const mark = report.mark();
    try {
      fn();
    } catch (error) {
      thrown = true;
      e = error;
    }
    if (!thrown) fail(m, "missing expected exception");
    // An assertion failing inside `fn` is what this test expected, not a failure of its own.
    report.caught(e, mark);
    if (expected === undefined) return;
    if (branded(regexpSource, expected)) {
      const text = isObject(e) && e.message !== undefined ? e.message : e;
      if (apply(regexpTest, expected, [toText(text)]) || apply(regexpTest, expected, [toText(e)])) {
        return;
      }
      fail(m, "the error did not match " + toText(expected));
    }
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && e instanceof expected) return;
      if (expected === ErrorCtor || expected.prototype instanceof ErrorCtor) {
        fail(m, "the error was not a " + expected.name);
      }
      if (expected(e) === true) return;
    }
    if (isObject(expected) && isObject(e)) {
      const names = keys(expected);
      let all = true;
      for (let i = 0; i < names.length; i++) {
        if (!deep(e[names[i]], expected[names[i]], true, 0)) all = false;
      }
      if (all) return;
    }
    fail(m, "the error did not match");
  };
  assert.doesNotThrow = function (fn, m) {
    try {
      fn();
    } catch (e) {
      fail(typeof m === "string" ? m : undefined, "got unwanted exception: " + toText(e));
    }
  };
  assert.match = function (s, re, m) {
    if (!apply(regexpTest, re, [s])) fail(m, "expected " + show(s) + " to match " + toText(re));
  };
  assert.strict = assert;

  function require(name) {
    if (typeof name === "string" && /^(node:)?assert(\/strict)?$/.test(name)) return assert;
    const e = new ErrorCtor("Cannot find module '" + toText(name) + "': only assert is available");
    Object.defineProperty(e, "name", { value: "ModuleNotFoundError" });
    throw e;
  }

  const console = {};
  const methods = [
    "log",
    "info",
    "warn",
    "error",
    "debug",
    "trace",
    "dir",
    "table",
    "group",
    "groupEnd",
  ];
  for (const k of methods) {
    const method = isObject(base) ? base[k] : undefined;
    console[k] = typeof method === "function" ? method.bind(base) : function () {};
  }
  console.assert = function (condition, ...rest) {
    if (condition) return;
    const parts = [];
    for (let i = 0; i < rest.length; i++) apply(push, parts, [toText(rest[i])]);
    const text = rest.length > 0 ? apply(join, parts, [" "]) : "console.assert failed";
    fail(undefined, text);
  };

  return { assert, console, require, AssertionError };
}
