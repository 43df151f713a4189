import { NextResponse } from "next/server";
import { getStore } from "@/db/client";
import { queryView } from "@/db/queries";
import { ExportParams } from "@/lib/api";
import { eventsCsv, viewGeoJson } from "@/lib/export";
import { gateStatus } from "../editor";
import { parseViewQuery, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The filtered view as a download: `format=geojson` (default) or `format=csv`, plus the page's parameters. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(new URL(req.url).searchParams, ExportParams);
    gateStatus(req, own.status);
    const { format, ...api } = own;
    const { events, links } = await queryView((await getStore()).db, { ...view, ...api });
    const headers = { "cache-control": "no-store", "content-disposition": `attachment; filename="strikeline-view.${format}"` };
    if (format === "csv")
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (accented place names).
      return new NextResponse(`\uFEFF${eventsCsv(events, links)}`, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    return new NextResponse(JSON.stringify(viewGeoJson(events, links)), { headers: { ...headers, "content-type": "application/geo+json" } });
  });
}
