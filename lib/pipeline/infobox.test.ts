import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { runPipeline } from "./index";
import { readInfobox } from "./infobox";
import { curatedActors, fakeGeocode } from "./testing/fixtures";

const deps = { geocode: fakeGeocode, actors: curatedActors() };
const fields = (text: string) => {
  const b = readInfobox(text, clean(text));
  return b && Object.fromEntries(Object.entries(b).filter(([k]) => !["start", "end", "paragraph"].includes(k)).map(([k, v]) => [k, (v as { value: string }).value]));
};

// Invented pages in the three shapes mirrors give an infobox: "- Key: value", flattened, table.
const LISTED = "= Camp attack =\n\nInfobox\n- Date: 7–8 January 2022\n- Location: Baghdad, Iraq\n- Type: Drone strike\n- Fatalities: 12\n\nA drone struck a depot in the city, officials said.";
const FLAT = "Camp attack\n\nTypeRocket attack\nLocationBaghdad, Iraq\nDate3 March 2021 (UTC+03:00)\nAttack type\nRocket barrage\nDeaths4[1]\n\nThe attack caused a fire at the depot, according to officials.";
const TABLE = "Camp attack\n| Location | Baghdad, Iraq |\n| Date | 25 December 2024 2:00–3:00 a.m. |\n| Attack type | Airstrikes |\n\nOfficials described the damage at length in a statement.";

describe("infobox", () => {
  it("reads the fields of listed, flattened and table infoboxes", () => {
    expect(fields(LISTED)).toMatchObject({ date: "7–8 January 2022", location: "Baghdad, Iraq", type: "Drone strike", killed: "12" });
    expect(fields(FLAT)).toMatchObject({ date: "3 March 2021 (UTC+03:00)", location: "Baghdad, Iraq", type: "Rocket attack", killed: "4" });
    expect(fields(TABLE)).toMatchObject({ date: "25 December 2024 2:00–3:00 a.m.", location: "Baghdad, Iraq", type: "Airstrikes" });
    expect(fields("A headline\n\nDate of the report is unclear, officials said.\n\nA strike hit a depot.")).toBeNull();
  });

  it("is one telling of the page's main event: a day range stays a range, the place is one place", () => {
    const out = runPipeline({ text: LISTED, meta: {}, hints: [] }, deps);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({ family: "drone", dateStart: "2022-01-07", dateEnd: "2022-01-08", place: { name: "Baghdad" }, killed: { low: 12, high: 12 } });
    const flat = runPipeline({ text: FLAT, meta: {}, hints: [] }, deps);
    expect(flat.events.map((e) => [e.family, e.dateStart, e.place?.name])).toEqual([["rocket", "2021-03-03", "Baghdad"]]);
  });
});
