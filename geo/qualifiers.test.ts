import { describe, expect, it } from "vitest";
import { cleanMention, parseQualifier } from "./qualifiers";

describe("cleanMention", () => {
  it.each([
    ["in Baghdad.", "Baghdad"],
    ["the Gulf of Oman", "Gulf of Oman"],
    ["Iraq's", "Iraq"],
    ["Iranian-backed", "Iranian"],
    ["Washington, D.C.", "Washington, D.C."],
  ])("%j → %j", (input, out) => expect(cleanMention(input)).toBe(out));
});

describe("parseQualifier", () => {
  it.each([
    ["near Kirkuk", "Kirkuk", { type: "near" }],
    ["outside Damascus", "Damascus", { type: "near" }],
    ["on the outskirts of Mosul", "Mosul", { type: "near" }],
    ["a suburb of Beirut", "Beirut", { type: "suburb" }],
    ["southern Lebanon", "Lebanon", { type: "part", dir: "s" }],
    ["north-eastern Syria", "Syria", { type: "part", dir: "ne" }],
    ["20 km north of Mosul", "Mosul", { type: "offset", dir: "n", km: 20 }],
    ["10 miles west of Erbil", "Erbil", { type: "offset", dir: "w", km: 16.09344 }],
    ["off the coast of Oman", "Oman", { type: "offshore" }],
    ["off Yemen", "Yemen", { type: "offshore" }],
    ["Kirkuk province", "Kirkuk", { type: "province", level: 1 }],
    ["the province of Anbar", "Anbar", { type: "province", level: 1 }],
    ["Orange County", "Orange", { type: "province", level: 2 }],
    ["Khyber Agency", "Khyber", { type: "province", level: 2 }],
    ["the Iraq–Syria border", "Iraq", { type: "border", other: "Syria" }],
    ["the Syrian-Iraqi border", "Syrian", { type: "border", other: "Iraqi" }],
    ["the border between Israel and Lebanon", "Israel", { type: "border", other: "Lebanon" }],
    ["the Iranian embassy in Beirut", "Beirut", { type: "embassy", of: "Iranian" }],
    ["Camp Taji", "Taji", { type: "facility", facility: "base" }],
    ["Mosul airport", "Mosul", { type: "facility", facility: "airport" }],
    ["Portland, Maine", "Portland", { type: "within", parent: "Maine" }],
    ["downtown Chicago", "Chicago", { type: "feature" }],
    ["Baghdad", "Baghdad", { type: "none" }],
    ["Deir ez-Zor", "Deir ez-Zor", { type: "none" }],
  ])("%j", (mention, core, q) => {
    expect(parseQualifier(cleanMention(mention))).toEqual({ core, q });
  });
});
