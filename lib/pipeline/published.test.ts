import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { inferPublished } from "./published";

const infer = (text: string) => inferPublished(text, clean(text));

describe("inferPublished", () => {
  it("prefers a dateline near the top", () => {
    expect(infer("A headline for a story here\n\nUpdated 12 January 2024\n\nA drone hit a depot on 3 January 2024, officials said.")).toEqual({ date: "2024-01-12", from: "dateline" });
  });

  it("falls back to the latest full date, then the latest month named", () => {
    expect(infer("A drone hit a depot on March 3, 2021, and another on March 9, 2021, officials said.")).toEqual({ date: "2021-03-09", from: "latest full date in the text" });
    expect(infer("Opening line of a long timeline story.\n\nJanuary 2024: More Strikes\n\nA strike hit a depot in the north, officials said.")).toEqual({
      date: "2024-01-31",
      from: "latest month named in the text (its last day)",
    });
    expect(infer("A strike hit a depot in the north on Tuesday, officials said.")).toBeNull();
  });

  it("dates a transcript by the day it was spoken, not the day it was posted", () => {
    expect(infer("TRANSCRIPT | Mar. 4, 2022\n\nThe Spokesman Holds a Press Briefing Mar. 3, 2022\n\nToday we saw strikes on the port.")).toEqual({ date: "2022-03-03", from: "briefing date" });
  });

  it("reads release marks: a press-release line, a release number, a DVIDS posting date", () => {
    expect(infer("Press Release | Dec. 25, 2023\n\nForces struck three sites on Sunday, officials said.")).toEqual({ date: "2023-12-25", from: "release date" });
    expect(infer("Release Number 20231225-01\n\nForces struck three sites on Sunday, officials said.")).toEqual({ date: "2023-12-25", from: "release number" });
    expect(infer("A missile struck a ship on Mar. 6, officials said.\n\nIMAGE INFO Photo ID: 1 Date Posted: 03.06.2024 17:23")).toEqual({ date: "2024-03-06", from: "date posted" });
    expect(infer("Release Number 20231399-01\n\nA strike hit a depot in the north on Tuesday, officials said.")).toBeNull();
  });

  it("ignores dates in reader comments", () => {
    expect(infer("A strike hit a depot on March 3, 2021, officials said.\n\nComments (2)\n\nMe: it was really on May 5, 2022.")).toEqual({ date: "2021-03-03", from: "latest full date in the text" });
  });
});
