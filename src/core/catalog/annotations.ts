/**
 * What each prebuilt model is for, matched on model ids. Data only: the first rule whose
 * pattern matches an id wins, so specialists come before the generalist of the same family.
 * `baseFamily` + the size in the id make the base ("Qwen2.5" + "1.5B" → "Qwen2.5-1.5B"), which
 * groups a generalist with the specialists fine-tuned from the same pretrained model.
 */
import type { ModelDomain, ModelRole } from "./types";

export interface Annotation {
  pattern: RegExp;
  family: string;
  /** Family of the pretrained model it derives from; defaults to `family`. */
  baseFamily?: string;
  /** Explicit base when the id has no size token (Phi "mini"). */
  base?: string;
  role: ModelRole;
  domains: ModelDomain[];
  languages?: string[];
  /** Parameter count when the id does not carry it, in billions. */
  paramsB?: number;
  note: string;
}

const GENERAL: ModelDomain[] = ["chat", "instruction", "knowledge"];
const ALL_ROUND: ModelDomain[] = [...GENERAL, "code", "math", "reasoning"];

export const ANNOTATIONS: readonly Annotation[] = [
  // Embeddings: vectors for search, not chat.
  {
    pattern: /^snowflake-arctic-embed-m\b/,
    family: "Snowflake Arctic Embed",
    base: "snowflake-arctic-embed-m",
    role: "embedding",
    domains: ["embedding"],
    paramsB: 0.11,
    note: "Text embedding model (vectors for search); it cannot chat.",
  },
  {
    pattern: /^snowflake-arctic-embed-s\b/,
    family: "Snowflake Arctic Embed",
    base: "snowflake-arctic-embed-s",
    role: "embedding",
    domains: ["embedding"],
    paramsB: 0.033,
    note: "Small text embedding model (vectors for search); it cannot chat.",
  },

  // Qwen specialists, then generalists.
  {
    pattern: /^Qwen2\.5-Coder-/,
    family: "Qwen2.5",
    role: "specialist",
    domains: ["code"],
    note: "Qwen2.5 fine-tuned on code: writing, completing and fixing programs.",
  },
  {
    pattern: /^Qwen2\.5-Math-/,
    family: "Qwen2.5",
    role: "specialist",
    domains: ["math"],
    note: "Qwen2.5 fine-tuned for step-by-step mathematics.",
  },
  {
    pattern: /^Qwen2-Math-/,
    family: "Qwen2",
    role: "specialist",
    domains: ["math"],
    note: "Qwen2 fine-tuned for step-by-step mathematics.",
  },
  {
    pattern: /^Qwen3\.5-/,
    family: "Qwen3.5",
    role: "generalist",
    domains: ALL_ROUND,
    note: "Qwen3.5 all-round model with a thinking mode.",
  },
  {
    pattern: /^Qwen3-/,
    family: "Qwen3",
    role: "generalist",
    domains: ALL_ROUND,
    note: "Qwen3 all-round model with a switchable thinking mode.",
  },
  {
    pattern: /^Qwen2\.5-.*Instruct/,
    family: "Qwen2.5",
    role: "generalist",
    domains: [...GENERAL, "code", "math"],
    note: "Qwen2.5 instruction-tuned generalist.",
  },
  {
    pattern: /^Qwen2-.*Instruct/,
    family: "Qwen2",
    role: "generalist",
    domains: GENERAL,
    note: "Qwen2 instruction-tuned generalist.",
  },

  // Reasoning distillations.
  {
    pattern: /^DeepSeek-R1-Distill-Qwen-/,
    family: "DeepSeek-R1-Distill",
    baseFamily: "Qwen2.5",
    role: "specialist",
    domains: ["reasoning", "math"],
    note: "Qwen2.5 distilled from DeepSeek-R1: long chains of thought for maths and logic.",
  },
  {
    pattern: /^DeepSeek-R1-Distill-Llama-/,
    family: "DeepSeek-R1-Distill",
    baseFamily: "Llama-3.1",
    role: "specialist",
    domains: ["reasoning", "math"],
    note: "Llama 3.1 distilled from DeepSeek-R1: long chains of thought for maths and logic.",
  },

  // Ministral 3: one base, three fine-tunes.
  {
    pattern: /^Ministral-3-.*-Reasoning/,
    family: "Ministral-3",
    role: "specialist",
    domains: ["reasoning", "math"],
    note: "Ministral 3 tuned to reason step by step before answering.",
  },
  {
    pattern: /^Ministral-3-.*-Instruct/,
    family: "Ministral-3",
    role: "generalist",
    domains: GENERAL,
    note: "Ministral 3 instruction-tuned generalist.",
  },
  {
    pattern: /^Ministral-3-.*-Base/,
    family: "Ministral-3",
    role: "generalist",
    domains: ["knowledge"],
    note: "Ministral 3 pretrained base: it continues text and follows chat instructions poorly.",
  },

  // Function calling (web-llm's tools support targets the Hermes prompt format).
  {
    pattern: /^Hermes-2-Pro-Llama-3-/,
    family: "Hermes-2-Pro",
    baseFamily: "Llama-3",
    role: "specialist",
    domains: ["tools", "chat", "instruction"],
    note: "Llama 3 tuned by Nous Research for function calling and JSON output.",
  },
  {
    pattern: /^Hermes-2-Pro-Mistral-/,
    family: "Hermes-2-Pro",
    baseFamily: "Mistral",
    role: "specialist",
    domains: ["tools", "chat", "instruction"],
    note: "Mistral tuned by Nous Research for function calling and JSON output.",
  },
  {
    pattern: /^Hermes-2-Theta-Llama-3-/,
    family: "Hermes-2-Theta",
    baseFamily: "Llama-3",
    role: "specialist",
    domains: ["tools", "chat", "instruction"],
    note: "Merge of Hermes 2 Pro and Llama 3 Instruct, for function calling.",
  },
  {
    pattern: /^Hermes-3-Llama-3\.1-/,
    family: "Hermes-3",
    baseFamily: "Llama-3.1",
    role: "specialist",
    domains: ["tools", "chat", "instruction"],
    note: "Llama 3.1 tuned by Nous Research for function calling and agents.",
  },
  {
    pattern: /^Hermes-3-Llama-3\.2-/,
    family: "Hermes-3",
    baseFamily: "Llama-3.2",
    role: "specialist",
    domains: ["tools", "chat", "instruction"],
    note: "Llama 3.2 tuned by Nous Research for function calling and agents.",
  },

  // Mistral 7B and its fine-tunes.
  {
    pattern: /^WizardMath-/,
    family: "WizardMath",
    baseFamily: "Mistral",
    role: "specialist",
    domains: ["math"],
    note: "Mistral 7B fine-tuned for grade-school and competition maths.",
  },
  {
    pattern: /^OpenHermes-2\.5-Mistral-/,
    family: "OpenHermes-2.5",
    baseFamily: "Mistral",
    role: "generalist",
    domains: GENERAL,
    note: "Mistral 7B chat fine-tune by Teknium.",
  },
  {
    pattern: /^NeuralHermes-2\.5-Mistral-/,
    family: "NeuralHermes-2.5",
    baseFamily: "Mistral",
    role: "generalist",
    domains: GENERAL,
    note: "OpenHermes 2.5 further tuned with DPO.",
  },
  {
    pattern: /^Mistral-7B-Instruct/,
    family: "Mistral",
    role: "generalist",
    domains: GENERAL,
    note: "Mistral 7B instruction-tuned generalist.",
  },

  // Llama.
  ...(["3.2", "3.1", "3", "2"] as const).map((v): Annotation => ({
    pattern: new RegExp(`^Llama-${v.replace(".", "\\.")}-\\d`),
    family: `Llama-${v}`,
    role: "generalist",
    domains: v === "2" ? GENERAL : [...GENERAL, "code", "math"],
    note: `Meta Llama ${v} instruction-tuned generalist.`,
  })),

  // Phi: the ids say "mini" rather than a size.
  {
    pattern: /^Phi-3\.5-vision/,
    family: "Phi-3.5",
    base: "Phi-3.5-mini",
    role: "generalist",
    domains: [...GENERAL, "vision"],
    paramsB: 4.2,
    note: "Phi-3.5 mini with an image encoder: reads images and text.",
  },
  {
    pattern: /^Phi-3\.5-mini/,
    family: "Phi-3.5",
    base: "Phi-3.5-mini",
    role: "generalist",
    domains: ALL_ROUND,
    paramsB: 3.8,
    note: "Microsoft Phi-3.5 mini generalist, strong at reasoning for its size.",
  },
  {
    pattern: /^Phi-4-mini/,
    family: "Phi-4",
    base: "Phi-4-mini",
    role: "generalist",
    domains: ALL_ROUND,
    paramsB: 3.8,
    note: "Microsoft Phi-4 mini generalist, strong at maths and reasoning for its size.",
  },
  {
    pattern: /^Phi-3-mini/,
    family: "Phi-3",
    base: "Phi-3-mini",
    role: "generalist",
    domains: GENERAL,
    paramsB: 3.8,
    note: "Microsoft Phi-3 mini generalist.",
  },
  {
    pattern: /^phi-2\b/,
    family: "Phi-2",
    base: "Phi-2",
    role: "generalist",
    domains: ["knowledge", "code"],
    paramsB: 2.7,
    note: "Microsoft Phi-2: a base model, not chat-tuned.",
  },
  {
    pattern: /^phi-1_5\b/,
    family: "Phi-1.5",
    base: "Phi-1.5",
    role: "generalist",
    domains: ["knowledge", "code"],
    paramsB: 1.3,
    note: "Microsoft Phi-1.5: a small base model trained on textbook-style data.",
  },

  // Gemma: the Japanese tune first.
  {
    pattern: /^gemma-2-2b-jpn/,
    family: "Gemma-2",
    role: "specialist",
    domains: ["language", "chat"],
    languages: ["ja"],
    note: "Gemma 2 2B tuned for Japanese.",
  },
  {
    pattern: /^gemma-4-/,
    family: "Gemma-4",
    role: "generalist",
    domains: ALL_ROUND,
    note: "Google Gemma 4 generalist (size counts effective parameters).",
  },
  {
    pattern: /^gemma3-/,
    family: "Gemma-3",
    role: "generalist",
    domains: GENERAL,
    note: "Google Gemma 3 generalist.",
  },
  {
    pattern: /^gemma-2-/,
    family: "Gemma-2",
    role: "generalist",
    domains: GENERAL,
    note: "Google Gemma 2 generalist.",
  },
  {
    pattern: /^gemma-\d+b-/,
    family: "Gemma",
    role: "generalist",
    domains: GENERAL,
    note: "Google Gemma (first generation) generalist.",
  },

  // Other small generalists.
  {
    pattern: /^SmolLM2-/,
    family: "SmolLM2",
    role: "generalist",
    domains: GENERAL,
    note: "Hugging Face SmolLM2 small generalist.",
  },
  {
    pattern: /^OLMo-2-/,
    family: "OLMo-2",
    role: "generalist",
    domains: [...GENERAL, "math"],
    note: "AI2 OLMo 2, fully open generalist.",
  },
  {
    pattern: /^stablelm-2-zephyr-/,
    family: "StableLM-2",
    role: "generalist",
    domains: GENERAL,
    note: "Stability AI StableLM 2 Zephyr chat model.",
  },
  {
    pattern: /^RedPajama-INCITE-Chat-/,
    family: "RedPajama-INCITE",
    role: "generalist",
    domains: ["chat"],
    note: "Together RedPajama INCITE chat model (2023).",
  },
  {
    pattern: /^TinyLlama-/,
    family: "TinyLlama",
    role: "generalist",
    domains: ["chat"],
    note: "TinyLlama 1.1B chat model.",
  },
];
