import { describe, expect, it } from "vitest";
import { FAMILIES } from "../schema";
import { FAMILY_ICONS, familyIconId, UI_ICONS } from "./icons";

describe("icons", () => {
  it("has a pictogram for every family, drawn on the 24-unit grid", () => {
    for (const f of FAMILIES) {
      expect(FAMILY_ICONS[f].ops.length).toBeGreaterThan(0);
      expect(FAMILY_ICONS[f].size).toBe(24);
    }
    expect(familyIconId("drone")).toBe("family-drone");
    expect(Object.keys(UI_ICONS)).toEqual(["arrowhead", "at-sea"]);
  });

  it("uses only SVG path commands a canvas Path2D understands", () => {
    for (const icon of [...Object.values(FAMILY_ICONS), ...Object.values(UI_ICONS)])
      for (const op of icon.ops) expect(op.d).toMatch(/^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]+$/);
  });
});
