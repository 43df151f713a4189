/**
 * Actors: finds actor names (canonical ids through their aliases) in a sentence and decides who
 * attacked whom from the words around them — "by X", "attributed to X", "X's strike", "strikes
 * against X", "killing X". Also the actor hierarchy (Quds Force ⊂ IRGC ⊂ Iran) and the camps
 * (Iran-backed groups) that merging and reversal links compare actors by.
 */
import type { Actor } from "../schema";
import { BACKERS, EXTRA_ACTORS, EXTRA_ALIASES, PLACEHOLDER_ACTORS } from "./actor-aliases";
import type { ActorMention } from "./types";

export type ActorIndex = {
  actors: Map<string, Actor>;
  pattern: RegExp;
  byAlias: Map<string, string>;
};

const norm = (s: string) => s.replace(/[’‘`´]/g, "'");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Curated actors (from the store) plus the pipeline's extras; curated entries win. */
export function buildActorIndex(curated: readonly Actor[]): ActorIndex {
  const actors = new Map<string, Actor>();
  for (const a of EXTRA_ACTORS) actors.set(a.id, a);
  for (const a of curated) actors.set(a.id, a);
  const byAlias = new Map<string, string>();
  const add = (alias: string, id: string) => {
    const k = norm(alias.trim());
    // Two-letter lower-case words would match prose ("us"); aliases are matched case-sensitively.
    if (k.length >= 2 && !byAlias.has(k)) byAlias.set(k, id);
  };
  for (const a of actors.values()) {
    add(a.name, a.id);
    for (const al of a.aliases) add(al, a.id);
  }
  for (const [id, aliases] of Object.entries(EXTRA_ALIASES)) if (actors.has(id)) for (const al of aliases) add(al, id);
  const alternatives = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join("|")})(?![\\p{L}\\p{N}]|-(?!led|backed|linked|owned|aligned))`, "gu");
  return { actors, pattern, byAlias };
}

export type Found = { actor: string; start: number; end: number };

/** Longest-first, non-overlapping actor mentions; offsets relative to the text. */
export function findActors(text: string, index: ActorIndex): Found[] {
  const t = norm(text);
  const out: Found[] = [];
  index.pattern.lastIndex = 0;
  for (let m = index.pattern.exec(t); m; m = index.pattern.exec(t)) {
    const id = index.byAlias.get(m[1]!);
    if (id) out.push({ actor: id, start: m.index, end: m.index + m[1]!.length });
  }
  return out;
}

/** Ancestors of an actor, itself first (Quds Force → IRGC → Iran). */
export function lineage(id: string, index: ActorIndex): string[] {
  const out: string[] = [];
  for (let cur: string | undefined = id; cur && !out.includes(cur); cur = index.actors.get(cur)?.parent) out.push(cur);
  return out;
}

/** The state or group an actor ultimately acts for, and the state that backs it. */
export function camp(id: string, index: ActorIndex): string {
  const top = lineage(id, index).at(-1)!;
  return BACKERS[top] ?? BACKERS[id] ?? top;
}

/**
 * How well two actors agree: 1 same or one contains the other, 0.5 same camp, 0 unrelated.
 * A missing actor or a placeholder ("unidentified militants") is no evidence either way (0.5).
 */
export function actorAgreement(a: string | null, b: string | null, index: ActorIndex): number {
  if (!a || !b || PLACEHOLDER_ACTORS.has(a) || PLACEHOLDER_ACTORS.has(b)) return 0.5;
  if (a === b) return 1;
  if (lineage(a, index).includes(b) || lineage(b, index).includes(a)) return 1;
  return camp(a, index) === camp(b, index) ? 0.5 : 0;
}

