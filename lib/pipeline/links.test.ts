import { describe, expect, it } from "vitest";
import { reversalLinks, REVERSAL_WINDOW_DAYS, type LinkableEvent } from "./links";
import { curatedActors } from "./testing/fixtures";

const index = curatedActors();
const e = (id: string, date: string, attacker: string, target: string | null): LinkableEvent => ({ id, dateStart: date, dateEnd: date, family: "airstrike", attacker, target });

describe("reversalLinks", () => {
  const rockets = e("rockets", "2020-01-01", "kataib-hezbollah", "united-states");
  it("links a strike back by the target within the window, to the nearest earlier attack", () => {
    const back = e("back", "2020-01-03", "united-states", "kataib-hezbollah");
    const older = e("older", "2019-12-28", "kataib-hezbollah", "united-states");
    const links = reversalLinks([older, rockets, back], new Set(["back"]), [], index);
    expect(links).toEqual([{ from: "rockets", to: "back", kind: "retaliation", confidence: expect.any(Number), delayDays: 2 }]);
  });

  it("needs the sides reversed, the window kept and no stated cause", () => {
    const late = e("late", "2020-02-01", "united-states", "kataib-hezbollah");
    expect(REVERSAL_WINDOW_DAYS).toBe(10);
    expect(reversalLinks([rockets, late], new Set(["late"]), [], index)).toEqual([]);
    const same = e("same", "2020-01-02", "kataib-hezbollah", "united-states");
    expect(reversalLinks([rockets, same], new Set(["same"]), [], index)).toEqual([]);
    const back = e("back", "2020-01-03", "united-states", "kataib-hezbollah");
    expect(reversalLinks([rockets, back], new Set(["back"]), [{ from: "x", to: "back", kind: "response" }], index)).toEqual([]);
  });
});
