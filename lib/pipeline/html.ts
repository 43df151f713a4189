/**
 * HTML to article text. The stored text is the readable text (one block per paragraph, blank lines
 * between), so evidence quotes cut from it read as prose; what the markup says about each block
 * (navigation, figure caption, comment section…) travels along as role hints for the cleaner.
 */
import { parse, type HTMLElement, type Node } from "node-html-parser";
import type { ArticleMeta, BlockRole } from "./types";

const SKIP = new Set(["script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select", "input", "textarea"]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "li", "ul", "ol", "h1", "h2", "h3", "h4",
  "h5", "h6", "figure", "figcaption", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "form", "time", "br", "hr",
]);

/** Role a container gives everything inside it; the innermost decisive one wins. */
function roleOf(el: HTMLElement): BlockRole | null {
  const tag = el.rawTagName?.toLowerCase() ?? "";
  const cls = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("role") ?? ""}`.toLowerCase();
  if (/comment|disqus|discussion|replies/.test(cls)) return "comments";
  if (/related|more-stories|recommended|read-?more|most-(read|popular)|trending|outbrain|taboola/.test(cls)) return "related";
  if (/byline|author/.test(cls) || el.getAttribute("rel") === "author") return "byline";
  if (/caption|credit/.test(cls)) return "caption";
  if (/\b(nav|navigation|menu|breadcrumb|share|social|newsletter|subscribe|promo|advert|ad-|banner|cookie|footer|masthead)/.test(cls)) return "chrome";
  switch (tag) {
    case "nav":
    case "footer":
    case "form":
      return "chrome";
    case "aside":
      return "related";
    case "figcaption":
    case "figure":
      return "caption";
    case "h1":
      return "title";
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return "heading";
    case "time":
      return "dateline";
    default:
      return null;
  }
}

export type HtmlArticle = { text: string; hints: { start: number; end: number; role: BlockRole }[]; meta: ArticleMeta };

export function htmlToArticle(html: string): HtmlArticle {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true, noscript: false } });
  const blocks: { text: string; role: BlockRole }[] = [];
  let buffer = "";
  let bufferRole: BlockRole = "body";
  const flush = () => {
    const t = buffer.replace(/\s+/g, " ").trim();
    if (t) blocks.push({ text: t, role: bufferRole });
    buffer = "";
  };
  const walk = (node: Node, role: BlockRole, insideArticle: boolean) => {
    if (node.nodeType === 3) {
      if (!buffer) bufferRole = role;
      buffer += node.text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? "";
    if (SKIP.has(tag)) return;
    if (tag === "img") {
      const alt = el.getAttribute("alt")?.trim();
      if (alt) {
        flush();
        blocks.push({ text: alt, role: "caption" });
      }
      return;
    }
    // A page <header> outside the article is site chrome; inside it, it holds the headline.
    let own = tag === "header" && !insideArticle ? "chrome" : roleOf(el);
    if (own === "title" && role !== "body") own = role;
    const next = own && !(role === "comments" || role === "chrome" || role === "related") ? own : role;
    const isBlock = BLOCK.has(tag);
    if (isBlock) flush();
    for (const child of el.childNodes) walk(child, next, insideArticle || tag === "article" || tag === "main");
    if (isBlock) flush();
  };
  const body = root.querySelector("body") ?? root;
  walk(body, "body", false);
  flush();

  let text = "";
  const hints: HtmlArticle["hints"] = [];
  for (const b of blocks) {
    if (text) text += "\n\n";
    const start = text.length;
    text += b.text;
    hints.push({ start, end: text.length, role: b.role });
  }
  return { text, hints, meta: htmlMeta(root) };
}

function htmlMeta(root: HTMLElement): ArticleMeta {
  const metaContent = (...names: string[]) => {
    for (const n of names) {
      const el = root.querySelector(`meta[property="${n}"]`) ?? root.querySelector(`meta[name="${n}"]`);
      const v = el?.getAttribute("content")?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const title = metaContent("og:title", "twitter:title") ?? root.querySelector("h1")?.text.trim() ?? root.querySelector("title")?.text.trim();
  const outlet = metaContent("og:site_name", "application-name");
  const url = root.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent("og:url");
  const rawDate =
    metaContent("article:published_time", "datePublished", "date", "pubdate", "dc.date") ??
    root.querySelector("time[datetime]")?.getAttribute("datetime");
  const published = rawDate?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return {
    ...(title ? { title: title.replace(/\s+/g, " ") } : {}),
    ...(outlet ? { outlet } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
  };
}
