import { describe, expect, it } from "vitest";
import { findCasualties } from "./casualties";

const c = (s: string) => {
  const r = findCasualties(s);
  return { killed: r.killed ?? null, injured: r.injured ?? null };
};
const n = (low: number, high = low) => ({ low, high });

describe("findCasualties", () => {
  it("reads numerals, words and sums across a list", () => {
    expect(c("The blast killed one guard and injured three soldiers, as well as two police officers.")).toEqual({ killed: n(1), injured: n(5) });
    expect(c("A mortar round killed 14 people and wounded 30 others.")).toEqual({ killed: n(14), injured: n(30) });
  });

  it("counts listed victims and named ones", () => {
    expect(c("The salvo struck the camp, killing a medic, a driver, and a cook.")).toEqual({ killed: n(3), injured: null });
    expect(c("A car bomb killed Ahmad Example, a local commander, along with two guards.")).toEqual({ killed: n(3), injured: null });
  });

  it("reads passive and died forms and qualifiers", () => {
    expect(c("Officials said 12 people were killed and 40 wounded.")).toEqual({ killed: n(12), injured: n(40) });
    expect(c("At least four residents were injured.")).toEqual({ killed: null, injured: n(4) });
    expect(c("The two crew members died in the fire.")).toEqual({ killed: n(2), injured: null });
    expect(c("The raid left 9 people dead.")).toEqual({ killed: n(9), injured: null });
    expect(c("Between 5 and 10 fighters were killed.")).toEqual({ killed: n(5, 10), injured: null });
    expect(c("Dozens of people were wounded.")).toEqual({ killed: null, injured: n(24, 99) });
  });

  it("finds nothing where no figure is given", () => {
    expect(c("The strike damaged a warehouse.")).toEqual({ killed: null, injured: null });
  });
});
