import { describe, expect, it } from "vitest";
import { actorAgreement, assignRoles, camp, findActors, lineage, pickActors } from "./actors";
import { findTriggers, frames } from "./families";
import { curatedActors } from "./testing/fixtures";

const index = curatedActors();
const ids = (s: string) => findActors(s, index).map((f) => f.actor);
function roles(s: string) {
  const fr = frames(s, findTriggers(s), [])[0]!;
  return pickActors(assignRoles(s, findActors(s, index), fr, index, []), index);
}

describe("actors", () => {
  it("canonicalises spellings and stand-ins", () => {
    expect(ids("Ghaani met Qaani's aides")).toEqual(["esmail-qaani", "esmail-qaani"]);
    expect(ids("Kataeb Hezbollah, Kata’ib Hezbollah and Kataib Hezbollah")).toEqual(["kataib-hezbollah", "kataib-hezbollah", "kataib-hezbollah"]);
    expect(ids("The Pentagon said U.S. forces and the U.S. military")).toEqual(["united-states", "united-states", "united-states"]);
    expect(ids("thank us later")).toEqual([]);
  });

  it("knows the hierarchy and the camps", () => {
    expect(lineage("quds-force", index)).toEqual(["quds-force", "irgc", "iran"]);
    expect(actorAgreement("iran", "quds-force", index)).toBe(1);
    expect(camp("kataib-hezbollah", index)).toBe("iran");
    expect(actorAgreement("kataib-hezbollah", "irgc", index)).toBe(0.5);
    expect(actorAgreement("israel", "iran", index)).toBe(0);
  });

  it("tells attacker from target", () => {
    expect(roles("An Israeli airstrike hit a Hezbollah depot.")).toMatchObject({ attacker: "israel", target: "hezbollah" });
    expect(roles("U.S. forces were attacked near the border by Kataib Hezbollah.")).toMatchObject({ attacker: "kataib-hezbollah", target: "united-states" });
    expect(roles("The bombing was attributed to Israel.")).toMatchObject({ attacker: "israel" });
    expect(roles("Iran fired missiles at Israel.")).toMatchObject({ attacker: "iran", target: "israel" });
    expect(roles("An hour later, Israel began attacking radar sites.")).toMatchObject({ attacker: "israel" });
    // A city named before "bombing" says where, not who: the bombing is no attack by the state.
    expect(roles("The Ankara bombing killed thirty.")).toMatchObject({ attacker: null });
    expect(roles("The Assad regime's attack on Douma killed dozens.")).toMatchObject({ attacker: "syria" });
  });
});
