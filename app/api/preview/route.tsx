import { ImageResponse } from "next/og";
import { getStore } from "@/db/client";
import { queryView } from "@/db/queries";
import { PREVIEW_SIZE, previewElement } from "@/lib/preview";
import { actorNames, shareMetadata } from "@/lib/share-metadata";
import { parseView, serializeView } from "@/lib/url-state";
import { cachedResponse } from "../cache";
import { requestUrl, respond } from "../respond";
import { countryOutline } from "./outline";

export const dynamic = "force-dynamic";

/**
 * The link-preview image of a view (PNG, 1200×630), for the page's og:image. It takes the page's
 * parameters and, like the page, ignores the ones it cannot use: a crawler gets a picture, not a 400
 * (only a URL whose percent-encoding is broken is refused, as on every route).
 */
export function GET(req: Request) {
  return respond(async () => {
    const { view } = parseView(requestUrl(req).searchParams);
    const { db } = await getStore();
    // Keyed on the whole canonical view: the camera and the selection are drawn too.
    return cachedResponse(req, db, `preview ${serializeView(view)}`, async () => {
      const { events, links, counts } = await queryView(db, { ...view, status: "visible" });
      const selected = events.find((e) => e.id === view.selected)?.properties.title;
      const text = shareMetadata(view, counts, { actors: actorNames(events), ...(selected ? { selected } : {}) });
      const element = previewElement({ events, links, camera: view.camera, selected: view.selected, ...text, outline: countryOutline() });
      // Rendered here rather than streamed, so a failure is an error response, not a truncated image.
      const png = new Uint8Array(await new ImageResponse(element, PREVIEW_SIZE).arrayBuffer());
      return { body: png, contentType: "image/png", cacheControl: "public, max-age=300" };
    });
  });
}
