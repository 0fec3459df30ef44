import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { PolymathError } from "../../core/errors";
import { parseRecording } from "../../core/engine/replay/recording";
import { RUNTIME_TRAITS } from "../../core/engine/runtime";
import type {
  ChatRequest,
  ChatResult,
  Engine,
  StreamChunk,
  StreamOptions,
  Usage,
} from "../../core/engine/types";
import { createConversationStore } from "../../core/storage/conversations";
import { failOnWrite } from "../../core/storage/failing-store";
import type { KeyValueStore } from "../../core/storage/kv-store";
import { createMemoryStore } from "../../core/storage/memory-store";
import type { DocEvent, DocEvents } from "../../platform/doc-events";
import { ConversationLibrary } from "./chat-library.svelte";
import { ChatState, type ChatDeps, type ChatEngine, type TextBatcher } from "./chat.svelte";
import { EngineState } from "../shared/engines.svelte";

const fixture = (name: string) =>
  parseRecording(
    readFileSync(new URL(`../../../tests/fixtures/recordings/${name}`, import.meta.url), "utf8"),
  );

const USAGE: Usage = {
  promptTokens: 5,
  completionTokens: 3,
  ttftMs: 100,
  prefillTokensPerS: 50,
  decodeTokensPerS: 20,
  totalMs: 250,
};

/** An engine whose answer the test streams chunk by chunk. */
class ScriptedEngine implements Engine {
  readonly kind = "replay";
  requests: ChatRequest[] = [];
  loads: string[][] = [];
  loadFailure: Error | null = null;
  #loaded: string[] = [];
  #stream: {
    onChunk: StreamOptions["onChunk"];
    finish: (reason: ChatResult["finishReason"]) => void;
  } | null = null;

  get streaming(): boolean {
    return this.#stream !== null;
  }

  async load(ids: string[]): Promise<void> {
    this.loads.push(ids);
    if (this.loadFailure) throw this.loadFailure;
    this.#loaded = [...ids];
  }
  loaded(): string[] {
    return [...this.#loaded];
  }
  chat(request: ChatRequest, options: StreamOptions): Promise<ChatResult> {
    this.requests.push(request);
    let text = "";
    let reasoning = "";
    return new Promise((resolve) => {
      const finish = (finishReason: ChatResult["finishReason"]) => {
        this.#stream = null;
        resolve({ text, reasoning, finishReason, usage: USAGE });
      };
      this.#stream = {
        onChunk: (c) => {
          if (c.reasoning) reasoning += c.delta;
          else text += c.delta;
          options.onChunk(c);
        },
        finish,
      };
      options.signal?.addEventListener("abort", () => finish("abort"), { once: true });
    });
  }
  emit(...chunks: StreamChunk[]): void {
    for (const c of chunks) this.#stream?.onChunk(c);
  }
  end(): void {
    this.#stream?.finish("stop");
  }
  async interrupt(): Promise<void> {}
  async unload(): Promise<void> {
    this.#loaded = [];
  }
}

function chatEngine(engine: Engine): ChatEngine {
  return {
    recording: null,
    traitsOf: () => RUNTIME_TRAITS.webllm,
    progress: {},
    load: (ids) => engine.load(ids),
    engine: async () => engine,
    cancelLoad: () => {},
  };
}

function setup(engine: ChatEngine, over: Partial<ChatDeps> = {}, kv?: KeyValueStore) {
  const store = kv ?? createMemoryStore();
  const library = new ConversationLibrary(async () => ({ store, persistent: true }));
  let n = 0;
  let t = 1000;
  const created: string[] = [];
  const chat = new ChatState({
    engine,
    library,
    defaultModel: () => "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    newId: () => `id${++n}`,
    now: () => (t += 10),
    onCreated: (id) => created.push(id),
    ...over,
  });
  const stored = () => createConversationStore(store);
  return { chat, library, created, stored, store };
}

