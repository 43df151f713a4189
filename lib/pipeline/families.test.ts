import { describe, expect, it } from "vitest";
import { findTriggers, frames } from "./families";

const fams = (s: string) => frames(s, findTriggers(s), []).map((f) => f.family);

describe("families", () => {
  it("names the kind of attack, the weapon before the generic word", () => {
    expect(fams("A drone strike hit the convoy.")).toEqual(["drone"]);
    expect(fams("Militants fired a barrage of rockets.")).toEqual(["rocket"]);
    expect(fams("Protesters stormed the compound and ransacked it.")).toEqual(["riot"]);
    expect(fams("The commander met with allied leaders.")).toEqual(["meeting"]);
    expect(fams("A tanker was attacked off the coast.")).toEqual(["maritime"]);
    expect(fams("The group attacked a checkpoint.")).toEqual([null]);
  });

  it("splits two attacks told with their own places and keeps meetings apart", () => {
    const s = "The army answered with airstrikes in the north and artillery fire into the valley.";
    const places = [{ start: s.indexOf("the north"), end: s.indexOf("the north") + 9 }];
    expect(frames(s, findTriggers(s), places).map((f) => f.family)).toEqual(["airstrike", "artillery"]);
    expect(fams("The attacks were planned during meetings in the capital.")).toEqual([null, "meeting"]);
  });

  it("tells bombs set off on the ground from bombs dropped from the air", () => {
    expect(fams("A suicide bomber struck a crowded market at noon.")).toEqual(["bombing"]);
    expect(fams("Two truck bombings shook the port district.")).toEqual(["bombing"]);
    expect(fams("A roadside bomb hit the patrol near the bridge.")).toEqual(["bombing"]);
    expect(fams("Two attackers detonated explosives at the gate.")).toEqual(["bombing"]);
    expect(fams("Jets bombed the depot overnight.")).toEqual(["airstrike"]);
    expect(fams("The aerial bombing of the town went on for days.")).toEqual(["airstrike"]);
    const bare = frames("The bombing killed four.", findTriggers("The bombing killed four."), [])[0]!;
    expect([bare.family, bare.soft]).toEqual(["bombing", true]);
  });

  it("reads what an attack did as part of it, not as another attack", () => {
    expect(fams("Airstrikes hit the depot in answer to the rocket attack on the camp on Monday that killed two guards.")).toEqual(["airstrike", "rocket"]);
    expect(fams("A drone hit the base, wounding five.")).toEqual(["drone"]);
  });

  it("leaves out planned, feared and counted-in-bulk attacks", () => {
    expect(fams("They plan to launch rocket attacks next month.")).toEqual([]);
    expect(fams("The general was accused of plotting attacks on embassies.")).toEqual([]);
    expect(fams("The country has carried out hundreds of airstrikes.")).toEqual([]);
    expect(fams("He urged them to attack quickly.")).toEqual([]);
    expect(fams("The crowd was incited to ransack the embassy.")).toEqual(["riot"]);
  });
});
