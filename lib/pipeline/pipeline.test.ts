import { describe, expect, it } from "vitest";
import { runPipeline } from "./index";
import { curatedActors, fakeGeocode, SAMPLE_ARTICLE } from "./testing/fixtures";

const deps = { geocode: fakeGeocode, actors: curatedActors() };

describe("runPipeline on an invented article", () => {
  const out = runPipeline({ text: SAMPLE_ARTICLE, meta: {}, hints: [] }, deps);

  it("infers the publication date from the dateline and says so", () => {
    expect(out).toMatchObject({ published: "2021-03-12", publishedInferred: true, publishedFrom: "dateline" });
  });

  it("extracts the attack and the answer with their facts and spans", () => {
    expect(out.events).toHaveLength(2);
    const [rockets, strikes] = out.events;
    expect(rockets).toMatchObject({
      family: "rocket",
      dateStart: "2021-03-09",
      datePrecision: "day",
      attacker: "kataib-hezbollah",
      killed: { low: 2, high: 2 },
      injured: { low: 5, high: 5 },
      claim: "denied",
      place: { name: "Camp Taji", precision: 1 },
    });
    expect(strikes).toMatchObject({ family: "airstrike", dateStart: "2021-03-11", attacker: "united-states", place: { name: "near Kirkuk" } });
    for (const e of out.events)
      for (const ev of e.evidence) expect(SAMPLE_ARTICLE.slice(ev.span.start, ev.span.end)).toMatch(/^[A-Z].*[.!?]$/s);
    expect(out.links).toEqual([expect.objectContaining({ from: 0, to: 1, kind: "response", method: "cue" })]);
  });

  it("takes nothing from the comments or the related links", () => {
    const noise = SAMPLE_ARTICLE.indexOf("Related stories");
    for (const e of out.events) for (const ev of e.evidence) expect(ev.span.start).toBeLessThan(noise);
  });

  it("uses a given publication date and reports when none can be found", () => {
    const given = runPipeline({ text: SAMPLE_ARTICLE, meta: { published: "2021-03-13" }, hints: [] }, deps);
    expect(given.publishedInferred).toBe(false);
    expect(given.events[0]!.dateStart).toBe("2021-03-09");
    const bare = runPipeline({ text: "A drone struck a depot on Tuesday, officials said.", meta: {}, hints: [] }, deps);
    expect(bare.published).toBeNull();
    expect(bare.warnings.map((w) => w.code)).toContain("no-date");
    expect(bare.events).toEqual([]);
  });

  it("reads a copy without a publication date from the full dates it tells, and says which", () => {
    const story = [
      "Rocket attacks on Camp Taji",
      "",
      "On 14 December 2019, Kataib Hezbollah fired rockets at Camp Taji, killing one contractor.",
      "",
      "A later attack came on 10 January, when the group fired rockets at Camp Taji again, officials said. An inquiry closed on 2 February 2021.",
    ].join("\n");
    const r = runPipeline({ text: story, meta: {}, hints: [] }, deps);
    expect(r).toMatchObject({ published: "2021-02-02", publishedFrom: "latest full date in the text" });
    // The year-less day belongs to the story told just before it (2019 into 2020), not to the
    // year of the latest date the text names, which would make it January 2021.
    expect(r.events.map((e) => e.dateStart)).toEqual(["2019-12-14", "2020-01-10"]);
    const warning = r.warnings.find((w) => w.code === "no-date");
    expect(warning?.message).toMatch(/nearest full date told before them.*2021-02-02/);
  });
});
