/**
 * A bench run's routing: the router's decision on every item's own prompt (not the bench's
 * template around it, which would give the answer away), timed on this device and stored with
 * the run; the routed team's mapping (each label to the run's first specialist for it, the chosen
 * generalist, else the first, as fallback; a remote model is a member like any other); and the
 * request the prompt-specialized generalist gets.
 */
import type { ChatRequest, SamplingParams } from "../../engine/types";
import { domainPreamble, type DomainPrompts } from "../../routing/domain-prompts";
import type { Router } from "../../routing/router";
import { applyMappingChoice, defaultMapping, type MappingChoice } from "../../routing/team";
import type { ItemKind, SuiteItem } from "../../scoring/types";
import type { BenchTask } from "./plan";
import { benchRequest } from "./templates";
import { itemKey, type BenchModelRef, type BenchRouting, type RecordedRoute } from "./types";

/** The id a run gives the prompt-specialized variant of `baseId`. */
export const promptedId = (baseId: string): string => `prompted:${baseId}`;

export type { MappingChoice };

/**
 * The routing of a new run over `models` (`chosenFallback`: the generalist unsure prompts go to,
 * when it is one of them; `chosenMapping`: a member per label, one of them, or null to send that
 * label to the fallback), or undefined when it has no generalist to fall back on.
 */
export function newRouting(
  router: Router,
  models: readonly BenchModelRef[],
  domainPrompts: DomainPrompts,
  chosenFallback?: string,
  chosenMapping: MappingChoice = {},
): BenchRouting | undefined {
  const plain = models.filter((m) => !m.prompted);
  const generalists = plain.filter((m) => m.role === "generalist");
  const fallback = generalists.find((m) => m.id === chosenFallback) ?? generalists[0];
  if (!fallback) return undefined;
  return {
    router: {
      dataHash: router.model.training.dataHash,
      threshold: router.threshold,
      heldOutAccuracy: router.model.training.heldOut.accuracy,
    },
    decisions: {},
    team: {
      mapping: applyMappingChoice(defaultMapping(plain), chosenMapping, (id) =>
        plain.some((m) => m.id === id),
      ),
      fallback: fallback.id,
    },
    domainPrompts,
  };
}

/** `routing` with a decision for every task that has none yet. */
export function routeTasks(
  router: Router,
  routing: BenchRouting,
  tasks: readonly BenchTask[],
): BenchRouting {
  const decisions = { ...routing.decisions };
  for (const t of tasks) {
    const key = itemKey(t.suiteId, t.item.id);
    if (decisions[key]) continue;
    const d = router.route(t.item.prompt);
    decisions[key] = { label: d.label, confidence: d.confidence, unsure: d.unsure, ms: d.ms };
  }
  return { ...routing, decisions };
}

/**
 * The request for `item`: the bench's own for a plain model; for the prompt-specialized
 * generalist, its base model with the routed label's domain prompt first (none when unsure).
 */
export function routedBenchRequest(
  model: BenchModelRef,
  suiteId: string,
  item: SuiteItem,
  routing: BenchRouting | undefined,
  params: SamplingParams,
  maxTokens: Record<ItemKind, number>,
): ChatRequest {
  if (!model.prompted) return benchRequest(model.id, item, params, maxTokens);
  const route: RecordedRoute | undefined = routing?.decisions[itemKey(suiteId, item.id)];
  const prompt = route && !route.unsure ? routing?.domainPrompts[route.label] : undefined;
  return benchRequest(model.prompted.baseId, item, params, maxTokens, domainPreamble(prompt));
}
