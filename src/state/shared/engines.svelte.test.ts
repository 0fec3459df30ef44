import { describe, expect, it } from "vitest";
import type { ChatRequest, Engine } from "../../core/engine/types";
import { EngineState } from "./engines.svelte";

/** A remote runtime stand-in: records what it was asked. */
function fakeRemote(): Engine & { asked: string[] } {
  const loaded = new Set<string>();
  const asked: string[] = [];
  return {
    kind: "remote",
    asked,
    load: async (ids) => ids.forEach((id) => loaded.add(id)),
    loaded: () => [...loaded],
    chat: async (request: ChatRequest) => {
      asked.push(request.modelId);
      return {
        text: "fixture",
        reasoning: "",
        finishReason: "stop",
        usage: {
          promptTokens: 0,
          completionTokens: 1,
          ttftMs: 0,
          prefillTokensPerS: 0,
          decodeTokensPerS: 0,
          totalMs: 0,
        },
      };
    },
    interrupt: async () => {},
    unload: async () => loaded.clear(),
  };
}

describe("EngineState with a remote runtime", () => {
  it("serves remote ids with the remote runtime, started once, and the rest with web-llm", async () => {
    const remote = fakeRemote();
    let starts = 0;
    const engines = new EngineState({
      remote: {
        serves: (id) => id.startsWith("remote:"),
        start: async () => {
          starts++;
          return remote;
        },
      },
    });
    expect(engines.runtimeOf("remote:gpu-8000/big")).toBe("remote");
    expect(engines.runtimeOf("Qwen2.5-0.5B-Instruct-q4f32_1-MLC")).toBe("webllm");
    expect(engines.traitsOf("remote:gpu-8000/big")).toMatchObject({
      usesDeviceMemory: false,
      downloads: false,
      servesInParallel: true,
    });
    await engines.load(["remote:gpu-8000/big"]);
    expect(engines.loaded).toEqual(["remote:gpu-8000/big"]);
    const engine = await engines.engine();
    await engine.chat(
      { modelId: "remote:gpu-8000/big", messages: [], params: {} },
      { onChunk: () => {} },
    );
    expect(remote.asked).toEqual(["remote:gpu-8000/big"]);
    expect(starts).toBe(1);
  });
});
