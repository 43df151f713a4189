/**
 * Cleaning: decides for every line of the original text what it is — article body, photo caption,
 * heading, byline, dateline, or page chrome, related-links block, reader comments — without
 * changing the text, so every later span still points into what is stored. Only body and caption
 * blocks go on to extraction.
 */
import { isInfoboxLine } from "./infobox";
import type { Block, BlockRole } from "./types";

/** Everything after one of these is the reader-comment thread, whatever it says. */
const COMMENTS_START = [
  /^(reader |user |show |view |load |read )?(all )?(\d[\d,]* )?comments?\s*(\(\d[\d,]*\))?:?$/i,
  /^(join|start) the (conversation|discussion)/i,
  /\bwe invite comments\b/i,
  /^(add|post|leave|write) a (comment|reply)/i,
  /^comments (are|have been) (closed|disabled)/i,
  /^discussion\s*(\(\d+\))?$/i,
  /^\d+ (responses|replies)( to\b.*)?$/i,
];
/** A related/read-more block: the marker and the short link lines under it. */
const RELATED_START =
  /^(related( stories| articles| coverage| content| reading| links| news)?|read (more|next)( on .*| about .*)?|more on this( story)?|more from .*|more stories|you (may|might) also like|recommended( for you| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|see also|also read|editor'?s picks|top stories|latest news|don'?t miss|next:.*|up next.*|further reading)\s*:?$/i;
/** Site furniture whatever its length. */
const HARD_CHROME = /(official website|\.gov\b|https?:\/\/|webmaster|historical collection|all rights reserved|©|&copy;)/i;
/** Furniture words that a short line does not use as prose. */
const CHROME_WORDS =
  /(\bcookies?\b|privacy( policy)?\b|terms of (use|service)|\bsubscribe\b|newsletter|\bsign (in|up)\b|\blog ?in\b|advertisement|skip to (main )?content|here'?s how you know|share (this|on)|\bgift article\b|follow us|download the app)/i;
const CREDIT =
  /(\((AP|AFP|Reuters|Getty|EPA|UPI)?[^()]{0,60}\b(photo|images?|file|screenshot)\b[^()]*\)\s*$|^photo( by)?:|\bphoto by:|^virin:|^(image|picture|credit|caption):|\bfile (photo|image)\b|\bphoto released by\b)/i;
const BYLINE = /^[*_]*[Bb]y\s+\p{Lu}[\p{L}.'’-]+(\s+(\p{Lu}[\p{L}.'’-]+|and|&|,|de|van|al-\p{L}+))*[*_]*(\s*[·|,-].*)?$/u;
const MONTH = "(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?";
const FULL_DATE = new RegExp(`(\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b)`, "i");
const DATELINE = new RegExp(`^((updated|published|posted|last updated|first published)[:\\s]+)?([a-z]+day,?\\s+)?.{0,4}(${FULL_DATE.source}).{0,40}$`, "i");

/**
 * Reference lists and their furniture (Wikipedia and its mirrors): "1. ^ …", "Retrieved 12 March
 * 2018", "Archived from the original", "Cite error", a mirror's licence footer. Their dates and
 * headlines are about other reports, never the article's events.
 */
const REFERENCE = /(^(\d+\.\s*)?\^|\bRetrieved( on)? \d{1,2} \w+ \d{4}|\bRetrieved \w+ \d{1,2}, \d{4}|\bArchived from the original\b|^Cite error\b|\buses material from the Wikipedia article\b|\bText is available under (a|the) CC BY)/i;
/** Citation marks after a sentence ("… was not activated. [5]", "…[citation needed]") are no words of it. */
const CITATIONS = /(\s*\[(\d+|[a-z]|citation needed|note \d+)\])+$/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const endsLikeSentence = (s: string) => /[.!?]["”’)\]]?\*{0,2}$/.test(s.replace(CITATIONS, ""));
/** Prose: long enough and ending like a sentence. */
const isProse = (s: string) => words(s) >= 8 && endsLikeSentence(s);

function isNav(s: string): boolean {
  const seps = s.match(/\s[|•·»›]\s|\s{3,}/g)?.length ?? 0;
  if (seps >= 2 && !endsLikeSentence(s)) return true;
  // Section labels and menus: short lines in capitals.
  return s.length <= 60 && s === s.toUpperCase() && /\p{Lu}{2}/u.test(s);
}

type Line = { start: number; end: number; text: string; group: number };

function lines(text: string): Line[] {
  const out: Line[] = [];
  let group = 0;
  let pos = 0;
  let blank = true;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) {
      if (blank) group++;
      out.push({ start: pos + lead, end: pos + lead + t.length, text: t, group });
      blank = false;
    } else blank = true;
    pos += raw.length + 1;
  }
  return out;
}

/**
 * Hard-wrapped paragraphs (Markdown at 72–80 columns) are joined back into one block, so that
 * sentences are not cut at line ends. A group counts as wrapped when most of its lines do not end
 * like a sentence and none is very long.
 */
function joinWrapped(ls: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < ls.length; ) {
    let j = i;
    while (j + 1 < ls.length && ls[j + 1]!.group === ls[i]!.group) j++;
    const grp = ls.slice(i, j + 1);
    const open = grp.slice(0, -1).filter((l) => !endsLikeSentence(l.text)).length;
    const wrapped =
      grp.length > 1 &&
      grp.every((l) => l.text.length <= 100) &&
      grp.slice(0, -1).every((l) => l.text.length >= 50) &&
      open >= (grp.length - 1) * 0.6 &&
      !grp.some((l) => /^([-*+]\s|\d+[.)]\s|#|!\[|>)/.test(l.text));
    if (wrapped) {
      out.push({ start: grp[0]!.start, end: grp[grp.length - 1]!.end, text: grp.map((l) => l.text).join(" "), group: grp[0]!.group });
    } else out.push(...grp);
    i = j + 1;
  }
  return out;
}

