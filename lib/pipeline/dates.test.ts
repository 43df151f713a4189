import { describe, expect, it } from "vitest";
import { findDates, narrativeAnchor, type Anchor } from "./dates";

/** Resolves a phrase against a publication date: "start..end precision" or "+min..+max" for relative ones. */
const d = (text: string, pub: string | Anchor | null) =>
  findDates(text, pub).map((f) => (f.kind === "relative" ? `${f.offset!.min}..${f.offset!.max} ${f.precision}` : `${f.start}..${f.end} ${f.precision}`));

describe("findDates", () => {
  it("resolves month-day dates to the latest such day not after publication", () => {
    expect(d("rockets hit on Dec. 27 at night", "2020-01-03")).toEqual(["2019-12-27..2019-12-27 day"]);
    expect(d("a drone struck on Jan. 28", "2024-02-03")).toEqual(["2024-01-28..2024-01-28 day"]);
    expect(d("the attack of 3 January 2020 was", null)).toEqual(["2020-01-03..2020-01-03 day"]);
    // Day first after a part of the day: the day is the written one, not the month's first.
    expect(d("took place on the afternoon of 8 October 2016 when", null)).toEqual(["2016-10-08..2016-10-08 day"]);
  });

  it("reads a list of days as one date per day, never 'April, 12' as April 12th", () => {
    expect(d("the earlier raids came on 3 and 19 March, 7 April and 30 May", "2023-06-10")).toEqual([
      "2023-03-03..2023-03-03 day",
      "2023-03-19..2023-03-19 day",
      "2023-04-07..2023-04-07 day",
      "2023-05-30..2023-05-30 day",
    ]);
    expect(d("shelling on 4 and 6 November 2019 hit", null)).toEqual(["2019-11-04..2019-11-04 day", "2019-11-06..2019-11-06 day"]);
    expect(findDates("hit on 4 and 6 November 2019", null).map((f) => f.list)).toEqual([0, 0]);
    expect(findDates("hit on 6 November 2019", null)[0]!.list).toBeUndefined();
  });

  it("reads weekdays and the week before", () => {
    expect(d("strikes on Friday", "2024-02-03")).toEqual(["2024-02-02..2024-02-02 day"]);
    expect(d("the salvo last Thursday", "2023-04-14")).toEqual(["2023-04-06..2023-04-13 week"]);
    expect(d("on Saturday morning last week", "2023-04-14")).toEqual(["2023-04-08..2023-04-08 day"]);
    expect(d("last night the army", "2020-01-03")).toEqual(["2020-01-02..2020-01-03 day"]);
    expect(d("held on the last Friday of every month", "2023-04-14")).toEqual([]);
  });

  it("reads months, years and spans relative to publication", () => {
    expect(d("In March, gunmen fired", "2020-05-01")).toEqual(["2020-03-01..2020-03-31 month"]);
    expect(d("In December, a rocket", "2020-05-01")).toEqual(["2019-12-01..2019-12-31 month"]);
    expect(d("in November 2021, and", "2024-01-05")).toEqual(["2021-11-01..2021-11-30 month"]);
    expect(d("At the end of last year, a strike", "2024-01-05")).toEqual(["2023-11-15..2023-12-31 month"]);
    expect(d("killed three years ago in", "2023-04-14")).toEqual(["2020-01-01..2020-12-31 year"]);
    expect(d("strikes late last month", "2023-04-14")).toEqual(["2023-03-01..2023-03-31 month"]);
    expect(d("the March attacks", "2020-05-01")).toEqual(["2020-03-01..2020-03-31 month"]);
    expect(d("since the 2006 war", "2023-04-14")).toEqual([]);
  });

  it("keeps relative phrases as offsets for the discourse stage", () => {
    expect(d("The following weekend, rockets", "2020-05-01")).toEqual(["3..9 week"]);
    expect(d("came days after a blast", "2024-01-05")).toEqual(["1..10 week"]);
    expect(d("Four days before the salvo", "2023-04-14")).toEqual(["-4..-4 day"]);
    expect(d("that same day", "2023-04-14")).toEqual(["0..0 day"]);
  });

  it("ignores when something was said and leaves unanchored phrases unresolved", () => {
    expect(d("the official said today", "2020-01-03")).toEqual([]);
    expect(d("In March, gunmen fired", null)).toEqual([]);
  });

  it("reads a narrative with no publication date from the full dates it tells", () => {
    // The anchor is the last full date before a sentence, else the latest; the latest bounds it.
    const at = narrativeAnchor([
      { at: 200, date: "2023-12-03" },
      { at: 50, date: "2023-03-12" },
    ]);
    expect(at(10)).toEqual({ date: "2023-12-03", latest: "2023-12-03", narrative: true });
    expect(at(120)).toEqual({ date: "2023-03-12", latest: "2023-12-03", narrative: true });
    expect(at(400)).toEqual({ date: "2023-12-03", latest: "2023-12-03", narrative: true });
    expect(narrativeAnchor([])(0)).toBeNull();
    const story = (date: string, latest = date): Anchor => ({ date, latest, narrative: true });
    // A background paragraph after "on 3 December 2023": its January is the same year's, not the next.
    expect(d("a raid in Kano State in January killed", story("2023-12-03"))).toEqual(["2023-01-01..2023-01-31 month"]);
    // A story that crosses New Year, as its later full dates show, steps forward.
    expect(d("then on 2 January the militia shelled", story("2020-12-29", "2021-01-20"))).toEqual(["2021-01-02..2021-01-02 day"]);
    // Without that later date the step would pass what the text states, so the year stays behind.
    expect(d("then on 2 January the militia shelled", story("2020-12-29"))).toEqual(["2020-01-02..2020-01-02 day"]);
    // The anchor's own year is never ruled out: a day a week past the latest full date stays in it.
    expect(d("the raids went on until 14 January", story("2022-01-07"))).toEqual(["2022-01-14..2022-01-14 day"]);
    // Words said from the writer's day read from the latest date the text states, not the narrative anchor.
    expect(d("jets struck the depot yesterday", story("2019-05-02", "2019-06-10"))).toEqual(["2019-06-09..2019-06-09 day"]);
  });

  it("holds what a narrative anchor resolves less certain than a stated publication date", () => {
    const stated = findDates("gunmen attacked on 4 June", "2022-06-30")[0]!;
    const anchored = findDates("gunmen attacked on 4 June", { date: "2022-06-01", latest: "2022-06-30", narrative: true })[0]!;
    expect(anchored.start).toBe(stated.start);
    expect(anchored.confidence).toBeLessThan(stated.confidence);
    // A date that writes its year owes nothing to the anchor.
    expect(findDates("on 4 June 2022", { date: "2022-06-01", latest: "2022-06-30", narrative: true })[0]!.confidence).toBe(findDates("on 4 June 2022", null)[0]!.confidence);
  });
});
