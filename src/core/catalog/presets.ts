/**
 * Ready-made comparisons. Data only: each group is one side of the comparison and names model
 * keys (ids without quantization), so the variant is chosen per device by `resolvePreset`.
 */

export interface PresetGroup {
  label: string;
  /** Model keys, e.g. "Qwen2.5-Coder-1.5B-Instruct". */
  keys: string[];
}

export interface Preset {
  id: string;
  title: string;
  description: string;
  groups: PresetGroup[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: "qwen2.5-1.5b-family",
    title: "Qwen2.5-1.5B family",
    description:
      "One 1.5B base, three fine-tunes: the instruction generalist against its code and maths specialists.",
    groups: [
      { label: "Instruct (generalist)", keys: ["Qwen2.5-1.5B-Instruct"] },
      { label: "Coder (code specialist)", keys: ["Qwen2.5-Coder-1.5B-Instruct"] },
      { label: "Math (maths specialist)", keys: ["Qwen2.5-Math-1.5B-Instruct"] },
    ],
  },
  {
    id: "unified-vs-team",
    title: "Unified vs team",
    description:
      "Can one newer generalist replace a team of same-size specialists? Qwen3-1.7B against Qwen2.5-Coder-1.5B plus Qwen2.5-Math-1.5B.",
    groups: [
      { label: "Unified (Qwen3-1.7B)", keys: ["Qwen3-1.7B"] },
      {
        label: "Team (Coder + Math)",
        keys: ["Qwen2.5-Coder-1.5B-Instruct", "Qwen2.5-Math-1.5B-Instruct"],
      },
    ],
  },
  {
    id: "ministral-3-3b",
    title: "Ministral 3 3B",
    description:
      "Same 3B base, two tunes: the instruction generalist against the reasoning specialist.",
    groups: [
      { label: "Instruct (generalist)", keys: ["Ministral-3-3B-Instruct-2512-BF16"] },
      { label: "Reasoning (specialist)", keys: ["Ministral-3-3B-Reasoning-2512"] },
    ],
  },
  {
    id: "small",
    title: "Small (weak devices)",
    description:
      "Half a billion parameters each, for phones and software renderers: generalist against code specialist.",
    groups: [
      { label: "Instruct (generalist)", keys: ["Qwen2.5-0.5B-Instruct"] },
      { label: "Coder (code specialist)", keys: ["Qwen2.5-Coder-0.5B-Instruct"] },
    ],
  },
];
