import { describe, expect, it } from "vitest";
import { findClaims, resolveClaim } from "./claims";

const status = (s: string) => resolveClaim(findClaims(s));

describe("claims", () => {
  it("reads who says who did it", () => {
    expect(status("A little-known group claimed responsibility for the blast.")).toBe("claimed");
    expect(status("The Guards said they had targeted a command post.")).toBe("claimed");
    expect(status("Officials blamed the militia for the attack.")).toBe("attributed");
    expect(status("The ministry denied any role.")).toBe("denied");
    expect(status("The army declined to comment on the report.")).toBe("declined");
    expect(status("Rockets hit the base.")).toBe("unknown");
  });

  it("lets a denial or refusal stand over an accusation", () => {
    expect(status("Washington blamed Tehran, which denied it.")).toBe("denied");
  });
});
