import { describe, expect, it } from "vitest";
import { StrikelineError } from "@/lib/errors";
import { errorOf } from "./editor-api";

describe("a refused write, as the page reports it", () => {
  it("keeps the server's code, message and parameter", () => {
    const e = errorOf(422, { error: { code: "rejected", message: "the file is not valid UTF-8", parameter: "file" } });
    expect(e).toBeInstanceOf(StrikelineError);
    expect([e.code, e.message, e.field, e.status]).toEqual(["rejected", "the file is not valid UTF-8", "file", 422]);
  });

  it("falls back on the status when the body is not the API's error", () => {
    expect(errorOf(401, null).code).toBe("unauthorized");
    expect(errorOf(403, "<html>").code).toBe("forbidden");
    const e = errorOf(502, { error: { code: "gateway", message: 7 } });
    expect([e.code, e.message]).toEqual(["internal", "The server answered 502"]);
  });
});
