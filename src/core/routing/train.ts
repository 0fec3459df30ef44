/**
 * Training the router: softmax regression by seeded stochastic gradient descent with L2, over the
 * project's labelled prompts (data/router/prompts.jsonl). A prompt that mixes domains is trained
 * towards an even split over its labels, which teaches the model to be unsure of such prompts.
 * The held-out split is fixed (by a hash of each prompt's id), so it never depends on the seed or
 * on the order of the file. Deterministic: the same data and options give the same JSON.
 */
import { seededRandom } from "../report/prng";
import { featurize, fnv1a, type Features, type Lexicon } from "./features";
import { isRouteLabel, ROUTE_LABELS, type RouteLabel } from "./labels";
import { probabilities, ROUTER_FORMAT, softmax, type HeldOut, type RouterModel } from "./model";

/** One line of the data file: one label, or several for a prompt that mixes domains. */
export interface LabelledPrompt {
  id: string;
  text: string;
  label?: RouteLabel;
  labels?: RouteLabel[];
}

export interface TrainOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  buckets: number;
  scale: number;
  threshold: number;
  /** Share of each label's prompts held out. */
  heldOutShare: number;
  lexicon?: Lexicon;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = {
  seed: 13,
  epochs: 40,
  learningRate: 0.5,
  l2: 1e-4,
  buckets: 2048,
  scale: 1000,
  threshold: 0.7,
  heldOutShare: 0.2,
};

/** The lexicon file's word lists by label (its "about" note left out). */
export function parseLexicon(text: string): Lexicon {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  for (const label of ROUTE_LABELS) {
    const words = doc[label];
    if (!Array.isArray(words) || !words.every((w) => typeof w === "string")) {
      throw new Error(`lexicon: "${label}" must be a list of strings`);
    }
    out[label] = words.map((w: string) => w.toLowerCase());
  }
  return out;
}

/** Parse the data file (JSON lines); throws with the line number on a bad line. */
export function parsePrompts(text: string): LabelledPrompt[] {
  return text
    .split("\n")
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== "")
    .map(([l, line]) => {
      const p = JSON.parse(l) as LabelledPrompt;
      const labels = p.labels ?? (p.label ? [p.label] : []);
      if (typeof p.id !== "string" || typeof p.text !== "string" || labels.length === 0) {
        throw new Error(`line ${line}: needs an id, a text and a label`);
      }
      if (!labels.every(isRouteLabel)) throw new Error(`line ${line}: unknown label`);
      return p;
    });
}

const group = (p: LabelledPrompt) => (p.labels && p.labels.length > 1 ? "mixed" : labelsOf(p)[0]!);
const labelsOf = (p: LabelledPrompt): RouteLabel[] => p.labels ?? (p.label ? [p.label] : []);

/** The fixed split: per label (and for mixed prompts), the share whose id hashes lowest. */
export function splitHeldOut(
  prompts: readonly LabelledPrompt[],
  share = DEFAULT_TRAIN_OPTIONS.heldOutShare,
): { train: LabelledPrompt[]; test: LabelledPrompt[] } {
  const test = new Set<string>();
  for (const g of new Set(prompts.map(group))) {
    const members = prompts
      .filter((p) => group(p) === g)
      .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || a.id.localeCompare(b.id));
    for (const p of members.slice(0, Math.round(members.length * share))) test.add(p.id);
  }
  return {
    train: prompts.filter((p) => !test.has(p.id)),
    test: prompts.filter((p) => test.has(p.id)),
  };
}

/** Train on the split's training part; the held-out part is scored and stored with the model. */
export function trainRouter(
  prompts: readonly LabelledPrompt[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): RouterModel {
  const labels = [...ROUTE_LABELS];
  const { train, test } = splitHeldOut(prompts, options.heldOutShare);
  const data = train.map((p) => ({
    f: featurize(p.text, options.buckets, options.lexicon),
    y: target(p, labels),
  }));
  const w = labels.map(() => new Float64Array(options.buckets));
  const b = new Float64Array(labels.length);
  const random = seededRandom(options.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = options.learningRate / (1 + epoch * 0.1);
    for (const k of order) step(w, b, data[k]!.f, data[k]!.y, lr, options.l2);
  }
  const q = (x: number) => Math.round(x * options.scale) + 0;
  const model: RouterModel = {
    format: ROUTER_FORMAT,
    version: 1,
    labels,
    buckets: options.buckets,
    scale: options.scale,
    bias: [...b].map(q),
    weights: w.map((row) => [...row].map(q)),
    threshold: options.threshold,
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    training: {
      seed: options.seed,
      epochs: options.epochs,
      learningRate: options.learningRate,
      l2: options.l2,
      dataHash: fnv1a(prompts.map((p) => `${p.id}\u0000${p.text}`).join("\n"))
        .toString(16)
        .padStart(8, "0"),
      trainExamples: train.length,
      heldOut: { n: 0, accuracy: NaN, confusion: [] },
    },
  };
  model.training.heldOut = evaluate(model, test);
  return model;
}

function target(p: LabelledPrompt, labels: readonly RouteLabel[]): number[] {
  const ls = labelsOf(p);
  return labels.map((l) => (ls.includes(l) ? 1 / ls.length : 0));
}

function step(
  w: Float64Array[],
  b: Float64Array,
  f: Features,
  y: readonly number[],
  lr: number,
  l2: number,
): void {
  const logits = w.map((row, c) => {
    let z = b[c]!;
    for (let i = 0; i < f.index.length; i++) z += row[f.index[i]!]! * f.value[i]!;
    return z;
  });
  const p = softmax(logits);
  for (let c = 0; c < w.length; c++) {
    const g = p[c]! - y[c]!;
    const row = w[c]!;
    for (let i = 0; i < f.index.length; i++) {
      const k = f.index[i]!;
      row[k] = row[k]! - lr * (g * f.value[i]! + l2 * row[k]!);
    }
    b[c] = b[c]! - lr * g;
  }
}

/** Accuracy and confusion matrix over the single-label prompts of `prompts`. */
export function evaluate(model: RouterModel, prompts: readonly LabelledPrompt[]): HeldOut {
  const single = prompts.filter((p) => labelsOf(p).length === 1);
  const confusion = model.labels.map(() => model.labels.map(() => 0));
  let right = 0;
  for (const p of single) {
    const probs = probabilities(model, p.text);
    const predicted = probs.indexOf(Math.max(...probs));
    const actual = model.labels.indexOf(labelsOf(p)[0]!);
    confusion[actual]![predicted]!++;
    if (predicted === actual) right++;
  }
  return {
    n: single.length,
    accuracy: single.length === 0 ? NaN : right / single.length,
    confusion,
  };
}

/** The model file's text: one line per weight row, so diffs stay readable. */
export function serializeModel(model: RouterModel): string {
  const { weights, lexicon, ...rest } = model;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, "");
  const lex = lexicon
    ? `,\n  "lexicon": {\n${Object.entries(lexicon)
        .map(([label, words]) => `    ${JSON.stringify(label)}: ${JSON.stringify(words)}`)
        .join(",\n")}\n  }`
    : "";
  const rows = weights.map((row) => `    ${JSON.stringify(row)}`).join(",\n");
  return `${head}${lex},\n  "weights": [\n${rows}\n  ]\n}\n`;
}
