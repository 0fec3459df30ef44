import { describe, expect, it } from "vitest";
import { planResume, rangeHeader } from "./resume-plan";

describe("rangeHeader", () => {
  it("asks for the rest after the saved bytes, and nothing for a fresh start", () => {
    expect(rangeHeader(0)).toBeUndefined();
    expect(rangeHeader(1234)).toBe("bytes=1234-");
  });
});

describe("planResume", () => {
  it("appends a 206 that starts where the saved bytes end, with the total it names", () => {
    expect(
      planResume(100, { status: 206, contentRange: "bytes 100-999/1000", contentLength: "900" }),
    ).toEqual({ kind: "append", from: 100, total: 1000 });
    expect(
      planResume(100, { status: 206, contentRange: "bytes 100-999/*", contentLength: "900" }),
    ).toEqual({ kind: "append", from: 100, total: null });
  });

  it("refuses a 206 that starts anywhere else", () => {
    expect(
      planResume(100, { status: 206, contentRange: "bytes 0-999/1000", contentLength: "1000" }),
    ).toBeNull();
    expect(
      planResume(100, { status: 206, contentRange: "bytes */1000", contentLength: "1" }),
    ).toBeNull();
  });

  it("reads a 206 whose Content-Range is hidden (cross-origin) as the range it asked for", () => {
    expect(planResume(100, { status: 206, contentRange: null, contentLength: "900" })).toEqual({
      kind: "append",
      from: 100,
      total: 1000,
    });
    expect(planResume(0, { status: 206, contentRange: null, contentLength: "900" })).toBeNull();
  });

  it("starts over when the host ignores the range and sends the whole file", () => {
    expect(planResume(100, { status: 200, contentRange: null, contentLength: "1000" })).toEqual({
      kind: "restart",
      total: 1000,
    });
    expect(planResume(0, { status: 200, contentRange: null, contentLength: null })).toEqual({
      kind: "restart",
      total: null,
    });
  });

  it("reads a 416 as complete only when the host's size is the saved size", () => {
    expect(
      planResume(1000, { status: 416, contentRange: "bytes */1000", contentLength: null }),
    ).toEqual({ kind: "complete" });
    expect(
      planResume(1200, { status: 416, contentRange: "bytes */1000", contentLength: null }),
    ).toEqual({ kind: "restart", total: 1000 });
    expect(
      planResume(0, { status: 416, contentRange: "bytes */1000", contentLength: null }),
    ).toBeNull();
  });

  it("gives nothing for an error status", () => {
    for (const status of [403, 404, 500]) {
      expect(planResume(10, { status, contentRange: null, contentLength: null })).toBeNull();
    }
  });
});
