import { describe, expect, it } from "vitest";
import { expandedKey, nameKeys, normalizeName, skeletonKey, stripArticles } from "./normalize";

describe("normalizeName", () => {
  it.each([
    ["Ālbū Kamāl", "albu kamal"],
    ["Kata'ib Hezbollah", "kataib hezbollah"],
    ["U.S. Embassy", "us embassy"],
    ["K-1 Air Base", "k1 air base"],
    ["Al-Asad airbase", "al asad air base"],
    ["Baghdad Intl", "baghdad international"],
    ["  São   Paulo ", "sao paulo"],
  ])("%s → %s", (input, out) => expect(normalizeName(input)).toBe(out));
});

describe("articles and skeletons", () => {
  it("drops Arabic articles but keeps a lone word", () => {
    expect(stripArticles("deir ez zor")).toBe("deir zor");
    expect(stripArticles("al qaim")).toBe("qaim");
    expect(stripArticles("al")).toBe("al");
    expect(nameKeys("al-Dabaa")).toEqual(["al dabaa", "dabaa"]);
  });

  it("gives transliteration variants one skeleton", () => {
    expect(skeletonKey("deir ez zor")).toBe(skeletonKey("deir al zour"));
    expect(skeletonKey("qusayr")).toBe(skeletonKey("kusseir"));
    expect(skeletonKey("dahieh")).toBe(skeletonKey("dahiyeh"));
  });
});

describe("expandedKey", () => {
  it.each([
    ["ft worth", "fort worth"],
    ["st louis", "saint louis"],
    ["ste foy", "sainte foy"],
    ["mt lebanon", "mount lebanon"],
    ["victoria st", undefined],
    ["stone", undefined],
  ])("%j → %j", (key, out) => expect(expandedKey(key)).toBe(out));
});