const ATTACK_VERB =
  /^\s*(?:(?:fighters|militants|forces|troops|gunmen|members|units|militiamen|jets|warplanes|aircraft|drones|navy|army|military|officials|operatives)\s+)?(?:,[^,]{0,60},\s*)?(?:has |have |had |was |were |reportedly |also |then |later |subsequently |allegedly )*((?:began|started|resumed|continued|kept) (?:attacking|striking|bombing|shelling|firing)|launched|fired|carried out|conducted|struck|attacked|hit|killed|bombed|shelled|targeted|assassinated|seized|hijacked|stormed|ransacked|shot|sent|responded|retaliated|followed up|ordered|directed|incited|used|dropped|raided|launches|fires|strikes|attacks|kills|held|met|hits|blew up|unleashed|pounded|boarded|downed|shot down|brought down)\b/i;

/**
 * Roles of the actor mentions of one attack. `trigger` is the attack word's span; `placeSpans`
 * are place phrases ("in Iraq"), whose country names are places here, not actors.
 */
export function assignRoles(text: string, found: Found[], trigger: { start: number; end: number }, index: ActorIndex, placeSpans: { start: number; end: number }[]): ActorMention[] {
  const t = norm(text);
  const out: ActorMention[] = [];
  for (const f of found) {
    const before = t.slice(Math.max(0, f.start - 60), f.start);
    const after = t.slice(f.end, f.end + 60);
    const inPlace = placeSpans.some((p) => p.start <= f.start && f.end <= p.end);
    const kind = index.actors.get(f.actor)?.kind;
    let role = "other" as ActorMention["role"];
    let confidence = 0.3;
    const set = (r: ActorMention["role"], c: number) => {
      if (c > confidence || role === "other") {
        role = r;
        confidence = c;
      }
    };
    if (/\b(used|operated|run|controlled|manned|occupied|held|belonging|linked|tied|affiliated)\s+(by|to|with)\s+(the\s+)?([\w-]+\s+){0,2}$/i.test(before) && f.start > trigger.start && !/\b(attributed|ascribed|blamed|traced)\b/i.test(before))
      // "strikes on facilities used by Kataib Hezbollah": whose the target was.
      set("target", 0.75);
    else if (/\b(attributed|ascribed|blamed|traced|linked)\b[^.]{0,40}\bto\s+(the\s+)?$/i.test(before) || /\b(blamed|accused|accusing|suspect(ed)?)\s+(the\s+)?$/i.test(before))
      set("attacker", 0.8);
    else if (/\b(attacked|attacks?|carried out|launched|fired|conducted|struck|strikes?|hit|killed|targeted|staged|perpetrated|committed|mounted|raids?|seized|hijacked|stormed)\s+(\S+\s+){0,6}?by\s+(the\s+|an?\s+|several\s+|(?!\w+ing\b)\w+\s+)?$/i.test(before))
      set("attacker", 0.85);
    else if (/\bpointed the finger at\s+$/i.test(before)) set("attacker", 0.7);
    else if (/^\s*(was|were)\s+(behind|responsible)\b/i.test(after)) set("attacker", 0.75);
    else if (/^(\s+(rebels|fighters|militants|movement|group|forces|militia|militiamen|officials|spokesman))?(,[^,]{0,80},|,)?\s*(appeared to |has |have |had |quickly |later |also |swiftly |promptly )*(claimed|took|take|claim|claims)\s+(credit|responsibility|((most|many|some|all|several|both|one|two|three) of\s+)?(the|that|this|these|those|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+([\w-]+\s+){0,2}(attacks?|strikes?|bombings?|raids?|operations?|barrage))\b/i.test(after)) set("attacker", 0.8);
    else if (/^\s*(killed|assassinated|eliminated|taken out)\s*([.,;]|$)/i.test(after)) set("target", 0.8);
    else if (/^(,[^,]{0,60},?)?\s*(who|which)\s+(was|were|had been|has been)\s+(\w+\s+)?(killed|assassinated|targeted|wounded)\b/i.test(after)) set("target", 0.75);
    else if (/^('s?)?\s*(-led|-backed)?\s*((?!the\b|an?\b|its\b|his\b|their\b)[\w-]+(?<!ed)\s+){0,2}(air ?strikes?|strikes?|attacks?|drones?|missiles?|rockets?|bombardment|raids?|counterstrikes?|operation|forces|warplanes|aircraft|jets|navy|military|bombers?|fighter jets|barrage|salvo|volley)\b/.test(after) && f.end <= trigger.end + 1)
      set("attacker", 0.8);
    else if (/\b(against|targeting|on|at|into|toward|towards|killed|killing|kill|assassinated|assassination of|killing of|death of|deaths of|murder of|attack on|strike on|strikes on|struck|hit|targeted|striking|hitting|attacking|bombing|targeting)\s+(the\s+|a\s+|an\s+)?(\w+\s+){0,2}$/i.test(before) && f.start >= trigger.start - 2)
      set("target", 0.75);
    else if (/\b(killed|killing|kill|wounded|wounding|injured|injuring)\s+([\w'-]+\s+){0,3}(in|of|from|with)\s+(the\s+|an?\s+)?$/i.test(before) && f.start >= trigger.start - 2)
      // "killed a senior figure in an Iran-linked group", "killing two members of Kataib Hezbollah"
      set("target", 0.7);
    else if (/^\s*(was|were|had been|has been)\s+(\w+\s+)?(killed|attacked|struck|hit|targeted|assassinated|wounded|injured|bombed)\b/i.test(after))
      set("target", 0.8);
    // "X fired …", "X, a militia, launched …": the subject of the attack verb, when the verb tells this attack.
    else if (ATTACK_VERB.test(after) && !inPlace && f.end <= trigger.start + 1 && f.end + after.match(ATTACK_VERB)![0].length - after.match(ATTACK_VERB)![1]!.length <= trigger.end) set("attacker", 0.7);
    else if (/^'s\s/.test(after) && f.start > trigger.end) set("target", 0.6);
    // "Kataib Hezbollah and allied groups, operating under …, claimed responsibility": the subject claims.
    if (role === "other" && f === found[0] && /^[^.;]{0,140}?\b(claimed|took) (responsibility|credit)\b/i.test(after) && !/\b(said|says|told|denied)\b/i.test(after.split(/\b(claimed|took) (responsibility|credit)\b/i)[0]!))
      set("attacker", 0.7);
    if (inPlace && role !== "attacker" && !/\b(at|into|against|on)\s+(the\s+|an?\s+)?$/i.test(before)) {
      role = "other";
      confidence = 0.2;
    }
    if (role === "other" && kind === "person" && f.start > trigger.start) set("target", 0.5);
    // Nearer the attack words, likelier theirs: "blamed X (…), and U.S. forces retaliated with strikes".
    const distance = f.end <= trigger.start ? trigger.start - f.end : Math.max(0, f.start - trigger.end);
    out.push({ actor: f.actor, span: { start: f.start, end: f.end }, role, confidence: Math.max(0.05, confidence - Math.min(0.3, distance / 400)) });
  }
  return out;
}

/** The best attacker and target among role-tagged mentions; the more specific actor wins a tie. */
export function pickActors(mentions: ActorMention[], index: ActorIndex): { attacker: string | null; target: string | null; confidence: number } {
  const best = (role: "attacker" | "target") => {
    const c = mentions.filter((m) => m.role === role).sort((a, b) => b.confidence - a.confidence);
    if (!c.length) return null;
    const top = c[0]!;
    // "the Syrian army's 4th Division", "a Guard commander, Col. X": the more specific actor wins.
    const deeper = c.find((m) => lineage(m.actor, index).includes(top.actor) && m.actor !== top.actor);
    return deeper ?? top;
  };
  const a = best("attacker");
  let t = best("target");
  if (a && t && actorAgreement(a.actor, t.actor, index) === 1) t = null;
  return { attacker: a?.actor ?? null, target: t?.actor ?? null, confidence: Math.max(a?.confidence ?? 0, t?.confidence ?? 0) };
}
