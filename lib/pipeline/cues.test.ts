import { describe, expect, it } from "vitest";
import { findCues } from "./cues";

const cues = (s: string) => findCues(s).map((c) => `${c.shape}:${c.kind}:${c.text}`);

describe("findCues", () => {
  it("finds explicit cues, with the clause that names the cause", () => {
    const s = "The strikes came in response to a drone attack on a base, officials said.";
    const [c] = findCues(s);
    expect(c).toMatchObject({ shape: "cause-follows", kind: "response" });
    expect(s.slice(c!.clause!.start, c!.clause!.end)).toBe(" a drone attack on a base");
    expect(cues("The militia retaliated with rockets.")).toEqual(["answer:retaliation:retaliated"]);
    expect(cues("As a result, the army responded.")).toEqual(["answer:response:As a result", "answer:response:responded"]);
    expect(cues("And then he ordered the strike.")).toEqual(["answer:escalation:And then"]);
    expect(cues("They vowed to avenge his death.")).toEqual(["cause-follows:retaliation:to avenge"]);
  });

  it("finds an attack said to call for an answer, but not one merely wondered about", () => {
    expect(cues("The shelling of the market was an outrage that demanded a firm response.")).toEqual(["demand:response:demanded a firm response"]);
    expect(cues("Nobody knew whether the raid warranted a reply.")).toEqual([]);
  });

  it("finds sequels and plans", () => {
    expect(cues("The bombing began after the raid.")).toEqual(["sequel:response:began after"]);
    expect(cues("The details were finalized at a meeting.")).toEqual(["plan:escalation:finalized"]);
    expect(cues("Jets struck the port after the militia fired rockets at the town.")).toEqual(["sequel:response:after"]);
    expect(cues("Jets struck the port after sunset.")).toEqual([]);
  });
});
