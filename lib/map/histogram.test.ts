import { describe, expect, it } from "vitest";
import { binStart, chooseUnit, histogram, nextBinStart } from "./histogram";
import { dayOf, isoOf } from "./time";

describe("histogram", () => {
  it("aligns bins to the calendar", () => {
    expect(isoOf(binStart(dayOf("2020-01-03"), "week"))).toBe("2019-12-30"); // a Monday
    expect(isoOf(binStart(dayOf("2020-05-17"), "month"))).toBe("2020-05-01");
    expect(isoOf(binStart(dayOf("2020-05-17"), "quarter"))).toBe("2020-04-01");
    expect(isoOf(binStart(dayOf("2020-05-17"), "year"))).toBe("2020-01-01");
    expect(isoOf(nextBinStart(dayOf("2020-12-01"), "month"))).toBe("2021-01-01");
  });

  it("picks the finest unit that fits", () => {
    expect(chooseUnit(0, 30, 100)).toBe("day");
    expect(chooseUnit(0, 365, 100)).toBe("week");
    expect(chooseUnit(0, 4 * 365, 100)).toBe("month");
    expect(chooseUnit(0, 40 * 365, 100)).toBe("year");
  });

  it("counts every day once", () => {
    const days = new Float64Array([dayOf("2020-01-01"), dayOf("2020-01-15"), dayOf("2020-02-01"), dayOf("2020-03-31")]);
    const h = histogram(days, days[0]!, days[3]!, 5);
    expect(h.unit).toBe("month");
    expect(h.bins.map((b) => b.count)).toEqual([2, 1, 1]);
    expect(h.max).toBe(2);
  });

  it("counts a day by its weight when days come counted", () => {
    const days = new Float64Array([dayOf("2020-01-01"), dayOf("2020-01-15"), dayOf("2020-02-01")]);
    const h = histogram(days, days[0]!, dayOf("2020-03-31"), 5, new Float64Array([3, 4, 10]));
    expect(h.bins.map((b) => b.count)).toEqual([7, 10, 0]);
    expect(h.max).toBe(10);
  });
});
