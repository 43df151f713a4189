import { describe, expect, it } from "vitest";
import { formatWindow, shareMetadata } from "./share-metadata";
import { DEFAULT_VIEW, parseView } from "./url-state";

const view = (qs: string) => parseView(new URLSearchParams(qs)).view;

describe("formatWindow", () => {
  it("says a date window the way a person would", () => {
    expect(formatWindow("2019-12-01", "2020-01-31")).toBe("Dec 2019–Jan 2020");
    expect(formatWindow("2020-03-01", "2020-03-31")).toBe("Mar 2020");
    expect(formatWindow("2020-02-01", "2020-02-29")).toBe("Feb 2020");
    expect(formatWindow("2020-01-01", "2020-12-31")).toBe("2020");
    expect(formatWindow("2019-01-01", "2021-12-31")).toBe("2019–2021");
    expect(formatWindow("2019-12-27", "2020-01-05")).toBe("27 Dec 2019–5 Jan 2020");
    expect(formatWindow("2020-01-03", "2020-01-03")).toBe("3 Jan 2020");
    expect(formatWindow("2020-01-01", null)).toBe("since Jan 2020");
    expect(formatWindow("2020-01-03", null)).toBe("since 3 Jan 2020");
    expect(formatWindow(null, "2020-01-31")).toBe("until Jan 2020");
    expect(formatWindow(null, "2020-01-05")).toBe("until 5 Jan 2020");
    expect(formatWindow(null, null)).toBeNull();
  });
});

describe("shareMetadata", () => {
  it("describes the filtered view with its counts", () => {
    expect(shareMetadata(view("f=rocket,drone&from=2019-12-01&to=2020-01-31"), { shown: 12, total: 28 })).toEqual({
      title: "Drone strikes and rocket attacks, Dec 2019–Jan 2020 · Strikeline",
      description: "12 of 28 events · drone strikes, rocket attacks · Dec 2019–Jan 2020",
    });
  });

  it("names every kind of filter, with actor names where known", () => {
    const { description } = shareMetadata(
      view("atk=kataib-hezbollah&tgt=united-states&cc=IQ,SY&chain=linked&minK=5&claim=claimed&src=Reason&q=kirkuk"),
      { shown: 3, total: 28 },
      { actors: new Map([["kataib-hezbollah", "Kata'ib Hezbollah"]]) },
    );
    expect(description).toBe("3 of 28 events · by Kata'ib Hezbollah · against united-states · in Iraq, Syria · linked events only · at least 5 killed · claim: claimed · reported by Reason · matching “kirkuk”");
  });

  it("gives a plain title to the unfiltered view and the selected event's title to a selection", () => {
    expect(shareMetadata(DEFAULT_VIEW, { shown: 28, total: 28 })).toEqual({ title: "Strikes and retaliation, mapped · Strikeline", description: "28 events" });
    expect(shareMetadata(view("ev=a&chain=a"), { shown: 2, total: 28 }, { selected: "Rockets near Kirkuk" })).toEqual({
      title: "Rockets near Kirkuk · Strikeline",
      description: "2 of 28 events · one retaliation chain",
    });
  });

  it("shortens long lists and long text", () => {
    const { title, description } = shareMetadata(view(`f=rocket,drone,missile,airstrike,riot&q=${"word ".repeat(40)}`), { shown: 1, total: 1 });
    expect(title).toBe("Air strikes, drone strikes, missile attacks and 2 more · Strikeline");
    expect(description).toMatch(/^1 event · air strikes, drone strikes, missile attacks and 2 more · matching “word word .*…”$/);
    expect(shareMetadata(view("ev=x"), { shown: 1, total: 1 }, { selected: "x".repeat(200) }).title.length).toBeLessThanOrEqual(90);
  });
});
