import { describe, expect, it } from "vitest";
import { PolymathError } from "../errors";
import { explainDownloadError } from "./explain-download-error";

const MB = 1024 * 1024;
const full = new PolymathError("storage-full", "The browser's storage for this site is full.");

describe("explainDownloadError", () => {
  it("says how much a model needs against what is free", () => {
    const e = explainDownloadError(full, {
      modelId: "M",
      need: { bytes: 1100 * MB, exact: true },
      freeBytes: 300 * MB,
    });
    expect(e.code).toBe("storage-full");
    expect(e.message).toBe("Not enough storage for M: it needs 1.07 GB, and 300 MB is free.");
    expect(e.advice).toMatch(/Delete cached models/);
    expect(e.details).toMatchObject({ neededBytes: 1100 * MB, freeBytes: 300 * MB });
  });

  it("marks an estimated need and copes with unknown figures", () => {
    const estimated = explainDownloadError(full, {
      modelId: "M",
      need: { bytes: 290 * MB, exact: false },
      freeBytes: undefined,
    });
    expect(estimated.message).toBe("Not enough storage for M: it needs about 290 MB.");
    const unknown = explainDownloadError(full, { modelId: "M", need: null, freeBytes: undefined });
    expect(unknown.message).toBe("Not enough storage for M: the browser refused to save it.");
  });

  it("suggests a smaller model after a device loss, and passes other errors through", () => {
    const lost = new PolymathError("device-lost", "The GPU was reset.");
    const e = explainDownloadError(lost, { modelId: "M", need: null, freeBytes: 0 });
    expect(e.message).toBe("The GPU was reset.");
    expect(e.advice).toMatch(/smaller model/);
    const network = new PolymathError("network", "Could not download the model files.");
    expect(explainDownloadError(network, { modelId: "M", need: null, freeBytes: 0 })).toBe(network);
  });
});
