/**
 * Foreign actor names onto Strikeline's actors. ACLED writes "Military Forces of Israel (2022-)",
 * UCDP "Government of Iraq", files of our own the actor id; each is cleaned of its dataset's
 * decorations and looked up through the same alias table the article pipeline uses, so an imported
 * "Hizballah" is the curated Hezbollah. A name nobody knows becomes a new actor whose alias is the
 * name as the source wrote it, so the next import of the same source finds it again.
 */
import type { Actor } from "../schema";
import type { ActorIndex } from "../pipeline/actors";

/**
 * What a dataset says the actor is. `crowd` (protesters, rioters) is kept under the source's exact
 * name ("Protesters (Iraq)"): loose matching would merge it with a curated crowd of another event.
 */
export type ActorRole = Actor["kind"] | "crowd";

/** Decorations of dataset actor names that carry no identity: periods, countries in brackets, "forces of". */
function cleanName(raw: string): string {
  return raw
    .replace(/\s*\((\d{4}-\d{0,4}|[^()]*\d{4}[^()]*)\)/g, "")
    .replace(/^(Military|Police|Security|Armed|Naval|Air) Forces of (the )?/i, "")
    .replace(/^Government of (the )?/i, "")
    .replace(/\s*\(([A-Z][\w .'-]+)\)$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^.*$/, (n) => DATASET_NAMES[n] ?? n);
}

/** Dataset spellings of states that no news alias covers. */
const DATASET_NAMES: Record<string, string> = {
  "United States of America": "United States",
  "Islamic Republic of Iran": "Iran",
  "Syrian Arab Republic": "Syria",
  "Israel (Occupied Palestinian Territories)": "Israel",
  IS: "Islamic State",
};

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

export type Reconciler = {
  /** The actor id for a foreign name, or null for no actor (empty, civilians). */
  resolve(raw: string, role?: ActorRole, as?: { id: string; name: string | null }): string | null;
  /** Actors created along the way, for the store to add. */
  created(): Actor[];
  /** The index with the created actors in it, for titles. */
  view: ActorIndex;
};

export function reconciler(index: ActorIndex): Reconciler {
  const lower = new Map<string, string>();
  for (const [alias, id] of index.byAlias) if (!lower.has(alias.toLowerCase())) lower.set(alias.toLowerCase(), id);
  for (const id of index.actors.keys()) lower.set(id, id);
  const made = new Map<string, Actor>();
  const all = new Map(index.actors);
  const view: ActorIndex = { ...index, actors: all };
  const make = (a: Actor) => (made.set(a.id, a), all.set(a.id, a));
  const find = (s: string) => index.byAlias.get(s) ?? lower.get(s.toLowerCase()) ?? null;
  return {
    resolve(raw, role = "other", as) {
      const name = raw.trim();
      // A file of our own names its actors by id (with the name beside it): keep both.
      if (as && /^[a-z0-9][a-z0-9-]*$/.test(as.id)) {
        if (index.actors.has(as.id) || made.has(as.id)) return as.id;
        const known = find(as.name ?? "");
        if (known) return known;
        make({ id: as.id, name: as.name ?? as.id, kind: role === "crowd" ? "other" : role, aliases: as.name ? [as.name] : [] });
        return as.id;
      }
      if (!name) return null;
      const crowd = role === "crowd";
      const known = crowd ? index.byAlias.get(name) : (find(name) ?? find(cleanName(name)));
      if (known) return known;
      const display = crowd ? name : cleanName(name) || name;
      const id = slug(display);
      if (!id) return null;
      if (index.actors.has(id)) return id;
      if (!made.has(id)) make({ id, name: display, kind: crowd ? "other" : role, aliases: [name] });
      else if (!made.get(id)!.aliases.includes(name)) made.get(id)!.aliases.push(name);
      lower.set(name.toLowerCase(), id);
      return id;
    },
    created: () => [...made.values()],
    view,
  };
}
