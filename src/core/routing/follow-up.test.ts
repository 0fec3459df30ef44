import { describe, expect, it } from "vitest";
import type { RouterModel } from "./model";
import committed from "./router-model.json";
import { createRouter, routeConversation } from "./router";

const router = createRouter(committed as RouterModel);
const CODE = "Write a Python function that reverses a linked list.";
const MATH = "A train leaves at 3pm going 60 km/h. When has it covered 150 km?";
const VAGUE = "Make it faster.";

describe("routing a conversation's follow-up", () => {
  it("reads a follow-up the router is unsure of with the earlier user messages", () => {
    expect(router.route(VAGUE).unsure).toBe(true);
    const d = routeConversation(router, [CODE, VAGUE]);
    expect(d).toMatchObject({ label: "code", unsure: false, followUp: true });
  });

  it("keeps a follow-up the router is sure of on its own", () => {
    const d = routeConversation(router, [CODE, MATH]);
    expect(d.label).toBe("math");
    expect(d.followUp).toBeUndefined();
  });

  it("stays unsure when there is nothing before it, or the context says nothing either", () => {
    expect(routeConversation(router, [VAGUE])).toMatchObject({ unsure: true });
    expect(routeConversation(router, [VAGUE]).followUp).toBeUndefined();
    const d = routeConversation(router, ["Make it nicer.", VAGUE]);
    expect(router.route("Make it nicer.\n\n" + VAGUE).unsure).toBe(true);
    expect(d).toMatchObject({ unsure: true, label: router.route(VAGUE).label });
    expect(d.followUp).toBeUndefined();
  });

  it("reads only the last few user messages: an old topic does not steer a new one", () => {
    const d = routeConversation(router, [CODE, "Thanks!", "What is 2 + 2?", VAGUE]);
    // The code request is three messages back: it is not read, and the follow-up is not code.
    expect(d.label).not.toBe("code");
  });

  it("counts both decisions' time", () => {
    let t = 0;
    const timed = createRouter(committed as RouterModel, { now: () => (t += 0.25) });
    expect(routeConversation(timed, [CODE, VAGUE]).ms).toBeCloseTo(0.5);
  });
});
