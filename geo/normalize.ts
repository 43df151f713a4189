/**
 * Name normalisation shared by the index builder and the resolver, so that both sides of a lookup
 * agree on one spelling. News copy spells Arabic and Persian names many ways ("Deir ez-Zor",
 * "Deir al-Zour", "Dayr az Zawr"); two keys absorb most of that:
 *  - `normalizeName`: lower case, accents and apostrophes dropped, punctuation to spaces;
 *  - `skeletonKey`: a consonant skeleton for transliteration variants, used only as a weaker match.
 */

const LEADING_ABBREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", ft: "fort", mt: "mount" };

/** Arabic definite article and its sun-letter assimilations as they appear in transliterations. */
const ARTICLES = new Set(["al", "el", "ul", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "ez", "ed", "es", "er", "et", "en"]);

/**
 * Lower case, strip diacritics, drop apostrophes and ayn/hamza marks (they are absent as often as
 * present in English copy), close up dotted initials ("U.S." → "us") and letter-digit codes
 * ("K-1" → "k1"), turn every other non-alphanumeric run into one space and spell the two facility
 * words that vary in copy ("airbase", "Intl") one way.
 */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ""))
    .replace(/(\p{L})[-‐‑](\d)/gu, "$1$2")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[ʻʼʿʾ'’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\bairbase\b/g, "air base")
    .replace(/\bintl\b/g, "international")
    .trim();
}

/**
 * A bare compass word ("western", "northwestern", "north west" written as one word): the name of
 * a few provinces (Zambia's Western, Cameroon's West), but in news nearly always a direction or
 * "the West". Not a key on its own.
 */
export const COMPASS_WORD = /^(?:north|south|east|west|central|northern|southern|eastern|western|(?:north|south)(?:east|west)(?:ern)?)$/;

/** True when a normalised name is plain Latin script: only those are useful keys for English text. */
export function isLatinKey(key: string): boolean {
  return /^[a-z0-9 ]+$/.test(key) && /[a-z]/.test(key);
}

/**
 * Drops Arabic articles ("al qaim" → "qaim", "deir ez zor" → "deir zor") so that "al-Dabaa" and
 * "Dabaa" meet. A leading "el"/"al" only counts when a name follows, so "El Paso" keeps a key
 * "paso" too, which the population prior then outranks; that is cheaper than a list of exceptions.
 */
export function stripArticles(key: string): string {
  const words = key.split(" ");
  if (words.length < 2) return key;
  const kept = words.filter((w, i) => !(ARTICLES.has(w) && i < words.length - 1));
  return kept.length > 0 ? kept.join(" ") : key;
}

/**
 * A rough consonant skeleton: digraph and vowel spellings folded ("Dahieh"/"Dahiyeh" → "dh",
 * "Qusayr"/"Qusair"/"Kusseir" → "ksr"). Words keep their order. Matches on this key are scored
 * well below exact ones because unrelated short names can share a skeleton.
 */
export function skeletonKey(key: string): string {
  return stripArticles(key)
    .split(" ")
    .map((w) => {
      const folded = w
        .replace(/ph/g, "f")
        .replace(/(kh|gh|ch)/g, "k")
        .replace(/q/g, "k")
        .replace(/c(?=[eiy])/g, "s")
        .replace(/c/g, "k")
        .replace(/(sh|sch)/g, "s")
        .replace(/z/g, "s")
        .replace(/(th|dh)/g, "t")
        .replace(/j/g, "g");
      const head = folded.charAt(0);
      const tail = folded.slice(1).replace(/[aeiouyhw]/g, "");
      return (head + tail).replace(/(.)\1+/g, "$1");
    })
    .join(" ");
}

/**
 * A normalised key with a leading "St", "Ste", "Ft" or "Mt" written out ("ft worth" → "fort worth"),
 * or undefined when it has none. Names are indexed under both forms; a mention falls back to the
 * written-out form only when its own spelling finds nothing, so "St. Louis" stays the US city.
 */
export function expandedKey(key: string): string | undefined {
  const m = key.match(/^(st|ste|ft|mt) (?=\S)/);
  return m ? `${LEADING_ABBREVIATIONS[m[1] ?? ""] ?? ""}${key.slice((m[1] ?? "").length)}` : undefined;
}

/** The exact keys a name is indexed under: its normal form and, if different, without articles. */
export function nameKeys(name: string): string[] {
  const key = normalizeName(name);
  if (!key) return [];
  const bare = stripArticles(key);
  return bare === key ? [key] : [key, bare];
}
