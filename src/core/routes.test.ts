import { describe, expect, it } from "vitest";
import { parseHash, toHash } from "./routes";

describe("hash routes", () => {
  it("parses a view and its params", () => {
    expect(parseHash("#/device")).toEqual({ view: "device", params: [] });
    expect(parseHash("#/chat/abc%20d")).toEqual({ view: "chat", params: ["abc d"] });
  });

  it("opens the first screen for an empty hash, the default view for an unknown one", () => {
    expect(parseHash("")).toEqual({ view: "home", params: [] });
    expect(parseHash("#/")).toEqual({ view: "home", params: [] });
    expect(parseHash("#/nope/x")).toEqual({ view: "chat", params: [] });
  });

  it("gives the not-found route for a hash with broken escapes", () => {
    expect(parseHash("#/chat/%")).toEqual({ view: "not-found", params: ["#/chat/%"] });
    expect(parseHash("#/%E0%A4%A")).toEqual({ view: "not-found", params: ["#/%E0%A4%A"] });
  });

  it("round-trips through toHash", () => {
    expect(parseHash(toHash("compare", "id/1"))).toEqual({ view: "compare", params: ["id/1"] });
  });
});
