import { describe, expect, it } from "vitest";
import { parseHash, toHash } from "./routes";

describe("hash routes", () => {
  it("parses a view and its params", () => {
    expect(parseHash("#/device")).toEqual({ view: "device", params: [] });
    expect(parseHash("#/chat/abc%20d")).toEqual({ view: "chat", params: ["abc d"] });
  });

  it("falls back to the default view for empty or unknown hashes", () => {
    expect(parseHash("")).toEqual({ view: "chat", params: [] });
    expect(parseHash("#/nope/x")).toEqual({ view: "chat", params: [] });
  });

  it("round-trips through toHash", () => {
    expect(parseHash(toHash("compare", "id/1"))).toEqual({ view: "compare", params: ["id/1"] });
  });
});
