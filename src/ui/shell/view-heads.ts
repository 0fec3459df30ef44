import type { ViewId } from "../../core/routes";

/** The views with a heading of their own: every view, and the first screen. */
export type HeadedView = ViewId | "home";

/** A view's heading and the sentence under it. */
export interface ViewHeadText {
  title: string;
  lead: string;
}

/**
 * Each view's heading and lead, in the entry: the shell shows them the moment the page runs,
 * while the view's own code is still on its way, and the view shows the same ones (ViewHead).
 * On a phone's network that is the first large thing painted, seconds before the view.
 */
export const VIEW_HEADS: Record<HeadedView, ViewHeadText> = {
  home: {
    title: "Can one small generalist model replace a team of specialists?",
    lead: "Many products once ran one model per task — one for code, one for maths, one for following instructions — with a router in front. Today one generalist is said to keep nearly all of that quality. Polymath lets you check the claim yourself: a small generalist answers beside specialists of the same size, on the same prompts, in your browser, side by side and scored.",
  },
  chat: {
    title: "Chat",
    lead: "Talk to one model, or to the routed team that hands each prompt to a specialist. Models run in this browser, so what you write stays on this device unless you pick a remote model.",
  },
  compare: {
    title: "Compare",
    lead: "Ask two to four models the same prompt and read the answers side by side, or vote blind in the arena. Each answer comes with its costs: download, memory, load time and speed.",
  },
  bench: {
    title: "Bench",
    lead: "Grade answers automatically, the way public benchmarks do: import a suite, score a file of model answers against it, and check the suite's own tests. Everything runs on this device, without a GPU.",
  },
  models: {
    title: "Models",
    lead: "Every model Polymath can run, judged against this device: what fits its GPU memory, what is downloaded, and your own models, local or remote.",
  },
  device: {
    title: "Your device",
    lead: "What this browser and its GPU offer, as the browser reports it: the memory budget models are judged against, and the storage they are kept in.",
  },
};
