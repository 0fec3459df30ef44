import { describe, expect, it } from "vitest";
import { buildSrcdoc, newNonce, sandboxPolicy } from "./srcdoc";

const NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

describe("sandboxPolicy", () => {
  it("denies everything by default and allows only the nonce script, eval and blob workers", () => {
    const directives = sandboxPolicy(NONCE).split("; ");
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain(`script-src 'nonce-${NONCE}' 'unsafe-eval'`);
    expect(directives).toContain("worker-src blob:");
    // Nothing that would re-open the network or inline scripts.
    for (const d of directives) {
      expect(d).not.toMatch(/unsafe-inline|\*|https?:|data:|connect-src|img-src/);
    }
  });
});

describe("buildSrcdoc", () => {
  const html = buildSrcdoc(NONCE);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];

  it("puts the CSP before the one script, which carries the nonce", () => {
    expect(html.indexOf("Content-Security-Policy")).toBeGreaterThan(-1);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(html).toContain(`content="${sandboxPolicy(NONCE)}"`);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toBe(` nonce="${NONCE}"`);
  });

  it("inlines the worker prelude as a string that cannot close the script element", () => {
    const body = scripts[0]?.[2] ?? "";
    expect(body).not.toContain("__POLYMATH_WORKER_SOURCE__");
    expect(body).toContain("Only this prelude may answer the frame");
    expect(body).not.toMatch(/<\/script/i);
    expect(() => new Function(body)).not.toThrow(); // parses; not run
  });

  it("refuses a nonce that could break out of the attribute", () => {
    expect(() => buildSrcdoc('x" onload="alert(1)')).toThrow();
    expect(() => buildSrcdoc("short")).toThrow();
  });

  it("makes a different nonce each time that buildSrcdoc accepts", () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(() => buildSrcdoc(a)).not.toThrow();
  });
});
