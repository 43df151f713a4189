import { describe, expect, it } from "vitest";
import { dayOf, formatDate, formatDay, formatDelay, formatRange, isoOf } from "./time";

describe("days", () => {
  it("round-trips ISO dates through day numbers", () => {
    expect(dayOf("1970-01-01")).toBe(0);
    expect(dayOf("2020-01-03")).toBe(18264);
    expect(isoOf(18264.9)).toBe("2020-01-03");
    expect(isoOf(dayOf("2024-02-29"))).toBe("2024-02-29");
  });

  it("formats dates as precisely as the sources give them", () => {
    expect(formatDay(dayOf("2019-12-27"))).toBe("27 Dec 2019");
    expect(formatDate("2019-12-27", "day")).toBe("27 Dec 2019");
    expect(formatDate("2019-12-28", "week")).toBe("week of 28 Dec 2019");
    expect(formatDate("2020-03-01", "month")).toBe("March 2020");
    expect(formatDate("2021-01-01", "year")).toBe("2021");
  });

  it("writes delays and ranges for people", () => {
    expect(formatDelay(2)).toBe("+2 days");
    expect(formatDelay(1)).toBe("+1 day");
    expect(formatDelay(0)).toBe("same day");
    expect(formatRange(null)).toBe("not reported");
    expect(formatRange({ low: 3, high: 3 })).toBe("3");
    expect(formatRange({ low: 3, high: 5 })).toBe("3–5");
  });
});
