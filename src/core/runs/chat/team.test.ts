import { describe, expect, it } from "vitest";
import { PROMPTED_MODEL_ID } from "../../routing/labels";
import { TEAM_MODEL_ID } from "../../routing/team-engine";
import { answeringModel } from "./models";
import { chatTeam, withPromptedOption, withTeamOption } from "./team";

const candidates = [
  { id: "gen", role: "generalist", domains: ["chat", "code"] },
  { id: "coder", role: "specialist", domains: ["code"] },
  { id: "mathy", role: "specialist", domains: ["math"] },
];

describe("the routed team in Chat", () => {
  it("maps labels to the offered specialists with the default generalist as fallback", () => {
    expect(chatTeam(candidates, "gen")).toEqual({
      mapping: { code: "coder", math: "mathy" },
      fallback: "gen",
    });
    expect(chatTeam(candidates, null)).toBe(null);
  });

  it("applies the user's choice of any offered model, a remote one included", () => {
    const offered = [
      ...candidates,
      { id: "remote:lab/big", role: "generalist", domains: ["chat"] },
      { id: "other-coder", role: "specialist", domains: ["code"] },
    ];
    const choice = { fallback: "remote:lab/big", mapping: { code: "other-coder", math: null } };
    expect(chatTeam(candidates, "gen", choice, offered)).toEqual({
      mapping: { code: "other-coder" },
      fallback: "remote:lab/big",
    });
    // With the remote generalist as fallback, the local one is a candidate for no label here.
    expect(
      chatTeam(candidates, "gen", { fallback: "remote:lab/big", mapping: {} }, offered),
    ).toEqual({ mapping: { code: "coder", math: "mathy" }, fallback: "remote:lab/big" });
  });

  it("keeps the defaults where the choice names a model not offered or not a generalist", () => {
    const choice = { fallback: "coder", mapping: { code: "gone" } };
    expect(chatTeam(candidates, "gen", choice)).toEqual(chatTeam(candidates, "gen"));
    // No default fallback: a chosen generalist still makes a team.
    expect(chatTeam(candidates, null, { fallback: "gen", mapping: {} })?.fallback).toBe("gen");
  });

  it("offers Auto first, naming the members, only when the team has a specialist", () => {
    const groups = [{ label: "Generalists", options: [] }];
    const offered = withTeamOption(groups, chatTeam(candidates, "gen"), (id) => id.toUpperCase());
    expect(offered[0]!.options[0]).toMatchObject({
      id: TEAM_MODEL_ID,
      text: "Auto (routed team: code → CODER, math → MATHY, else GEN)",
    });
    expect(withTeamOption(groups, chatTeam([candidates[0]!], "gen"), String)).toEqual(groups);
  });

  it("offers the prompt-specialized generalist over the team's fallback, specialists or not", () => {
    const groups = [{ label: "Generalists", options: [] }];
    const upper = (id: string) => id.toUpperCase();
    const offered = withPromptedOption(groups, chatTeam([candidates[0]!], "gen"), upper);
    expect(offered.map((g) => g.label)).toEqual(["Prompt-specialized generalist", "Generalists"]);
    expect(offered[0]!.options[0]).toMatchObject({
      id: PROMPTED_MODEL_ID,
      text: "Auto (GEN + domain prompts)",
    });
    // Beside the team: the team first.
    const both = withTeamOption(
      withPromptedOption(groups, chatTeam(candidates, "gen"), upper),
      chatTeam(candidates, "gen"),
      upper,
    );
    expect(both.map((g) => g.options[0]?.id)).toEqual([
      TEAM_MODEL_ID,
      PROMPTED_MODEL_ID,
      undefined,
    ]);
    expect(withPromptedOption(groups, null, upper)).toEqual(groups);
    expect(answeringModel(PROMPTED_MODEL_ID, { recording: null }, () => "gen")).toBe(
      PROMPTED_MODEL_ID,
    );
  });

  it("offers no second Auto when a recording holds the team's own answers", () => {
    const option = {
      id: TEAM_MODEL_ID,
      text: "Routed team",
      disabled: false,
      status: null,
      reasons: [],
    };
    const groups = [{ label: "Recording", options: [option] }];
    expect(withTeamOption(groups, chatTeam(candidates, "gen"), String)).toEqual(groups);
  });

  it("keeps the team as the answering model, live and in replay", () => {
    expect(answeringModel(TEAM_MODEL_ID, { recording: null }, () => "gen")).toBe(TEAM_MODEL_ID);
    const recording = { models: [{ id: "gen" }], entries: [] } as never;
    expect(answeringModel(TEAM_MODEL_ID, { recording })).toBe(TEAM_MODEL_ID);
  });
});