export function clean(text: string, hints: { start: number; end: number; role: BlockRole }[] = []): Block[] {
  const ls = joinWrapped(lines(text));
  const roles: BlockRole[] = [];
  const hintFor = (l: Line): BlockRole | null => {
    const h = hints.find((x) => x.start < l.end && l.start < x.end);
    return h ? h.role : null;
  };
  let mode: "normal" | "related" | "comments" = "normal";
  let bodySeen = false;
  let titleSeen = false;

  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const s = l.text.replace(/^[#>*_\s]+|[*_\s]+$/g, "");
    const hint = hintFor(l);
    let role: BlockRole;
    if (mode === "comments" || hint === "comments" || COMMENTS_START.some((re) => re.test(s))) {
      // Comment sections sometimes precede a footer; nothing after the thread starts is article.
      mode = "comments";
      role = "comments";
    } else if (hint === "related" || RELATED_START.test(s)) {
      mode = "related";
      role = "related";
    } else if (mode === "related" && !(isProse(s) && words(s) >= 20) && hint !== "body") {
      role = "related";
    } else if (hint && hint !== "body" && hint !== "title" && hint !== "heading") {
      mode = "normal";
      role = hint;
    } else {
      mode = "normal";
      role = classifyLine(l.text, s, hint, bodySeen, titleSeen);
    }
    if (role === "title") titleSeen = true;
    if (role === "body") bodySeen = true;
    roles.push(role);
  }

  // A credit line makes the short lines just above it, in the same group, part of the caption.
  for (let i = 0; i < ls.length; i++) {
    if (roles[i] !== "caption" || !CREDIT.test(ls[i]!.text)) continue;
    for (let j = i - 1, n = 0; j >= 0 && n < 3 && ls[j]!.group === ls[i]!.group; j--, n++) {
      if (ls[j]!.text.length > 250 || (roles[j] !== "body" && roles[j] !== "heading" && roles[j] !== "title")) break;
      roles[j] = "caption";
    }
  }
  // An italic line right under a Markdown image is its caption ("![…](x.jpg)" then "*Smoke rises … *").
  for (let i = 1; i < ls.length; i++)
    if (/^!\[[^\]]*\]\([^)]*\)$/.test(ls[i - 1]!.text) && /^([*_]).+\1$/s.test(ls[i]!.text) && roles[i] !== "comments" && roles[i] !== "related") roles[i] = "caption";
  // Byline credentials ("Staff correspondent") sit under the byline.
  for (let i = 1; i < ls.length; i++)
    if (roles[i - 1] === "byline" && (roles[i] === "heading" || roles[i] === "title") && words(ls[i]!.text) <= 4) roles[i] = "byline";

  // An infobox: a run of key–value lines, at least three keys with at most one other line between
  // two of them (a value under its key). It is read as fields, never as prose.
  const keyed = ls.map((l, i) => roles[i] !== "comments" && roles[i] !== "related" && isInfoboxLine(l.text));
  for (let i = 0; i < ls.length; ) {
    if (!keyed[i]) {
      i++;
      continue;
    }
    let j = i;
    let keys = 1;
    while (j + 1 < ls.length && (keyed[j + 1] || (j + 2 < ls.length && keyed[j + 2] && !isProse(ls[j + 1]!.text)))) {
      j += keyed[j + 1] ? 1 : 2;
      keys++;
    }
    if (keys >= 3) for (let k = i; k <= j; k++) roles[k] = "infobox";
    i = j + 1;
  }
  return ls.map((l, i) => ({ start: l.start, end: l.end, role: roles[i]!, paragraph: i }));
}

function classifyLine(raw: string, s: string, hint: BlockRole | null, bodySeen: boolean, titleSeen: boolean): BlockRole {
  if (/^!\[[^\]]*\]\([^)]*\)$/.test(raw)) return "caption";
  if (/^(-{3,}|\*{3,}|_{3,}|={3,})$/.test(raw)) return "chrome";
  if (CREDIT.test(raw) || CREDIT.test(s)) return "caption";
  // A Markdown heading under the title is a section heading, even one that is only a date ("## May 12, 2019").
  if (/^#{1,6}\s/.test(raw) && (titleSeen || bodySeen)) return "heading";
  if (HARD_CHROME.test(s) || REFERENCE.test(s)) return "chrome";
  if (s.length < 300 && CHROME_WORDS.test(s) && !(isProse(s) && words(s) > 25)) return "chrome";
  if (BYLINE.test(s) && s.length < 120) return "byline";
  if (s.length < 90 && DATELINE.test(s)) return "dateline";
  if (isNav(s)) return "chrome";
  if (/^#{1,6}\s/.test(raw) || hint === "title" || hint === "heading") return !titleSeen && !bodySeen ? "title" : "heading";
  if (!endsLikeSentence(s)) {
    if (!bodySeen) return !titleSeen && words(s) >= 4 ? "title" : titleSeen && words(s) >= 8 ? "title" : "chrome";
    return words(s) <= 20 ? "heading" : "body";
  }
  if (words(s) < 4 && !bodySeen) return "chrome";
  return "body";
}

/** The full dates a line holds, for the publication date inference. */
export const FULL_DATE_RE = new RegExp(FULL_DATE.source, "gi");