describe("ChatState with a replayed recording", () => {
  it("streams the recorded answer, keeps its metrics and saves the conversation", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("markdown-code.json"), { speed: Infinity });
    const { chat, library, created, stored } = setup(engine);
    // Replay mode answers with the recording's model, not the device default.
    expect(chat.modelId).toBe("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC");
    chat.setSystemPrompt("You are a helpful coding assistant.");
    await chat.send("How do I reverse a linked list in Python?");
    const [user, answer] = chat.conversation.messages;
    expect(user?.content).toBe("How do I reverse a linked list in Python?");
    expect(answer?.content).toMatch(/^## Reversing a linked list/);
    expect(answer?.content).toContain("```python");
    expect(answer?.finishReason).toBe("stop");
    expect(answer?.usage?.completionTokens).toBe(329);
    expect(answer?.modelId).toBe("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC");
    expect(chat.conversation.title).toBe("How do I reverse a linked list in Python?");
    expect(created).toEqual([chat.conversation.id]);
    expect(chat.saved).toBe(true);
    const saved = await stored().get(chat.conversation.id);
    expect(saved?.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(saved?.messages[1]?.content).toBe(answer?.content);
    expect(library.summaries.map((s) => s.id)).toEqual([chat.conversation.id]);
  });

  it("routes reasoning chunks to the reasoning text", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("qwen3-think.json"), { speed: Infinity });
    const { chat } = setup(engine);
    await chat.send("What is 17 × 24?");
    const answer = chat.conversation.messages[1];
    expect(answer?.reasoning).toMatch(/^The user wants 17 times 24/);
    expect(answer?.content).toBe(
      "17 × 24 = **408**.\n\nSplit 24 into 20 + 4: 17 × 20 = 340 and 17 × 4 = 68, and 340 + 68 = 408.",
    );
  });

  it("marks replayed answers with the recording they came from", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("hostile-answer.json"), { speed: Infinity });
    const { chat, stored } = setup(engine, {
      replayLabel: () => "hostile-answer.json (test fixture)",
    });
    await chat.send("Show me some HTML with an image.");
    const saved = await stored().get(chat.conversation.id);
    expect(saved?.messages[1]).toMatchObject({ replayOf: "hostile-answer.json (test fixture)" });
  });
});

describe("ChatState and prompts a recording does not answer", () => {
  const PROMPT = "How do I reverse a linked list in Python?";

  it("refuses an unrecorded prompt without adding or saving it, and offers the recorded ones", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("markdown-code.json"), { speed: Infinity });
    const { chat, stored, created } = setup(engine);
    expect(chat.recordedPrompts).toEqual([PROMPT, "Explain linked lists"]);
    await chat.send("Something not recorded");
    expect(chat.noMatch?.code).toBe("replay-no-match");
    expect(chat.noMatch?.details["prompt 1"]).toBe(PROMPT);
    expect(chat.conversation.messages).toEqual([]);
    expect(created).toEqual([]);
    expect(await stored().get(chat.conversation.id)).toBeUndefined();
    // The recorded prompt, without the recorded system prompt, still gets its answer.
    await chat.send(PROMPT);
    expect(chat.noMatch).toBeNull();
    expect(chat.conversation.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(chat.conversation.messages[1]?.content).toMatch(/^## Reversing a linked list/);
  });

  it("refuses an edited prompt the recording lacks and keeps the conversation as it was", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("markdown-code.json"), { speed: Infinity });
    const { chat } = setup(engine);
    await chat.send(PROMPT);
    const before = $state.snapshot(chat.conversation.messages);
    await chat.editAndResend(before[0]!.id, "Reverse it in Rust instead");
    expect(chat.noMatch?.code).toBe("replay-no-match");
    expect($state.snapshot(chat.conversation.messages)).toEqual(before);
  });

  it("after the recording is gone, says where the answers came from and picks a model that runs", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("markdown-code.json"), { speed: Infinity });
    const { chat } = setup(engine, {
      replayLabel: () => "markdown-code.json (test fixture)",
      runsHere: (id) => !id.startsWith("Qwen2.5-Coder"),
    });
    await chat.send(PROMPT);
    expect(chat.replayedFrom).toBeNull(); // the recording is still loaded
    expect(chat.modelId).toBe("Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC");
    engine.stopReplay(); // what a reload amounts to: the conversation stays, the recording does not
    expect(chat.replayedFrom).toBe("markdown-code.json (test fixture)");
    expect(chat.modelId).toBe("Qwen2.5-1.5B-Instruct-q4f16_1-MLC");
    expect(chat.recordedPrompts).toEqual([]);
  });
});

