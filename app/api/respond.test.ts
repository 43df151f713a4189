import { describe, expect, it } from "vitest";
import { ApiParams, ExportParams } from "@/lib/api";
import { StrikelineError } from "@/lib/errors";
import { DEFAULT_VIEW } from "@/lib/url-state";
import { parseViewQuery, requestUrl, respond } from "./respond";

const parse = (qs: string, own: typeof ApiParams | typeof ExportParams = ApiParams) => parseViewQuery(new URL(`http://strikeline.test/api/events?${qs}`), own);

function refusal(qs: string, own: typeof ApiParams | typeof ExportParams = ApiParams): { field: string | undefined; message: string; status: number } {
  try {
    parse(qs, own);
  } catch (e) {
    if (!(e instanceof StrikelineError)) throw e;
    return { field: e.field, message: e.message, status: e.status };
  }
  throw new Error(`accepted: ${qs}`);
}

describe("parseViewQuery", () => {
  it("reads the page's parameters and the route's own", () => {
    const { view, own } = parse("f=rocket&cc=IQ&c=33,44,5&bbox=40,30,50,40&status=all");
    expect(view).toEqual({ ...DEFAULT_VIEW, families: ["rocket"], countries: ["IQ"], camera: { lat: 33, lon: 44, zoom: 5, bearing: 0 } });
    expect(own).toEqual({ bbox: [40, 30, 50, 40], status: "all" });
    expect(parse("").own).toEqual({ status: "visible" });
    expect(parse("format=csv", ExportParams).own).toEqual({ status: "visible", format: "csv" });
  });

  it("answers 400 naming the parameter where the page would drop it", () => {
    const cases: [string, string][] = [
      ["colour=red", "colour"],
      ["f=laser", "f"],
      ["f=rocket,laser", "f"],
      ["from=yesterday", "from"],
      ["from=2020-02-01&to=2020-01-01", "from"],
      ["minK=1e9", "minK"],
      ["q=%3Cscript%3E", "q"],
      [`q=${"x".repeat(10_240)}`, "q"],
      ["f=rocket&f=drone", "f"],
      ["ev=%22%3E%3Cimg%3E", "ev"],
      ["bbox=1,2,3", "bbox"],
      ["bbox=0,0,0,NaN", "bbox"],
      ["status=rejected", "status"],
      ["status=all&status=visible", "status"],
      ["format=csv", "format"],
    ];
    for (const [qs, field] of cases) {
      const r = refusal(qs);
      expect(r.status, qs).toBe(400);
      expect(r.field, qs).toBe(field);
      expect(r.message, qs).toContain(`"${field}"`);
    }
    expect(refusal("format=xlsx", ExportParams).field).toBe("format");
  });
});

describe("respond", () => {
  it("sends a value as JSON and a Response as it is", async () => {
    const json = await respond(async () => ({ a: 1 }));
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(await json.json()).toEqual({ a: 1 });
    const file = await respond(async () => new Response("x,y\r\n", { headers: { "content-type": "text/csv" } }));
    expect(await file.text()).toBe("x,y\r\n");
  });

  it("turns a refused parameter into a 400 with a JSON error", async () => {
    const res = await respond(async () => parse("colour=red"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: 'Bad parameter "colour": unknown parameter', parameter: "colour" } });
  });
});

describe("requestUrl", () => {
  it("refuses malformed percent-encoding with a 400 naming the path or the parameter", async () => {
    const cases: [string, string][] = [
      ["/api/events/%C0%AF", "path"],
      ["/api/events/%FF", "path"],
      ["/api/events/%", "path"],
      ["/api/events/ok%E2%82", "path"],
      ["/api/events?q=%FF", "q"],
      ["/api/links?f=rocket&q=ok%E2%82", "q"],
      ["/api/preview?c=%C0%AF", "c"],
    ];
    for (const [url, field] of cases) {
      const res = await respond(async () => requestUrl(new Request(`http://strikeline.test${url}`)));
      expect(res.status, url).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect((await res.json()).error.parameter, url).toBe(field);
    }
    expect(requestUrl(new Request("http://strikeline.test/api/events?q=caf%C3%A9")).searchParams.get("q")).toBe("café");
  });
});
