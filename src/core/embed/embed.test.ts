import { describe, expect, it } from "vitest";
import { normaliseOrigin, originAllowed, parseEmbedParams } from "./embed-params";
import { readHostMessage } from "./protocol";

describe("embed parameters", () => {
  it("reads a recording, models, prompts, speed and the origin allowlist", () => {
    const p = parseEmbedParams(
      "?recording=rec.json&models=a,b&prompt=Hi&prompt=Bye&speed=instant&origins=http://127.0.0.1:8080/,https://x.example",
      "",
    );
    expect(p).toEqual({
      recordingUrl: "rec.json",
      sharePayload: null,
      models: ["a", "b"],
      prompts: ["Hi", "Bye"],
      speed: "instant",
      origins: ["http://127.0.0.1:8080", "https://x.example"],
    });
  });

  it("allows no origin by default, never a wildcard or an opaque origin", () => {
    expect(parseEmbedParams("", "").origins).toEqual([]);
    expect(parseEmbedParams("?origins=*,null,javascript:alert(1)", "").origins).toEqual([]);
    expect(normaliseOrigin("ftp://x")).toBeNull();
    expect(originAllowed("null", ["null"])).toBe(false);
    expect(originAllowed("https://evil.example", ["https://x.example"])).toBe(false);
    expect(originAllowed("https://x.example", ["https://x.example"])).toBe(true);
  });

  it("takes a share payload from the fragment and falls back to 1× speed", () => {
    const p = parseEmbedParams("?speed=99", "#/shared/abc_-9");
    expect(p.sharePayload).toBe("abc_-9");
    expect(p.speed).toBe("1");
  });
});

describe("embed messages", () => {
  it("accepts a prompt message and ignores anything else", () => {
    expect(readHostMessage({ type: "polymath:prompt", prompt: "Hi", id: "7" }, "x")).toEqual({
      type: "polymath:prompt",
      prompt: "Hi",
      id: "7",
    });
    expect(readHostMessage({ type: "polymath:prompt", prompt: "Hi" }, "x")?.id).toBe("x");
    for (const bad of [
      null,
      "polymath:prompt",
      { type: "other", prompt: "Hi" },
      { type: "polymath:prompt", prompt: "" },
      { type: "polymath:prompt", prompt: 5 },
      { type: "polymath:prompt", prompt: "Hi", id: 3 },
    ]) {
      expect(readHostMessage(bad, "x")).toBeNull();
    }
  });
});
