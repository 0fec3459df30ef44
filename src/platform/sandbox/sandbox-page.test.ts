import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import runnerSource from "./frame-runner.js?raw";
import workerSource from "./worker-prelude.js?raw";
import { sandboxPage, sandboxPolicy, sandboxScript } from "./sandbox-page";

const script = sandboxScript(runnerSource, workerSource);
const hash = createHash("sha256").update(script, "utf8").digest("base64");

describe("sandboxPolicy", () => {
  it("denies everything by default and allows only the hashed script, eval and blob workers", () => {
    const directives = sandboxPolicy(hash).split("; ");
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain(`script-src 'sha256-${hash}' 'unsafe-eval'`);
    expect(directives).toContain("worker-src blob:");
    // Nothing that would re-open the network or inline scripts.
    for (const d of directives) {
      expect(d).not.toMatch(/unsafe-inline|\*|https?:|data:|connect-src|img-src/);
    }
  });
});

describe("sandboxPage", () => {
  const html = sandboxPage(script, hash);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];

  it("puts the CSP before the one script, whose hash it names", () => {
    expect(html.indexOf("Content-Security-Policy")).toBeGreaterThan(-1);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(html).toContain(`content="${sandboxPolicy(hash)}"`);
    expect(scripts).toHaveLength(1);
    const body = scripts[0]?.[2] ?? "";
    expect(createHash("sha256").update(body, "utf8").digest("base64")).toBe(hash);
  });

  it("inlines the worker prelude as a string that cannot close the script element", () => {
    const body = scripts[0]?.[2] ?? "";
    expect(body).not.toContain("__POLYMATH_WORKER_SOURCE__");
    expect(body).toContain("Only this prelude may answer the frame");
    expect(body).not.toMatch(/<\/script/i);
    expect(() => new Function(body)).not.toThrow(); // parses; not run
  });

  it("refuses a hash that could break out of the attribute", () => {
    expect(() => sandboxPage(script, "x' onload='alert(1)")).toThrow();
  });
});
