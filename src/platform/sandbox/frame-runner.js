// The sandbox frame's only script (see sandbox-page.ts). It never evaluates a program itself: each
// program runs in a fresh dedicated Worker, so an endless loop cannot freeze this frame or the
// app even where the browser keeps sandboxed frames in the app's process, and the host can always
// kill it by removing this frame.
//
// Host -> frame: {type:"run", id, program}. Frame -> host: {type:"ready"} once a worker has
// started, {type:"fatal", message} when none can, {type:"result", id, outcome} per run.
(() => {
  "use strict";
  const WORKER_SOURCE = "__POLYMATH_WORKER_SOURCE__";

  // CSP does not cover WebRTC, and no program should open windows or dialogs from here.
  for (const name of [
    "RTCPeerConnection",
    "webkitRTCPeerConnection",
    "RTCDataChannel",
    "open",
    "alert",
    "confirm",
    "prompt",
    "print",
  ]) {
    try {
      Object.defineProperty(window, name, {
        value: undefined,
        configurable: false,
        writable: false,
      });
    } catch {
      // already non-configurable: the sandbox flags still block it
    }
  }

  const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  const running = new Map();

  function tell(message) {
    parent.postMessage(message, "*");
  }

  function startWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { name: "polymath-sandbox" });
      worker.onmessage = (event) => {
        if (event.data && event.data.type === "ready") resolve(worker);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error(event.message || "The sandbox worker did not start."));
      };
    });
  }

  // One worker waits ready, so a run does not pay for starting one.
  let spare = startWorker();

  // Known to this frame and the prelude only: a message without it did not come from the prelude.
  function runNonce() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function finish(id, outcome) {
    const worker = running.get(id);
    if (!worker) return;
    running.delete(id);
    worker.terminate();
    tell({ type: "result", id, outcome });
  }

  async function run(id, program) {
    let worker;
    try {
      worker = await spare;
    } catch (error) {
      tell({ type: "fatal", message: String((error && error.message) || error) });
      return;
    }
    spare = startWorker();
    spare.catch(() => {}); // reported when a run takes it
    running.set(id, worker);
    const nonce = runNonce();
    worker.onmessage = (event) => {
      const data = event.data;
      if (data && data.type === "result" && data.nonce === nonce) finish(id, data.outcome);
    };
    // The prelude handles the program's own errors; this is the worker itself failing.
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || "The sandbox worker stopped.";
      finish(id, { status: "error", errorName: "Error", message, durationMs: 0 });
    };
    worker.postMessage({ program, nonce });
  }

  addEventListener("message", (event) => {
    if (event.source !== parent) return;
    const data = event.data;
    if (data && data.type === "run" && typeof data.id === "string") {
      if (typeof data.program === "string") run(data.id, data.program);
    }
  });

  spare.then(
    () => tell({ type: "ready" }),
    (error) => tell({ type: "fatal", message: String((error && error.message) || error) }),
  );
})();