describe("ChatState streaming", () => {
  it("updates the message only when the batcher flushes", async () => {
    const engine = new ScriptedEngine();
    const batchers: { pending: string[]; flush: (t: string) => void }[] = [];
    const batcher = (flush: (t: string) => void): TextBatcher => {
      const b = { pending: [] as string[], flush };
      batchers.push(b);
      return {
        push: (t) => b.pending.push(t),
        drain: () => {
          if (b.pending.length) flush(b.pending.splice(0).join(""));
        },
      };
    };
    const { chat } = setup(chatEngine(engine), { batcher });
    const done = chat.send("Hi");
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    expect(chat.phase).toBe("streaming");
    engine.emit({ delta: "Hel" }, { delta: "lo" });
    const live = () => chat.conversation.messages[1];
    expect(live()?.content).toBe("");
    // One frame: everything pushed so far lands at once.
    const [text] = batchers;
    text?.flush(text.pending.splice(0).join(""));
    expect(live()?.content).toBe("Hello");
    engine.emit({ delta: " there" });
    engine.end();
    await done;
    expect(live()?.content).toBe("Hello there");
    expect(chat.phase).toBe("idle");
  });

  it("stops mid-answer, keeps the partial text and saves it as stopped", async () => {
    const engine = new ScriptedEngine();
    const { chat, stored } = setup(chatEngine(engine));
    const done = chat.send("Tell me a story");
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    engine.emit({ delta: "Once upon" });
    chat.stop();
    await done;
    const answer = chat.conversation.messages[1];
    expect(answer?.content).toBe("Once upon");
    expect(answer?.finishReason).toBe("abort");
    expect((await stored().get(chat.conversation.id))?.messages[1]?.finishReason).toBe("abort");
  });

  it("regenerates the last answer and edits a prompt, dropping what followed", async () => {
    const engine = new ScriptedEngine();
    const { chat } = setup(chatEngine(engine));
    const answer = async (run: Promise<unknown>, text: string) => {
      await vi.waitFor(() => expect(engine.streaming).toBe(true));
      engine.emit({ delta: text });
      engine.end();
      await run;
    };
    await answer(chat.send("Q1"), "A1");
    await answer(chat.send("Q2"), "A2");
    await answer(chat.regenerate(), "A2 again");
    expect(chat.conversation.messages.map((m) => m.content)).toEqual([
      "Q1",
      "A1",
      "Q2",
      "A2 again",
    ]);
    expect(engine.requests[2]?.messages.map((m) => m.content)).toEqual(["Q1", "A1", "Q2"]);
    const first = chat.conversation.messages[0];
    await answer(chat.editAndResend(first?.id ?? "", "Q1 edited"), "B1");
    expect(chat.conversation.messages.map((m) => m.content)).toEqual(["Q1 edited", "B1"]);
    expect(engine.requests[3]?.messages).toEqual([{ role: "user", content: "Q1 edited" }]);
  });

  it("saves the prompt and partial answer when the page is hidden mid-stream", async () => {
    const engine = new ScriptedEngine();
    const { chat, stored } = setup(chatEngine(engine));
    const done = chat.send("Long question");
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    engine.emit({ delta: "Partial" });
    await chat.persistNow();
    const saved = await stored().get(chat.conversation.id);
    expect(saved?.messages.map((m) => [m.role, m.content, m.finishReason])).toEqual([
      ["user", "Long question", undefined],
      ["assistant", "Partial", "abort"],
    ]);
    // The live answer goes on and is saved complete at the end.
    engine.emit({ delta: " and the rest" });
    engine.end();
    await done;
    expect((await stored().get(chat.conversation.id))?.messages[1]).toMatchObject({
      content: "Partial and the rest",
      finishReason: "stop",
    });
  });
});

