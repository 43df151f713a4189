/**
 * Casualties: killed and injured figures as low–high ranges, from numerals or words ("31", "two",
 * "dozens", "between 5 and 10"), counted lists ("a soldier, an airman and a servicewoman"),
 * named victims ("killed Saleh Arouri, … along with two commanders") and totals split across a
 * list ("four service members, as well as two members of the security forces").
 */
import type { Range } from "../schema";
import type { Casualties } from "./types";

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, "a hundred": 100, "a dozen": 12, dozen: 12,
};
const VAGUE: Record<string, Range> = { dozens: { low: 24, high: 99 }, scores: { low: 40, high: 99 }, hundreds: { low: 200, high: 999 }, several: { low: 3, high: 9 }, "a few": { low: 2, high: 5 } };

const NUMBER = "(\\d[\\d,]*|a dozen|a hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozens|scores|hundreds|several|a few|an?)";
const QUALIFIER = "(at least|more than|over|nearly|almost|about|around|roughly|up to|some|as many as|an estimated|approximately|fewer than|less than)?\\s*";
const QUANTITY = new RegExp(`${QUALIFIER}(?:between\\s+)?${NUMBER}(?:\\s*(?:-|–|to|or|and)\\s*${NUMBER})?`, "i");

function value(s: string): Range | null {
  const k = s.toLowerCase();
  if (VAGUE[k]) return VAGUE[k];
  if (/^\d/.test(k)) {
    const n = Number(k.replace(/,/g, ""));
    return Number.isFinite(n) ? { low: n, high: n } : null;
  }
  const hy = k.match(/^(\w+)-(\w+)$/);
  if (hy) return { low: (WORDS[hy[1]!] ?? 0) + (WORDS[hy[2]!] ?? 0), high: (WORDS[hy[1]!] ?? 0) + (WORDS[hy[2]!] ?? 0) };
  const n = WORDS[k];
  return n === undefined ? null : { low: n, high: n };
}

function quantity(s: string): Range | null {
  const m = s.match(new RegExp(`^\\s*${QUANTITY.source}`, "i"));
  if (!m) return null;
  const a = value(m[2]!);
  if (!a) return null;
  const b = m[3] ? value(m[3]) : null;
  const r = b ? { low: Math.min(a.low, b.low), high: Math.max(a.high, b.high) } : a;
  const q = (m[1] ?? "").toLowerCase();
  if (/up to|fewer|less/.test(q)) return { low: 0, high: r.high };
  if (/nearly|almost|about|around|roughly|approximately|estimated/.test(q)) return r;
  return r;
}

const add = (a: Range | undefined, b: Range) => (a ? { low: a.low + b.low, high: a.high + b.high } : b);
const PERSON_WORDS = "(people|persons|soldiers?|troops|members?|servicem[ae]n|service members|civilians?|contractors?|officers?|advisers?|advisors?|fighters|militants|commanders?|crew( members)?|sailors|marines|airm[ae]n|servicewom[ae]n|guards?|children|women|men|workers|personnel|americans|israelis|iranians|iraqis|palestinians|others?|figures?|leaders?|translators?|scientists?|generals?|companions|bodyguards|passengers|residents|staff|medics?|drivers?|cooks?|doctors?|nurses?|journalists?|reporters?|students?|police(?:men| officers)?|policem[ae]n|pilots?|villagers|worshippers|protesters|employees|engineers|farmers|shepherds|fishermen|aid workers|volunteers|teenagers?|boys?|girls?|infants?|babies|wom[ae]n|m[ae]n)";

/**
 * Victims listed after a killing or injuring verb: numbers, "a/an <noun>" items and names, up to
 * the end of the clause ("…, as well as two members of …" counts; "…, according to" stops).
 */
