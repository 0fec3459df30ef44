import { describe, expect, it, vi } from "vitest";
import { parseEmbedParams } from "../../core/embed/embed-params";
import type { EmbedEvent } from "../../core/embed/protocol";
import type { LivePlan } from "../../core/embed/live-plan";
import type { ChatRequest, Engine, StreamOptions } from "../../core/engine/types";
import { PolymathError } from "../../core/errors";
import { EmbedState } from "./embed.svelte";
import type { LiveRunner } from "../app/embed-live-root";

const usage = {
  promptTokens: 3,
  completionTokens: 2,
  ttftMs: 1,
  prefillTokensPerS: 1,
  decodeTokensPerS: 1,
  totalMs: 2,
};

/** A fake engine that answers "echo: <prompt>" in two chunks and logs the requests. */
function echoEngine(log: ChatRequest[]): Engine {
  return {
    kind: "wllama",
    load: async () => {},
    loaded: () => ["m1"],
    chat: async (request: ChatRequest, options: StreamOptions) => {
      log.push(request);
      const text = `echo: ${request.messages.at(-1)?.content}`;
      options.onChunk({ delta: text.slice(0, 4) });
      options.onChunk({ delta: text.slice(4) });
      return { text, reasoning: "", finishReason: "stop", usage };
    },
    interrupt: async () => {},
    unload: async () => {},
  } as Engine;
}

const plan: LivePlan = {
  models: [{ requested: "m1", modelId: "m1", name: "Model one", runtime: "wllama", downloadMB: 5 }],
  refused: [],
  processor: "CPU",
  totalMB: 5,
  unknownSizes: 0,
};

function setup(start: () => Promise<Engine>) {
  const events: EmbedEvent[] = [];
  const runner: LiveRunner = { plan, start: vi.fn(start) };
  const live = vi.fn(async () => runner);
  const state = new EmbedState({
    params: parseEmbedParams("?models=m1,remote:mine/gpt&prompt=Hi", ""),
    recording: async () => null,
    replay: async () => {
      throw new Error("no recording here");
    },
    toError: async (e) =>
      e instanceof PolymathError ? e : new PolymathError("unknown", String(e)),
    post: (e) => events.push(e),
    live,
  });
  return { state, runner, live, events };
}

describe("EmbedState live runs", () => {
  it("plans at start, starts nothing until the confirming click, then answers live", async () => {
    const log: ChatRequest[] = [];
    const { state, runner, live, events } = setup(async () => echoEngine(log));
    await state.start();
    await vi.waitFor(() => expect(state.liveStep).toBe("planned"));
    expect(live).toHaveBeenCalledWith(["m1"]); // never a remote endpoint of the visitor
    expect(state.canAsk).toBe(false);
    await state.ask("Hi");
    expect(log).toEqual([]);

    await state.runLive(); // not offered yet: ignored
    expect(runner.start).not.toHaveBeenCalled();
    state.offerLive();
    expect(state.liveStep).toBe("offered");
    expect(runner.start).not.toHaveBeenCalled();
    await state.runLive();
    expect(runner.start).toHaveBeenCalledOnce();
    expect(state.liveStep).toBe("ready");

    await state.ask("Hi");
    expect(state.answers).toEqual([{ modelId: "m1", text: "echo: Hi", done: true }]);
    expect(log[0]?.params.max_tokens).toBe(256);
    expect(events.map((e) => e.type)).toEqual([
      "polymath:ready",
      "polymath:chunk",
      "polymath:chunk",
      "polymath:done",
    ]);
  });

  it("keeps the offer and says why when the download fails", async () => {
    const { state } = setup(async () => {
      throw new PolymathError("network", "The model could not be downloaded.");
    });
    await state.start();
    await vi.waitFor(() => expect(state.liveStep).toBe("planned"));
    state.offerLive();
    await state.runLive();
    expect(state.liveStep).toBe("offered");
    expect(state.liveError?.code).toBe("network");
    expect(state.canAsk).toBe(false);
  });
});
