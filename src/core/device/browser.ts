/** Reads browser kind, major version and OS from a user-agent string (for advice only, never for gating). */
import type { BrowserInfo, BrowserKind } from "./types";

/** Parse a user agent into browser kind, major version and OS; unknown parts become "other"/0. */
export function parseBrowser(userAgent: string): BrowserInfo {
  const ua = typeof userAgent === "string" ? userAgent : "";
  const { kind, version } = browserKind(ua);
  return { kind, version, os: parseOs(ua) };
}

function browserKind(ua: string): { kind: BrowserKind; version: number } {
  // Order matters: Edge and Chrome on iOS carry "Safari", Edge carries "Chrome".
  const checks: [BrowserKind, RegExp][] = [
    ["edge", /\b(?:Edg|Edge|EdgA|EdgiOS)\/(\d+)/],
    ["firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
    ["chrome", /\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/],
    ["safari", /\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//],
  ];
  for (const [kind, pattern] of checks) {
    const match = pattern.exec(ua);
    if (match) return { kind, version: Number(match[1]) || 0 };
  }
  if (/\bAppleWebKit\//.test(ua) && /\b(?:iPhone|iPad|iPod|Macintosh)\b/.test(ua)) {
    // WebKit views (in-app browsers) without a Version token.
    return { kind: "safari", version: 0 };
  }
  return { kind: "other", version: 0 };
}

function parseOs(ua: string): BrowserInfo["os"] {
  if (/\bCrOS\b/.test(ua)) return "chromeos";
  if (/\bAndroid\b/.test(ua)) return "android";
  if (/\b(?:iPhone|iPad|iPod)\b/.test(ua)) return "ios";
  if (/\bWindows\b/.test(ua)) return "windows";
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return "mac";
  if (/\bLinux\b|\bX11\b/.test(ua)) return "linux";
  return "other";
}
