/**
 * The file adapter: bytes in, an ArticleInput (or the reason it was refused) out. Refusals are
 * values, not exceptions, so one bad file in a folder is reported and the rest go on.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { IsoDate } from "../schema";
import { htmlToArticle } from "./html";
import type { ArticleInput, ArticleMeta } from "./types";

export const MAX_BYTES = 5 * 1024 * 1024;

export type RejectReason = "empty" | "binary" | "too-large" | "not-utf8" | "unsupported" | "unreadable" | "not-a-file" | "bad-url";

/** Source addresses are shown as links: only http(s), so a `javascript:` URL never reaches a page. */
export const isHttpUrl = (s: string): boolean => {
  if (!/^https?:\/\/\S+$/i.test(s)) return false;
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
};
export type ReadOutcome =
  | { ok: true; file: string; hash: string; format: "txt" | "md" | "html"; article: ArticleInput }
  | { ok: false; file: string; reason: RejectReason; message: string };

const formatOf = (file: string): "txt" | "md" | "html" | null => {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".txt") return "txt";
  if (ext === ".md" || ext === ".markdown") return "md";
  if (ext === ".html" || ext === ".htm") return "html";
  return null;
};

/** Decides on raw bytes: the content hash is over the bytes, so re-reading a file is recognised. */
export function decodeArticle(bytes: Uint8Array, file: string): ReadOutcome {
  const refuse = (reason: RejectReason, message: string): ReadOutcome => ({ ok: false, file, reason, message });
  const format = formatOf(file);
  if (!format) return refuse("unsupported", "not a .txt, .md or .html file");
  if (bytes.length > MAX_BYTES) return refuse("too-large", `${(bytes.length / 1048576).toFixed(1)} MB is over the 5 MB limit`);
  if (bytes.length === 0) return refuse("empty", "the file is empty");
  if (bytes.includes(0)) return refuse("binary", "the file contains NUL bytes (binary, or UTF-16)");
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse("not-utf8", "the file is not valid UTF-8");
  }
  // Control characters other than whitespace mean a binary file that happens to decode.
  const controls = decoded.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > decoded.length / 100) return refuse("binary", "the file looks binary (control characters)");
  const text = decoded.replace(/\r\n?/g, "\n");
  if (!text.trim()) return refuse("empty", "the file holds only whitespace");

  const hash = createHash("sha256").update(bytes).digest("hex");
  const badUrl = (meta: ArticleMeta) => meta.url !== undefined && !isHttpUrl(meta.url);
  if (format === "html") {
    const h = htmlToArticle(text);
    if (!h.text.trim()) return refuse("empty", "the page has no readable text");
    // A page's own canonical link is often relative and never the user's claim: one that is not http(s) is dropped, not fatal.
    const { url: _dropped, ...rest } = h.meta;
    const meta = badUrl(h.meta) ? rest : h.meta;
    return { ok: true, file, hash, format, article: { text: h.text, meta, hints: h.hints } };
  }
  const { body, meta } = frontMatter(text);
  if (!body.trim()) return refuse("empty", "the file holds front matter only");
  if (badUrl(meta)) return refuse("bad-url", "the front matter's url is not an http(s) address");
  return { ok: true, file, hash, format, article: { text: body, meta, hints: [] } };
}

/** Front matter (title, outlet, url, published/date) is metadata, not article text. */
function frontMatter(text: string): { body: string; meta: ArticleMeta } {
  if (!/^---\s*\n/.test(text)) return { body: text, meta: {} };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch {
    return { body: text, meta: {} };
  }
  const d = parsed.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const rawDate = d.published ?? d.date ?? d.pubDate;
  const iso = rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : str(rawDate)?.slice(0, 10);
  const published = iso && IsoDate.safeParse(iso).success ? iso : undefined;
  const meta: ArticleMeta = {};
  const title = str(d.title);
  const outlet = str(d.outlet) ?? str(d.source) ?? str(d.publication);
  const url = str(d.url) ?? str(d.link);
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet;
  if (url) meta.url = url;
  if (published) meta.published = published;
  return { body: parsed.content.replace(/^\s*\n/, ""), meta };
}

/**
 * Reads one article file. Only a regular file is read (a named pipe or device would block or never
 * end), its size is checked on the opened descriptor before any byte is read (so the file checked
 * is the file read), and at most one byte past the limit is ever taken, even from a file still growing.
 */
export function readArticleFile(file: string): ReadOutcome {
  const tooLarge = (size: number): ReadOutcome => ({ ok: false, file, reason: "too-large", message: `${(size / 1048576).toFixed(1)} MB is over the 5 MB limit` });
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting for one.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, file, reason: "unreadable", message: (e as Error).message };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, file, reason: "not-a-file", message: "not a regular file (a pipe, device or socket)" };
    if (stat.size > MAX_BYTES) return tooLarge(stat.size);
    const buf = Buffer.alloc(Math.min(stat.size, MAX_BYTES) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = fs.readSync(fd, buf, n, buf.length - n, n);
    if (n > MAX_BYTES) return tooLarge(n);
    return decodeArticle(buf.subarray(0, n), file);
  } catch (e) {
    return { ok: false, file, reason: "unreadable", message: (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Expands files and folders (recursively, sorted) into article files. Folders contribute only files
 * with article extensions; a file named explicitly is always tried, so its refusal is reported.
 */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && formatOf(p)) files.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files: [...new Set(files)], missing };
}