function listAfter(s: string): Range | undefined {
  let total: Range | undefined;
  const clause = s.split(/[;:]|\b(according to|the official|officials said|said|in a|at a|near|outside|which|who|when|while|after|before|during)\b/i)[0] ?? "";
  const items = clause.split(/,\s*(?:and\s+|as well as\s+|along with\s+)?|\s+(?:and|as well as|along with|plus|including)\s+/i);
  let counted = 0;
  let lastWasName = false;
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    // The list ends where the next verb begins ("… and injured four").
    if (/^(injur|wound|kill|hurt|leav|left|damag|destroy)/i.test(item)) break;
    // Appositions after a name ("Saleh Arouri, a Hamas leader") describe it, they are no more victims.
    if (lastWasName && /^(an?|the)\s/i.test(item)) continue;
    const q = quantity(item);
    const rest = item.replace(new RegExp(`^${QUANTITY.source}`, "i"), "").trim();
    if (q && new RegExp(`^([\\w'.-]+\\s+){0,4}${PERSON_WORDS}\\b`, "i").test(rest)) {
      // "four service members, including two officers": an inner count is part of the outer one.
      if (/^including/i.test(raw) && total) continue;
      total = add(total, q);
      counted++;
      lastWasName = false;
    } else if (/^(the |his |her |their |its )?(\p{Lu}[\p{L}'.-]+\s+){0,5}\p{Lu}[\p{L}'-]+$/u.test(item) && counted === 0 && !/^(The|A|An)$/.test(item)) {
      // A named victim: "killed Saleh Arouri".
      total = add(total, { low: 1, high: 1 });
      counted++;
      lastWasName = true;
    } else if (counted > 0 && !q) {
      continue;
    } else if (counted === 0) break;
  }
  return total;
}

const KILL_AFTER = /\b(killing|killed|kills|kill|leaving|left|claimed the lives of)\s+/gi;
const INJURE_AFTER = /\b(injuring|injured|wounding|wounded|hurting|hurt)\s+/gi;
const BEFORE_PASSIVE = new RegExp(`${QUANTITY.source}\\s+([\\w'.-]+\\s+){0,5}?${PERSON_WORDS}?\\s*(\\s+[\\w'.-]+){0,6}?\\s+(were|was|had been|have been|are)\\s+(reported\\s+|\\w+ly\\s+)?(killed|dead|injured|wounded|hurt)`, "gi");

export function findCasualties(text: string): Casualties {
  const out: Casualties = {};
  let first: number | undefined;
  let last: number | undefined;
  const note = (s: number, e: number) => {
    first = first === undefined ? s : Math.min(first, s);
    last = last === undefined ? e : Math.max(last, e);
  };
  const scan = (re: RegExp, key: "killed" | "injured") => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 200);
      if (new RegExp(`^${QUANTITY.source}\\s+([\\w'-]+\\s+){0,2}(dead|wounded)`, "i").test(tail) && /leaving|left/i.test(m[1]!)) {
        const q = quantity(tail);
        if (q) {
          out[key] = q;
          note(m.index, m.index + m[0].length + 12);
        }
        continue;
      }
      if (/leaving|left/i.test(m[1]!)) continue;
      const r = listAfter(tail);
      if (r && !out[key]) {
        out[key] = r;
        note(m.index, m.index + m[0].length + 40);
      }
    }
  };
  scan(KILL_AFTER, "killed");
  scan(INJURE_AFTER, "injured");
  BEFORE_PASSIVE.lastIndex = 0;
  for (let m = BEFORE_PASSIVE.exec(text); m; m = BEFORE_PASSIVE.exec(text)) {
    const q = quantity(m[0]);
    const verb = m[m.length - 1]!.toLowerCase();
    const key = verb === "killed" || verb === "dead" ? "killed" : "injured";
    if (q && !out[key]) {
      out[key] = q;
      note(m.index, m.index + m[0].length);
    }
  }
  // "16 people were killed and 25 wounded": the second figure shares the verb's subject.
  const pair = text.match(new RegExp(`\\b(killed|dead)\\s+and\\s+${QUANTITY.source}\\s+(wounded|injured|hurt)`, "i"));
  if (pair && !out.injured) {
    const q = quantity(pair[0].replace(/^\w+\s+and\s+/i, ""));
    if (q) out.injured = q;
  }
  const died = text.match(new RegExp(`\\b(the\\s+)?${QUANTITY.source}\\s+([\\w'-]+\\s+){0,3}?${PERSON_WORDS}(\\s+[\\w'.-]+){0,5}?\\s+(died|were killed)`, "i"));
  if (died && !out.killed) {
    const q = quantity(died[0].replace(/^the\s+/i, ""));
    if (q) {
      out.killed = q;
      note(died.index!, died.index! + died[0].length);
    }
  }
  if (first !== undefined && last !== undefined) out.span = { start: first, end: Math.min(last, text.length) };
  return out;
}
