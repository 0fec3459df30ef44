/**
 * The router's trained model as data: a multinomial logistic regression over hashed features,
 * its weights quantised to integers (value × scale) so the JSON stays small, with how it was
 * trained and what it scored on the held-out prompts. Written by scripts/train-router.mjs.
 */
import { featurize, type Lexicon } from "./features";
import type { RouteLabel } from "./labels";

export const ROUTER_FORMAT = "polymath-router";

export interface HeldOut {
  /** Single-label held-out prompts. */
  n: number;
  accuracy: number;
  /** confusion[true][predicted], rows and columns in `labels` order. */
  confusion: number[][];
}

export interface RouterModel {
  format: typeof ROUTER_FORMAT;
  version: 1;
  labels: RouteLabel[];
  buckets: number;
  /** Weights and biases are stored × scale, rounded. */
  scale: number;
  bias: number[];
  /** One row per label, `buckets` long. */
  weights: number[][];
  /** Below this confidence a prompt goes to the fallback model. */
  threshold: number;
  /** Words typical of each label, counted as one feature per label. */
  lexicon?: Lexicon;
  training: {
    seed: number;
    epochs: number;
    learningRate: number;
    l2: number;
    /** SHA-like fingerprint (FNV-1a) of the training data, so a model names what it came from. */
    dataHash: string;
    trainExamples: number;
    heldOut: HeldOut;
  };
}

/** Probabilities per label (in `model.labels` order) for `text`. */
export function probabilities(model: RouterModel, text: string): number[] {
  const f = featurize(text, model.buckets, model.lexicon);
  const logits = model.labels.map((_, c) => {
    const row = model.weights[c]!;
    let z = model.bias[c]!;
    for (let i = 0; i < f.index.length; i++) z += row[f.index[i]!]! * f.value[i]!;
    return z / model.scale;
  });
  return softmax(logits);
}

/** Softmax, stable for large logits. */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  const sum = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / sum);
}
