import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { SAMPLE_ARTICLE } from "./testing/fixtures";

const rolesOf = (text: string) => clean(text).map((b) => [text.slice(b.start, b.end), b.role] as const);

describe("clean", () => {
  it("keeps sentences with citation marks as body and reference lists out", () => {
    const text = "A headline about an attack\n\nDrones hit an apartment in the city on 19 July 2024, killing one person. [1] [4]\n\n1. ^ \"A headline of another report\". Example News. 5 March 2018. Retrieved 12 March 2018.\n\nCite error: The named reference x was invoked but never defined.";
    expect(rolesOf(text).map(([, r]) => r)).toEqual(["title", "body", "chrome", "chrome"]);
  });

  it("labels chrome, title, byline, dateline, body, caption, related links and comments", () => {
    const roles = Object.fromEntries(rolesOf(SAMPLE_ARTICLE).map(([t, r]) => [t.slice(0, 24), r]));
    expect(roles).toMatchObject({
      "Harbour Town Gazette": "chrome",
      "Home | World | Region | ": "chrome",
      "Militia rockets hit a ba": "title",
      "By Jane Q. Writer": "byline",
      "March 12, 2021": "dateline",
      "BAGHDAD — Kataib Hezboll": "body",
      "Photo: smoke rises over ": "caption",
      "Related stories": "related",
      "- Who are the militias o": "related",
      "Comments (3)": "comments",
      "reader_one: In 2019 they": "comments",
    });
  });

  it("keeps offsets into the original text", () => {
    for (const b of clean(SAMPLE_ARTICLE)) expect(SAMPLE_ARTICLE.slice(b.start, b.end)).toBe(SAMPLE_ARTICLE.slice(b.start, b.end).trim());
  });

  it("treats everything after a comment-thread marker as comments, even prose", () => {
    const text = "A body sentence that tells of a strike on a depot near the border.\n\nWe invite comments and request that they be civil.\n\n1. Another long reader comment that sounds like prose about missiles fired last week.";
    expect(rolesOf(text).map(([, r]) => r)).toEqual(["body", "comments", "comments"]);
  });

  it("joins hard-wrapped paragraphs so sentences are not cut at line ends", () => {
    const text = "The first line of a wrapped paragraph goes on and on until the\ncolumn ends and then it carries on to the next line which ends the\nsentence here.";
    const blocks = clean(text);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.role).toBe("body");
  });

  it("takes the short lines above a photo credit into the caption", () => {
    const text = "A body sentence comes first and ends like a sentence.\n\nA soldier stands on a roof.\nWatch Post\nPhoto By: Staff Sgt. Someone\n\nAnother body sentence follows after the photo block.";
    expect(rolesOf(text).map(([, r]) => r)).toEqual(["body", "caption", "caption", "caption", "body"]);
  });
});