describe("ChatState checkpoints", () => {
  it("saves the answer in flight periodically, marked stopped until it ends", async () => {
    const engine = new ScriptedEngine();
    const { chat, stored } = setup(chatEngine(engine), { checkpointMs: 5 });
    const done = chat.send("Slow question");
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    engine.emit({ delta: "First part" });
    await vi.waitFor(
      async () =>
        expect((await stored().get(chat.conversation.id))?.messages[1]).toMatchObject({
          content: "First part",
          finishReason: "abort",
        }),
      { timeout: 5000 },
    );
    engine.emit({ delta: ", second part" });
    engine.end();
    await done;
    const final = (await stored().get(chat.conversation.id))?.messages[1];
    expect(final).toMatchObject({ content: "First part, second part", finishReason: "stop" });
    // No checkpoint after the end overwrites the finished answer.
    await new Promise((r) => setTimeout(r, 30));
    expect((await stored().get(chat.conversation.id))?.messages[1]?.finishReason).toBe("stop");
  });
});

describe("ChatState errors", () => {
  it("keeps the prompt and shows a load error; a retry with another model answers", async () => {
    const engine = new ScriptedEngine();
    engine.loadFailure = new PolymathError("shader-f16-missing", "needs f16", {
      details: { suggestedModelId: "Qwen3-1.7B-q4f32_1-MLC" },
    });
    const { chat, stored } = setup(chatEngine(engine));
    await chat.send("Hello");
    expect(chat.loadError?.code).toBe("shader-f16-missing");
    expect(chat.loadErrorModel).toBe("Qwen2.5-1.5B-Instruct-q4f16_1-MLC");
    expect(chat.conversation.messages.map((m) => m.role)).toEqual(["user"]);
    expect((await stored().get(chat.conversation.id))?.messages[0]?.content).toBe("Hello");
    engine.loadFailure = null;
    chat.setModel("Qwen3-1.7B-q4f32_1-MLC");
    expect(chat.loadError).toBeNull();
    const retry = chat.regenerate();
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    engine.emit({ delta: "Hi!" });
    engine.end();
    await retry;
    expect(engine.loads.at(-1)).toEqual(["Qwen3-1.7B-q4f32_1-MLC"]);
    expect(chat.conversation.messages[1]).toMatchObject({
      content: "Hi!",
      modelId: "Qwen3-1.7B-q4f32_1-MLC",
    });
  });

  it("reports a full store and keeps the conversation in memory and the stored version intact", async () => {
    const engine = new ScriptedEngine();
    const inner = createMemoryStore();
    let full = false;
    const { store } = failOnWrite(inner, () => full);
    const { chat, stored } = setup(chatEngine(engine), {}, store);
    const answer = async (run: Promise<unknown>, text: string) => {
      await vi.waitFor(() => expect(engine.streaming).toBe(true));
      engine.emit({ delta: text });
      engine.end();
      await run;
    };
    await answer(chat.send("Q1"), "A1");
    expect(chat.saveError).toBeNull();
    full = true;
    await answer(chat.send("Q2"), "A2");
    expect(chat.saveError?.code).toBe("storage-full");
    expect(chat.conversation.messages.map((m) => m.content)).toEqual(["Q1", "A1", "Q2", "A2"]);
    expect((await stored().get(chat.conversation.id))?.messages.map((m) => m.content)).toEqual([
      "Q1",
      "A1",
    ]);
  });
});

