import { describe, expect, it } from "vitest";
import { pageMayConnect } from "./remote-errors";

describe("pageMayConnect (the app CSP's connect-src)", () => {
  const page = "https://polymath.example";
  it("allows the page's own origin, https hosts and plain http on this machine", () => {
    expect(pageMayConnect("https://polymath.example/v1", page)).toBe(true);
    expect(pageMayConnect("https://api.example.com/v1", page)).toBe(true);
    expect(pageMayConnect("http://localhost:11434/v1", page)).toBe(true);
    expect(pageMayConnect("http://127.0.0.1:8000/v1", page)).toBe(true);
  });
  it("refuses plain http to other hosts, and what is no URL", () => {
    expect(pageMayConnect("http://192.168.1.20:8000/v1", page)).toBe(false);
    expect(pageMayConnect("http://gpu-box:8000/v1", page)).toBe(false);
    expect(pageMayConnect("ftp://localhost/v1", page)).toBe(false);
    expect(pageMayConnect("not a url", page)).toBe(false);
    // The app served from that host itself may call it (same origin).
    expect(pageMayConnect("http://gpu-box:8000/v1", "http://gpu-box:8000")).toBe(true);
  });
});
