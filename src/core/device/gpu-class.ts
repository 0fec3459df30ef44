/**
 * Which kind of GPU the adapter looks like. WebGPU does not say how much memory a GPU has, so
 * the class (with the limits) is what the memory budget is planned from.
 */
import type { AdapterFacts, BrowserInfo, GpuClass } from "./types";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** At or below this, the adapter has a phone-sized binding limit (WebGPU's default is 128 MiB). */
export const MOBILE_BINDING_LIMIT_BYTES = 128 * MIB;

const SOFTWARE_MARKERS = [
  "swiftshader",
  "llvmpipe",
  "lavapipe",
  "softpipe",
  "microsoft basic render",
];
const MOBILE_VENDORS = ["qualcomm", "adreno", "arm", "mali", "imagination", "powervr", "samsung"];
const DISCRETE_NVIDIA_ARCH = [
  "maxwell",
  "pascal",
  "volta",
  "turing",
  "ampere",
  "lovelace",
  "ada",
  "hopper",
  "blackwell",
];

/** Classify the adapter as software, mobile, discrete, integrated or unknown. */
export function classifyGpu(adapter: AdapterFacts, browser: BrowserInfo): GpuClass {
  const text = [adapter.vendor, adapter.architecture, adapter.description, adapter.device]
    .join(" ")
    .toLowerCase();
  const vendor = adapter.vendor.toLowerCase();
  const { maxStorageBufferBindingSize, maxBufferSize } = adapter.limits;

  if (adapter.isFallbackAdapter || SOFTWARE_MARKERS.some((m) => text.includes(m))) {
    return "software";
  }
  const mobileOs = browser.os === "android" || browser.os === "ios";
  // Snapdragon laptops carry Adreno GPUs with ample shared memory: treat them like an iGPU.
  if (browser.os === "windows" && /qualcomm|adreno/.test(text)) return "integrated";
  if (
    mobileOs ||
    maxStorageBufferBindingSize <= MOBILE_BINDING_LIMIT_BYTES ||
    MOBILE_VENDORS.some((m) => hasWord(text, m))
  ) {
    return "mobile";
  }
  if (vendor.includes("apple") || hasWord(text, "apple")) return "integrated";
  if (vendor.includes("intel") || hasWord(text, "intel")) {
    // Arc A-/B-series cards are discrete; "Intel Arc Graphics" without a model number is the iGPU.
    return /\barc(?:\(tm\))?\s+[ab]\d{3}/.test(text) ? "discrete" : "integrated";
  }
  if (vendor.includes("nvidia") || hasWord(text, "nvidia") || hasWord(text, "geforce")) {
    // Tegra/Orin boards share memory with the CPU.
    return /tegra|orin|xavier/.test(text) ? "integrated" : "discrete";
  }
  if (DISCRETE_NVIDIA_ARCH.some((a) => adapter.architecture.toLowerCase() === a)) return "discrete";
  if (vendor.includes("amd") || vendor === "ati" || hasWord(text, "radeon")) {
    // APUs report "Radeon(TM) Graphics", "Vega 8 Graphics" or a 7x0M part; Chrome often hides
    // the description, and then a discrete card is the likelier guess for a WebGPU user on AMD.
    return /radeon\(tm\) graphics|radeon graphics|vega \d+ graphics|\b[678]\d0m\b/.test(text)
      ? "integrated"
      : "discrete";
  }
  if (!vendor && maxBufferSize >= 4 * GIB && maxStorageBufferBindingSize >= 2 * GIB) {
    return "discrete";
  }
  return "unknown";
}

function hasWord(text: string, word: string): boolean {
  return new RegExp(`(?:^|[^a-z])${word}(?:$|[^a-z])`).test(text);
}