describe("ChatState conversations", () => {
  it("opens saved conversations, reports unknown ones and starts afresh after deleting", async () => {
    const engine = new ScriptedEngine();
    const { chat, library } = setup(chatEngine(engine));
    const run = chat.send("First");
    await vi.waitFor(() => expect(engine.streaming).toBe(true));
    engine.end();
    await run;
    const firstId = chat.conversation.id;
    await chat.open();
    expect(chat.saved).toBe(false);
    expect(chat.conversation.messages).toEqual([]);
    expect(chat.conversation.id).not.toBe(firstId);
    await chat.open("nope");
    expect(chat.openError?.code).toBe("not-found");
    await chat.open(firstId);
    expect(chat.conversation.messages[0]?.content).toBe("First");
    await chat.rename(firstId, "Renamed");
    expect(chat.conversation.title).toBe("Renamed");
    expect(library.summaries[0]?.title).toBe("Renamed");
    expect(await chat.remove(firstId)).toBe(true);
    expect(library.summaries).toEqual([]);
    expect(chat.saved).toBe(false);
  });

  it("starts new chats with the stored default settings", async () => {
    const engine = new ScriptedEngine();
    const { chat } = setup(chatEngine(engine), {
      defaults: async () => ({ params: { temperature: 0.3, max_tokens: 64 }, showReasoning: true }),
    });
    await chat.ready;
    expect(chat.conversation.params).toEqual({ temperature: 0.3, max_tokens: 64 });
    expect(chat.showReasoning).toBe(true);
    chat.setParam("temperature", undefined);
    chat.setParam("seed", 7);
    expect(chat.conversation.params).toEqual({ max_tokens: 64, seed: 7 });
  });
});

/** Two tabs' event channel: each publish reaches every other subscriber, as BroadcastChannel does. */
function tabsBus() {
  const tabs: ((e: DocEvent) => void)[][] = [];
  return () => {
    const mine: ((e: DocEvent) => void)[] = [];
    tabs.push(mine);
    const events: DocEvents = {
      publish: (e) => {
        for (const other of tabs) if (other !== mine) for (const l of other) l(structuredClone(e));
      },
      subscribe: (l) => {
        mine.push(l);
        return () => mine.splice(mine.indexOf(l), 1);
      },
    };
    return events;
  };
}

function tab(store: KeyValueStore, events: DocEvents | undefined, engine: ChatEngine) {
  const library = new ConversationLibrary(async () => ({ store, persistent: true }), events);
  const chat = new ChatState({
    engine,
    library,
    defaultModel: () => "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
  });
  return { chat, library };
}

describe("ChatState in two tabs", () => {
  it("refuses a stale save from a tab that did not hear the other, and overwrites nothing", async () => {
    const store = createMemoryStore();
    const engineA = new ScriptedEngine();
    const a = tab(store, undefined, chatEngine(engineA));
    const b = tab(store, undefined, chatEngine(new ScriptedEngine()));
    const run = a.chat.send("First");
    await vi.waitFor(() => expect(engineA.streaming).toBe(true));
    engineA.end();
    await run;
    const id = a.chat.conversation.id;
    await b.chat.open(id);
    await a.chat.rename(id, "Renamed in A");
    b.chat.setSystemPrompt("B's prompt");
    await b.chat.rename(id, "x"); // goes through the store: fine, and B now knows the newest rev
    await a.chat.rename(id, "Renamed in A again");
    // B edits from a revision that is now old: its save must be refused.
    await b.chat.persistNow();
    expect(b.chat.saveError?.code).toBe("conflict");
    expect(b.chat.conflict).toBe(true);
    const stored = await createConversationStore(store).get(id);
    expect(stored?.title).toBe("Renamed in A again");
    expect(stored?.systemPrompt).toBe("");
    // The user picks: load the saved version, or keep this tab's.
    await b.chat.keepMine();
    expect(b.chat.saveError).toBeNull();
    expect((await createConversationStore(store).get(id))?.systemPrompt).toBe("B's prompt");
  });

  it("shows another tab's saved changes at once when idle", async () => {
    const store = createMemoryStore();
    const bus = tabsBus();
    const engineA = new ScriptedEngine();
    const a = tab(store, bus(), chatEngine(engineA));
    const b = tab(store, bus(), chatEngine(new ScriptedEngine()));
    const first = a.chat.send("First");
    await vi.waitFor(() => expect(engineA.streaming).toBe(true));
    engineA.end();
    await first;
    const id = a.chat.conversation.id;
    await b.chat.open(id);
    expect(b.chat.conversation.messages).toHaveLength(2);
    const second = a.chat.send("Second");
    await vi.waitFor(() => expect(engineA.streaming).toBe(true));
    engineA.end();
    await second;
    await vi.waitFor(() => expect(b.chat.conversation.messages).toHaveLength(4));
    expect(b.chat.elsewhere).toBe("updated");
    expect(b.chat.conversation.messages[2]?.content).toBe("Second");
    await vi.waitFor(() => expect(b.library.summaries[0]?.id).toBe(id));
    await a.chat.remove(id);
    await vi.waitFor(() => expect(b.chat.elsewhere).toBe("deleted"));
  });
});

