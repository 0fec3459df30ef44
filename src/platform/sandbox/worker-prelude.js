// Runs inside a dedicated Worker that the sandbox frame starts for ONE program, then terminates.
// A fresh worker per program means one program cannot leave traps (patched builtins, globals) for
// the next, and an endless loop blocks only this thread, never the frame or the app.
//
// Protocol: posts {type:"ready"}, receives {program, nonce}, posts {type:"result", nonce, outcome}
// once; the nonce, fresh per run and unknown to the program, tells the frame the result is ours.
// The program is a classic script whose completion value is the result (`1 + 2` gives 3); when it
// uses a top-level `return` or `await` it runs as the body of an async function instead. A
// promise result is awaited. Failed `console.assert` calls are errors even when the program
// catches them.
(() => {
  "use strict";
  const scope = self;
  // Captured before the program runs: it may patch any global, but not these bindings.
  const post = scope.postMessage.bind(scope);
  const now = performance.now.bind(performance);
  const later = setTimeout;
  const stringify = JSON.stringify;
  const stringOf = String;
  const apply = Reflect.apply;
  const define = Object.defineProperty;
  const ErrorCtor = Error;
  const AsyncFunction = (async () => {}).constructor;
  const MAX_TEXT = 10_000;
  const MAX_NAME = 100;

  // Only this prelude may answer the frame, so a program cannot post a forged verdict.
  for (let o = scope; o; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, "postMessage")) delete o.postMessage;
  }

  // close() is a worker's process.exit(): it would end the run before its tests finished (under
  // Node an early exit even passes). Here it throws, and the run fails even if that is caught.
  let exitAttempt = null;
  for (let o = scope; o; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, "close")) delete o.close;
  }
  define(scope, "close", {
    value: function close() {
      exitAttempt ??= named("EarlyExit", "the program called close() to end the sandbox early");
      throw exitAttempt;
    },
    configurable: false,
    writable: false,
  });

  class AssertionError extends Error {}
  Object.defineProperty(AssertionError.prototype, "name", { value: "AssertionError" });

  function named(name, message) {
    const error = new ErrorCtor(message);
    define(error, "name", { value: name });
    return error;
  }

  let failedAssertion = null;
  let replacement = null;
  function assert(condition, ...data) {
    let failure = null;
    if (!condition) {
      let message = "Assertion failed";
      // A plain loop: the program may have patched Array.prototype.map or join.
      for (let i = 0; i < data.length; i++) message += `${i === 0 ? ":" : ""} ${toText(data[i])}`;
      failure = new AssertionError(message);
      failedAssertion ??= failure;
    }
    // A scorer may install its own assert (nicer messages); it runs, but cannot hide a failure.
    if (replacement) {
      const result = apply(replacement, this, [condition, ...data]);
      if (!failure) return result;
    }
    if (failure) throw failure;
  }
  const consoleObject = scope.console;
  Object.defineProperty(consoleObject, "assert", {
    configurable: false,
    enumerable: true,
    get: () => assert,
    set: (fn) => {
      replacement = typeof fn === "function" && fn !== assert ? fn : null;
    },
  });
  Object.defineProperty(scope, "console", {
    value: consoleObject,
    configurable: false,
    writable: false,
  });

  // String() itself throws for some values (Object.create(null), symbols in templates).
  function toText(value) {
    try {
      return stringOf(value);
    } catch {
      return "[value without a text form]";
    }
  }

  function clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
  }

  function encode(value) {
    if (value === undefined) return undefined;
    let json;
    try {
      json = stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) json = stringify(toText(value));
    if (json.length <= MAX_TEXT) return json;
    // Too long to keep whole: a JSON string of its clipped text.
    return stringify(clip(typeof value === "string" ? value : json, MAX_TEXT));
  }

  function describe(error) {
    try {
      if (error !== null && (typeof error === "object" || typeof error === "function")) {
        const name = error.name;
        const message = error.message;
        return {
          errorName: clip(typeof name === "string" && name ? name : "Error", MAX_NAME),
          message: clip(typeof message === "string" ? message : toText(error), MAX_TEXT),
        };
      }
      return { errorName: "Error", message: clip(`Uncaught ${toText(error)}`, MAX_TEXT) };
    } catch {
      return { errorName: "Error", message: "The program threw a value that cannot be read." };
    }
  }

  // Scripts keep their completion value; a class static block parses like a script body but
  // rejects top-level `return` and `await`, so it tells the two kinds apart without running
  // anything.
  function compile(program) {
    const script = () => (0, eval)(program);
    try {
      new Function(`(class { static {\n${program}\n} })`);
      return script;
    } catch {
      // not a plain script: try an async function body below
    }
    try {
      const body = new AsyncFunction(program);
      return () => body.call(undefined);
    } catch {
      return script; // let eval report the syntax error with its own message
    }
  }

  function withValue(outcome, value) {
    // Defined, not assigned: a setter the program put on Object.prototype must not eat it.
    if (value !== undefined) define(outcome, "value", { value, enumerable: true });
    return outcome;
  }

  let started = false;
  let finished = false;
  let startedAt = 0;
  let nonce = "";

  function finish(outcome) {
    if (finished) return;
    finished = true;
    const final = exitAttempt ? { status: "error", ...describe(exitAttempt) } : outcome;
    post({ type: "result", nonce, outcome: { ...final, durationMs: now() - startedAt } });
  }

  scope.addEventListener("error", (event) => {
    event.preventDefault();
    if (started)
      finish({ status: "error", ...describe(event.error ?? { message: event.message }) });
  });
  scope.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    if (started) finish({ status: "error", ...describe(event.reason) });
  });

  async function execute(program) {
    let outcome;
    try {
      const value = await compile(program)();
      outcome = failedAssertion
        ? { status: "error", ...describe(failedAssertion) }
        : withValue({ status: "ok" }, encode(value));
    } catch (error) {
      outcome = { status: "error", ...describe(error) };
    }
    // Two more turns of the event loop let a dangling rejection surface as the error it is
    // (Chromium fires unhandledrejection from a task queued after the first turn's timer).
    later(() => later(() => finish(outcome), 0), 0);
  }

  scope.addEventListener("message", (event) => {
    const program = event.data && event.data.program;
    if (started || typeof program !== "string") return;
    started = true;
    startedAt = now();
    nonce = typeof event.data.nonce === "string" ? event.data.nonce : "";
    execute(program);
  });

  post({ type: "ready" });
})();
