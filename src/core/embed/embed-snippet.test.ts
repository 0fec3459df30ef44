import { describe, expect, it } from "vitest";
import { parseEmbedParams } from "./embed-params";
import { embedSnippet, embedUrl, readOriginsField } from "./embed-snippet";

const PAGE = "https://example.org/polymath/embed.html";

describe("embedUrl", () => {
  it("writes what parseEmbedParams reads back", () => {
    const url = new URL(
      embedUrl({
        page: PAGE,
        sharePayload: "abc_-9",
        speed: "instant",
        origins: ["https://blog.example", "http://localhost:8080"],
      }),
    );
    expect(url.origin + url.pathname).toBe(PAGE);
    const params = parseEmbedParams(url.search, url.hash);
    expect(params.sharePayload).toBe("abc_-9");
    expect(params.recordingUrl).toBeNull();
    expect(params.speed).toBe("instant");
    expect(params.origins).toEqual(["https://blog.example", "http://localhost:8080"]);
  });

  it("prefers a hosted recording over the payload and keeps prompts with commas whole", () => {
    const url = new URL(
      embedUrl({
        page: PAGE + "?old=1#/shared/old",
        sharePayload: "abc",
        recordingUrl: " https://files.example/run.json?x=1&y=2 ",
        speed: "1",
        origins: [],
        models: ["a", "b"],
        prompts: ["Hi, there", "2 + 2 = ?"],
      }),
    );
    const params = parseEmbedParams(url.search, url.hash);
    expect(params.recordingUrl).toBe("https://files.example/run.json?x=1&y=2");
    expect(params.sharePayload).toBeNull();
    expect(params.models).toEqual(["a", "b"]);
    expect(params.prompts).toEqual(["Hi, there", "2 + 2 = ?"]);
    expect(params.speed).toBe("1");
    expect(params.origins).toEqual([]);
    expect(url.searchParams.has("old")).toBe(false);
  });
});

describe("readOriginsField", () => {
  it("normalises origins, drops duplicates and names what is not an origin", () => {
    expect(
      readOriginsField("https://blog.example/post, https://blog.example\n* ftp://x.example nope"),
    ).toEqual({ origins: ["https://blog.example"], rejected: ["*", "ftp://x.example", "nope"] });
    expect(readOriginsField("  ")).toEqual({ origins: [], rejected: [] });
  });
});

describe("embedSnippet", () => {
  it("escapes the address so it cannot close the attribute", () => {
    const html = embedSnippet('https://x.example/embed.html?prompt="><script>', 'A "demo"');
    expect(html).toContain('src="https://x.example/embed.html?prompt=&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('title="A &quot;demo&quot;"');
    expect(html).not.toContain("<script>");
    expect(html).toMatch(/sandbox="allow-scripts allow-same-origin/);
  });
});
