import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { sentences, splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("does not split at abbreviations, initials or dotted acronyms", () => {
    const t = "Gen. Smith met U.S. officials on Dec. 27 in the U.K. capital. President Donald J. Trump spoke later. It ended.";
    expect(splitSentences(t, 0, t.length).map((s) => t.slice(s.start, s.end))).toEqual([
      "Gen. Smith met U.S. officials on Dec. 27 in the U.K. capital.",
      "President Donald J. Trump spoke later.",
      "It ended.",
    ]);
  });
});

describe("sentences", () => {
  it("dates sentences under a month-and-year heading and marks captions weak", () => {
    const text = "Opening paragraph of the story ends here.\n\nMarch 2022: A Busy Month\n\nA drone hit a depot in the north.\n\nPhoto: a depot after a strike. (AP Photo)";
    const out = sentences(text, clean(text));
    const depot = out.find((s) => s.text.startsWith("A drone"))!;
    expect(depot.section).toEqual({ start: "2022-03-01", end: "2022-03-31", precision: "month" });
    expect(out.find((s) => s.text.startsWith("Photo"))!.weak).toBe(true);
    expect(out[0]!.section).toBeNull();
  });
});
