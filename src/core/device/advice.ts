/**
 * What to tell a person whose browser shows no WebGPU, per browser and OS, as of mid-2025:
 * Chrome/Edge 113+ ship it on Windows, macOS and ChromeOS, Chrome 121+ on Android, Firefox 141+
 * on Windows, Safari 26+ on macOS and iOS; Linux Chromium still needs a flag.
 */
import type { BrowserInfo, GpuProbe } from "./types";

/** Advice for software renderers (SwiftShader, llvmpipe, WARP), fallback adapters included. */
export function softwareRendererAdvice(isFallbackAdapter: boolean): string {
  const what = isFallbackAdapter ? "The fallback adapter" : "This adapter";
  return `${what} is a software renderer: it works but is very slow. Expect seconds per token; use the smallest models.`;
}

export const STILL_WORKS_WITHOUT_WEBGPU =
  "Without WebGPU you can still replay and score imported answers, and read reports.";

/** Browser-specific steps to get WebGPU, followed by what still works without it. */
export function noWebGpuAdvice(browser: BrowserInfo, reason: GpuProbe["webgpu"]): string[] {
  const advice: string[] = [];
  if (reason === "no-adapter" || reason === "error") {
    advice.push(
      "The browser has WebGPU but found no usable GPU: update your GPU drivers, and check that the GPU is not blocklisted.",
    );
  }
  advice.push(...browserSteps(browser));
  advice.push(
    "Check what your browser reports at https://webgpureport.org; Chrome or Edge 113+ on Windows, macOS or ChromeOS is the surest choice.",
  );
  advice.push(STILL_WORKS_WITHOUT_WEBGPU);
  return advice;
}

function browserSteps({ kind, version, os }: BrowserInfo): string[] {
  if (os === "ios") {
    // Every iOS browser runs on Safari's engine, whatever its name.
    return [
      version >= 26 && kind === "safari"
        ? "Safari 26 ships WebGPU; if it is off, turn it on in Settings › Apps › Safari › Advanced › Feature Flags › WebGPU."
        : "On iPhone and iPad every browser uses Safari's engine: update to iOS/iPadOS 26 or later, or turn on Settings › Apps › Safari › Advanced › Feature Flags › WebGPU.",
    ];
  }
  if (kind === "chrome" || kind === "edge") return chromiumSteps(kind, version, os);
  if (kind === "firefox") return firefoxSteps(version, os);
  if (kind === "safari") {
    return version >= 26
      ? [
          "Safari 26 and later ship WebGPU; check Develop › Feature Flags › WebGPU is on (show the Develop menu in Settings › Advanced).",
        ]
      : [
          `Safari ${version || "before 26"} has WebGPU behind a flag: turn on Develop › Feature Flags › WebGPU (show the Develop menu in Settings › Advanced), or update to Safari 26.`,
        ];
  }
  return ["Use a recent Chrome or Edge (113 or later) on Windows, macOS or ChromeOS."];
}

function chromiumSteps(kind: "chrome" | "edge", version: number, os: BrowserInfo["os"]): string[] {
  const name = kind === "edge" ? "Edge" : "Chrome";
  const scheme = kind === "edge" ? "edge" : "chrome";
  if (os === "linux") {
    return [
      `${name} on Linux does not enable WebGPU by default: start it with --enable-unsafe-webgpu --enable-features=Vulkan, or turn on ${scheme}://flags/#enable-unsafe-webgpu and restart.`,
    ];
  }
  if (os === "android") {
    return version >= 121
      ? [
          `${name} has shipped WebGPU on Android 12+ since version 121, for recent Qualcomm and ARM GPUs; this device's GPU may not be supported yet.`,
        ]
      : [`Update ${name} to version 121 or later: it ships WebGPU on Android 12+.`];
  }
  if (os === "windows" || os === "mac" || os === "chromeos") {
    if (version > 0 && version < 113) {
      return [`Update ${name} to version 113 or later: it ships WebGPU on this system.`];
    }
    return [
      `${name} 113+ should have WebGPU here: open ${scheme}://gpu and look at the “WebGPU” line.`,
      "Update your GPU drivers.",
      kind === "edge"
        ? "Turn on Settings › System and performance › Use graphics acceleration when available, then restart Edge."
        : "Turn on Settings › System › Use graphics acceleration when available, then restart Chrome.",
    ];
  }
  return [`Use ${name} 113 or later on Windows, macOS or ChromeOS, where WebGPU is on by default.`];
}

function firefoxSteps(version: number, os: BrowserInfo["os"]): string[] {
  if (os === "windows") {
    return version >= 141
      ? [
          `Firefox ${version} ships WebGPU on Windows: check about:support for WebGPU, and update your GPU drivers.`,
        ]
      : ["Update Firefox to version 141 or later: it ships WebGPU on Windows."];
  }
  return [
    "Firefox enables WebGPU by default only on Windows so far: set dom.webgpu.enabled to true in about:config, or try Firefox Nightly.",
  ];
}
