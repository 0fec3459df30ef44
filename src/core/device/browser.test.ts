import { describe, expect, it } from "vitest";
import { parseBrowser } from "./browser";

// Fixture user agents, copied in the shape real browsers send.
const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  headlessLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  chromeOs:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  chromeIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
  firefoxMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15",
  safariIpad:
    "Mozilla/5.0 (iPad; CPU OS 26_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1",
};

describe("parseBrowser", () => {
  it.each([
    ["chromeWindows", "chrome", 131, "windows"],
    ["edgeWindows", "edge", 131, "windows"],
    ["headlessLinux", "chrome", 140, "linux"],
    ["chromeAndroid", "chrome", 131, "android"],
    ["chromeOs", "chrome", 131, "chromeos"],
    ["chromeIos", "chrome", 120, "ios"],
    ["firefoxMac", "firefox", 128, "mac"],
    ["safariMac", "safari", 18, "mac"],
    ["safariIpad", "safari", 26, "ios"],
  ] as const)("reads %s", (key, kind, version, os) => {
    expect(parseBrowser(UA[key])).toEqual({ kind, version, os });
  });

  it("returns other/0 for an empty or unknown agent", () => {
    expect(parseBrowser("")).toEqual({ kind: "other", version: 0, os: "other" });
    expect(parseBrowser("curl/8.5.0")).toEqual({ kind: "other", version: 0, os: "other" });
  });
});