describe("ChatState before a run", () => {
  it("sends nothing and loads nothing when the user declines the download", async () => {
    const engine = new ScriptedEngine();
    const asked: string[] = [];
    let agree = false;
    const { chat } = setup(chatEngine(engine), {
      confirmDownload: async (id) => (asked.push(id), agree),
    });
    expect(await chat.send("Hello")).toBe(false);
    expect(asked).toEqual(["Qwen2.5-1.5B-Instruct-q4f16_1-MLC"]);
    expect(chat.conversation.messages).toEqual([]);
    expect(engine.requests).toEqual([]);
    agree = true;
    const run = chat.send("Hello");
    await vi.waitFor(() => expect(engine.requests).toHaveLength(1));
    engine.end();
    expect(await run).toBe(true);
  });

  it("refuses to run with invalid settings, and says why, until they are fixed", async () => {
    const engine = new ScriptedEngine();
    const { chat } = setup(chatEngine(engine));
    chat.setParam("temperature", 7);
    expect(chat.settingsError).toBe(
      "Fix the settings first: Temperature must be a number from 0 to 2.",
    );
    expect(await chat.send("Hello")).toBe(false);
    chat.setParam("temperature", 0.7);
    chat.setParam("max_tokens", NaN);
    expect(chat.conversation.params.max_tokens).toBeUndefined();
    expect(chat.settingsError).toMatch(/Max tokens must be a whole number/);
    expect(await chat.send("Hello")).toBe(false);
    expect(chat.conversation.messages).toEqual([]);
    chat.setParam("max_tokens", undefined);
    expect(chat.settingsError).toBe("");
    const run = chat.send("Hello");
    await vi.waitFor(() => expect(engine.requests).toHaveLength(1));
    expect(engine.requests[0]?.params.temperature).toBe(0.7);
    engine.end();
    await run;
  });

  it("offers the recording's follow-ups once the conversation has an answer", async () => {
    const engine = new EngineState();
    await engine.useRecording(fixture("compare-three-models.json"), { speed: Infinity });
    const { chat } = setup(engine);
    expect(chat.recordedPrompts[0]).toMatch(/^A train travels/);
    const first = chat.recordedPrompts;
    // At the recording's own pace, so the answer is caught while it streams.
    await engine.useRecording(fixture("compare-three-models.json"), { speed: 1 });
    const run = chat.send(first[0]!);
    // While the answer runs the suggestions stay as they were (they are not matched again
    // against a conversation that changes with every streamed piece).
    await vi.waitFor(() => expect(chat.streamingId).not.toBeNull());
    expect(chat.followUp).toBe(true);
    expect(chat.recordedPrompts).toEqual(first);
    await run;
    await engine.useRecording(fixture("compare-three-models.json"), { speed: Infinity });
    expect(chat.followUp).toBe(true);
    expect(chat.recordedPrompts).toEqual(["Now give that speed in metres per second."]);
    await chat.send(chat.recordedPrompts[0]!);
    // The recording has nothing after that: no follow-up it would refuse is offered.
    expect(chat.recordedPrompts).toEqual([]);
  });
});
