import { NextResponse } from "next/server";
import { getStore } from "@/db/client";
import { exportExtras } from "@/db/import";
import { queryView } from "@/db/queries";
import { ExportParams } from "@/lib/api";
import { gateStatus } from "../editor";
import { exportView } from "@/lib/export";
import { parseViewQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The filtered view as a download (`format=geojson` by default; lib/api.ts EXPORT_FORMATS), plus the page's parameters. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(requestUrl(req), ExportParams);
    gateStatus(req, own.status);
    const { format, ...api } = own;
    const { db } = await getStore();
    const { events, links } = await queryView(db, { ...view, ...api });
    const file = exportView(format, events, links, await exportExtras(db, events.map((e) => e.id)));
    return new NextResponse(file.body, {
      headers: { "cache-control": "no-store", "content-type": file.contentType, "content-disposition": `attachment; filename="strikeline-view.${file.extension}"` },
    });
  });
}
