/**
 * An endpoint's API key stays on the device: what a remote model leaves in a catalog entry, a
 * recording, a conversation export and a bench model reference never holds it.
 */
import { describe, expect, it } from "vitest";
import { remoteEntries } from "../../catalog/remote-entries";
import { conversationToJson } from "../../storage/conversation-export";
import { RecordingBuilder, recordingEngine } from "../replay/recording-builder";
import { remoteModelId, type RemoteEndpoint } from "./endpoint";
import { fakeFetch, sseText } from "./fake-openai-server";
import { RemoteEngine } from "./remote-engine";

const KEY = "sk-never-leaves-0123456789";
const endpoint: RemoteEndpoint = {
  id: "api-example-com",
  baseUrl: "https://api.example.com/v1",
  apiKey: KEY,
  models: [{ name: "big-model", role: "generalist", domains: ["chat"] }],
  maxConcurrent: 2,
  addedAt: 0,
};
const modelId = remoteModelId(endpoint, "big-model");

describe("API keys", () => {
  it("are sent to the server but kept out of recordings, exports and catalog entries", async () => {
    const server = fakeFetch([{ kind: "stream", chunks: [sseText(["fixture answer"])] }]);
    const engine = new RemoteEngine({
      fetch: server.fetch,
      resolveModel: () => ({ endpoint, model: endpoint.models[0]! }),
      origin: "https://polymath.example",
    });
    const builder = new RecordingBuilder({
      app: { name: "polymath", version: "test" },
      engine: { kind: "remote" },
      fixture: true,
    });
    const recorded = recordingEngine(engine, builder);
    await recorded.load([modelId]);
    const result = await recorded.chat(
      { modelId, messages: [{ role: "user", content: "Hi" }], params: {} },
      { onChunk: () => {} },
    );
    expect(JSON.stringify(server.calls[0]?.init.headers)).toContain(KEY);

    expect(JSON.stringify(builder.build())).not.toContain(KEY);
    expect(JSON.stringify(remoteEntries([endpoint]))).not.toContain(KEY);
    const exported = conversationToJson({
      id: "c1",
      title: "Hi",
      createdAt: 0,
      updatedAt: 0,
      modelId,
      systemPrompt: "",
      params: {},
      messages: [
        { id: "m1", role: "user", content: "Hi" },
        { id: "m2", role: "assistant", content: result.text, modelId, usage: result.usage },
      ],
    });
    expect(exported).toContain(modelId);
    expect(exported).not.toContain(KEY);
  });
});
