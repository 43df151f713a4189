/**
 * Adding one report from the browser: the bytes of a dropped file or pasted text go through the
 * same refusals (size, binary, non-UTF-8, empty) and the same one-transaction ingest as a file
 * given to `strikeline ingest`.
 */
import { decodeArticle } from "../lib/pipeline/read-file";
import { cachedGeocoder, type GeocodeFn } from "../lib/pipeline/places";
import type { ArticleReport } from "../lib/review-api";
import type { Db } from "./client";
import { emptyReport, ingestArticle, loadActorIndex } from "./ingest";

export type NewReport = {
  bytes: Uint8Array;
  /** Its extension says how to read it (.txt, .md, .html). */
  fileName: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
};

export async function addReport(db: Db, r: NewReport, geocode: GeocodeFn): Promise<ArticleReport> {
  const read = decodeArticle(r.bytes, r.fileName);
  if (!read.ok) return { ...emptyReport(r.fileName, false), reason: `${read.reason}: ${read.message}` };
  const article = r.title ? { ...read.article, meta: { ...read.article.meta, title: r.title } } : read.article;
  return ingestArticle(db, { ...read, article }, cachedGeocoder(geocode), await loadActorIndex(db), {
    ...(r.published ? { published: r.published } : {}),
    ...(r.outlet ? { outlet: r.outlet } : {}),
    ...(r.url ? { url: r.url } : {}),
  });
}
