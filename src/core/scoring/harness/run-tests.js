// The program that tests one code answer, HumanEval-X style; program.ts fills in the markers.
// It runs in the sandbox (or node:vm in unit tests) as a classic script and is the only code that
// decides the outcome: its completion value is TOKEN, a per-run secret, exactly when the tests ran
// to their end with the harness's own checks and nothing failed; otherwise it throws an error
// naming what went wrong. The answer cannot reach TOKEN (it sits in this strict function's
// closure, which no `caller`, `arguments` or stack trace exposes) nor make this function return.
//
// Order, and why:
// 1. Capture what the harness needs and build its assert/console/require (assert-shim.js).
// 2. Freeze the built-ins (lockdown.js): the answer can no longer change what the tests compare
//    with, and an attempt to replace one is recorded as tampering.
// 3. Compile the answer alone: it must be a complete body, so it cannot open a comment, string or
//    block that would swallow the code after it.
// 4. Run the prompt's helpers (PREFIX) in an outer function, then the answer as eval code in an
//    inner one. Eval code cannot `return`, so the only ways out are finishing, throwing or
//    looping forever. Its completion value is a function appended after it (the "test wrapper"),
//    created inside the answer's scope, so the tests see the answer's declarations.
// 5. Call the wrapper with pristine built-ins and the harness's assert/console as parameters
//    (closer than anything the answer declares or assigns) and the test source, which it runs as
//    eval code too. A promise the tests end with is awaited.
// 6. Only then, with no tampering, no early exit and no assertion failure recorded (even ones the
//    answer caught), the result is TOKEN.
(() => {
  "use strict";
  const TOKEN = "__POLYMATH_TOKEN__";
  const PREFIX = "__POLYMATH_PREFIX__";
  // The answer's code, "\n", then the tests: HumanEval-X's concatenation, split at ANSWER_LENGTH.
  const SOURCE = "__POLYMATH_SOURCE__";
  const ANSWER_LENGTH = "__POLYMATH_ANSWER_LENGTH__";
  // The function the tests call: the answer's own, never shadowed by a parameter below.
  const ENTRY_POINT = "__POLYMATH_ENTRY_POINT__";
  const makeShim = "__POLYMATH_ASSERT_SHIM__";
  const lockdown = "__POLYMATH_LOCKDOWN__";

  const global = globalThis;
  const evaluate = global.eval;
  const FunctionCtor = global.Function;
  const ErrorCtor = global.Error;
  const apply = Reflect.apply;
  const define = Object.defineProperty;
  const PromiseCtor = global.Promise;
  const then = PromiseCtor.prototype.then;
  const stringOf = String;
  const SyntaxErrorCtor = global.SyntaxError;

  const answer = SOURCE.slice(0, ANSWER_LENGTH);
  const test = SOURCE.slice(ANSWER_LENGTH + 1);

  // What the harness saw go wrong. Kept here, out of the answer's reach; a tampering or an exit
  // fails the item even when the answer catches the error it raised, and so does a failed
  // assertion, unless an assert.throws around it expected it.
  const failures = [];
  const incidents = [];
  let raised = 0;
  const exitSignal = Object.freeze({ reason: "exit" });

  function problem(name, message) {
    const error = new ErrorCtor(message);
    define(error, "name", { value: name });
    return error;
  }
  const shim = makeShim(global.console, {
    failed: (error) => failures.push({ error, at: raised++ }),
    mark: () => raised,
    caught(error, mark) {
      for (let i = failures.length - 1; i >= 0; i--) {
        if (failures[i].error === error && failures[i].at >= mark) failures.splice(i, 1);
      }
    },
  });
  const processStub = {
    exit() {
      incidents.push(problem("EarlyExit", "the answer called process.exit()"));
      throw exitSignal;
    },
    abort() {
      incidents.push(problem("EarlyExit", "the answer called process.abort()"));
      throw exitSignal;
    },
  };
  const module = { exports: {} };

  // Built-ins the tests may name; each is passed to them as a parameter holding the original.
  const BUILTINS = [
    "Object",
    "Function",
    "Array",
    "Number",
    "Boolean",
    "String",
    "Symbol",
    "BigInt",
    "Math",
    "JSON",
    "Reflect",
    "Proxy",
    "Promise",
    "Date",
    "RegExp",
    "Error",
    "AggregateError",
    "EvalError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "TypeError",
    "URIError",
    "Map",
    "Set",
    "WeakMap",
    "WeakSet",
    "WeakRef",
    "FinalizationRegistry",
    "ArrayBuffer",
    "SharedArrayBuffer",
    "DataView",
    "Int8Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
    "BigUint64Array",
    "Atomics",
    "Intl",
    "Iterator",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "encodeURI",
    "encodeURIComponent",
    "decodeURI",
    "decodeURIComponent",
    "NaN",
    "Infinity",
    "undefined",
    "globalThis",
  ];
  // Host functions a test may use; passed as originals, not frozen deeper than the function.
  const HOST = [
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "queueMicrotask",
    "structuredClone",
  ];
  const present = (name) => name !== ENTRY_POINT && name in global;
  const builtins = BUILTINS.filter(present);
  const host = HOST.filter(present);
  const harnessNames = ["assert", "console", "require", "module", "exports", "process"];
  const names = [...builtins, ...host, ...harnessNames].filter((n) => n !== ENTRY_POINT);
  const harnessValues = {
    assert: shim.assert,
    console: shim.console,
    require: shim.require,
    module,
    exports: module.exports,
    process: processStub,
  };
  const values = names.map((n) => (n in harnessValues ? harnessValues[n] : global[n]));

  // Intrinsics no global names: iterator and generator prototypes, %TypedArray%, …
  const hidden = [];
  const probe = (name, make) => {
    try {
      hidden.push([name, make()]);
    } catch {
      // absent in this engine
    }
  };
  probe("ArrayIteratorPrototype", () => Object.getPrototypeOf([][Symbol.iterator]()));
  probe("MapIteratorPrototype", () => Object.getPrototypeOf(new Map().entries()));
  probe("SetIteratorPrototype", () => Object.getPrototypeOf(new Set().values()));
  probe("StringIteratorPrototype", () => Object.getPrototypeOf(""[Symbol.iterator]()));
  probe("RegExpStringIteratorPrototype", () => Object.getPrototypeOf(/a/g[Symbol.matchAll]("a")));
  probe("GeneratorFunction", () => Object.getPrototypeOf(function* () {}).constructor);
  probe("AsyncFunction", () => Object.getPrototypeOf(async function () {}).constructor);
  probe("AsyncGeneratorFunction", () => Object.getPrototypeOf(async function* () {}).constructor);
  probe("IteratorHelperPrototype", () => Object.getPrototypeOf([].values().map((x) => x)));
  probe("WrapForValidIteratorPrototype", () => Object.getPrototypeOf(Iterator.from({ next() {} })));

  const roots = [
    ...builtins.map((n) => [n, global[n]]),
    ["eval", evaluate],
    ...hidden,
    ...host.map((n) => [n, global[n]]),
    ["assert", shim.assert],
    ["console", shim.console],
    ["require", shim.require],
    ["process", processStub],
  ];
  lockdown(roots, [...builtins, "eval", ...host], (message) =>
    incidents.push(problem("Tampering", message)),
  );

  // Whatever was thrown, as a plain error of the harness's own.
  function rethrowable(error) {
    if (error === exitSignal) return incidents[0];
    try {
      if (error !== null && (typeof error === "object" || typeof error === "function")) {
        const name = error.name;
        const message = error.message;
        return problem(
          typeof name === "string" && name ? name : "Error",
          typeof message === "string" ? message : stringOf(error),
        );
      }
      return problem("Error", `Uncaught ${stringOf(error)}`);
    } catch {
      return problem("Error", "The program threw a value that cannot be read.");
    }
  }

  function compiles(body) {
    try {
      new FunctionCtor(body);
      return true;
    } catch {
      return false;
    }
  }

  // The outcome once the tests have run (or thrown `thrown`).
  function verdict(thrown, threw) {
    if (incidents.length > 0) throw incidents[0];
    if (threw) throw rethrowable(thrown);
    if (failures.length > 0) throw rethrowable(failures[0].error);
    return TOKEN;
  }

  try {
    new FunctionCtor(answer);
  } catch (error) {
    throw rethrowable(error);
  }
  // Strict code cannot name a parameter `eval`; there the wrapper reaches the locked global one.
  // The probe is a nested function's parameter, which no declaration of the answer's can clash
  // with; and the wrapper checks that the `eval` it reaches is the original (else `shadowed`).
  const strictProbe = "\n;(function (eval) {});";
  const strict = !compiles(PREFIX + strictProbe) || !compiles(answer + strictProbe);
  const shadowed = Object.freeze({ reason: "shadowed" });
  const params = `${strict ? "" : "eval, "}__polymathEval, __polymathShadowed, __polymathTest`;
  const suffix = `\n;\n(function (${params}, ${names.join(", ")}) {
  return eval === __polymathEval ? eval(__polymathTest) : __polymathShadowed;
})\n`;

  let inner;
  try {
    const outer = evaluate(`(function (${harnessNames.join(", ")}) {\n${PREFIX}
;return function (__polymathAnswer, __polymathStarted) {
  return eval(__polymathAnswer);
};
})`);
    inner = apply(
      outer,
      undefined,
      harnessNames.map((n) => harnessValues[n]),
    );
  } catch (error) {
    throw rethrowable(error); // the prompt's own helpers failed: not the answer's doing
  }

  // A tripwire as the answer's first statement (on its first line, so line numbers hold) tells a
  // parse failure from an error the answer threw; in strict code the directive moves before it.
  const tripwire = `${strict ? '"use strict"; ' : ""}__polymathStarted();`;
  let wrapper;
  let started = false;
  try {
    wrapper = apply(inner, undefined, [
      tripwire + answer + suffix,
      () => {
        started = true;
      },
    ]);
  } catch (error) {
    // It compiled as a function body, yet as eval code it did not even start: a top-level return.
    if (!started && error instanceof SyntaxErrorCtor) {
      throw problem("EarlyExit", "the answer returns from its top level, skipping the tests");
    }
    return verdict(error, true);
  }
  if (typeof wrapper !== "function") {
    throw problem("EarlyExit", "the answer's code did not hand over to the tests");
  }

  let completion;
  try {
    const head = [evaluate, shadowed, test];
    completion = apply(
      wrapper,
      undefined,
      strict ? [...head, ...values] : [evaluate, ...head, ...values],
    );
  } catch (error) {
    return verdict(error, true);
  }
  if (completion === shadowed) {
    incidents.push(problem("Tampering", "eval was shadowed, so the tests could not run"));
  }
  // Tests that end with a promise finish when it settles. `then` itself is the brand check: it
  // throws for anything but a real promise, so a look-alike thenable is not awaited.
  if (completion !== null && typeof completion === "object") {
    let resolve;
    let reject;
    const settled = new PromiseCtor((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    const settle = (thrown, threw) => {
      try {
        resolve(verdict(thrown, threw));
      } catch (error) {
        reject(error);
      }
    };
    try {
      apply(then, completion, [() => settle(undefined, false), (error) => settle(error, true)]);
      return settled;
    } catch {
      // not a promise: the tests ended with a value
    }
  }
  return verdict(undefined, false);
})();
