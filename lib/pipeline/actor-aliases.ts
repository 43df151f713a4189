/**
 * What the pipeline needs to know about actors beyond the curated list (data/seed/curated.json):
 * a few regional actors the curated seeds never name, extra spellings and demonyms, and which
 * state backs which armed group. The curated actors stay the source of truth; these only add.
 */
import type { Actor } from "../schema";

/** Actors of the region that the curated set lacks; inserted into the store when first used. */
export const EXTRA_ACTORS: Actor[] = [
  { id: "houthis", name: "Houthis (Ansar Allah)", kind: "group", country: "YE", aliases: ["Houthi", "Houthis", "Ansar Allah", "Ansarallah"] },
  { id: "united-kingdom", name: "United Kingdom", kind: "state", country: "GB", aliases: ["Britain", "British", "U.K.", "UK", "Royal Navy", "Royal Air Force", "RAF"] },
  {
    id: "islamic-resistance-in-iraq",
    name: "Islamic Resistance in Iraq",
    kind: "group",
    country: "IQ",
    aliases: ["Islamic Resistance in Iraq", "Islamic Resistance of Iraq"],
  },
  { id: "pakistan", name: "Pakistan", kind: "state", country: "PK", aliases: ["Pakistan", "Pakistani", "Islamabad"] },
  { id: "saudi-arabia", name: "Saudi Arabia", kind: "state", country: "SA", aliases: ["Saudi Arabia", "Saudi", "Saudis", "Riyadh", "Saudi-led coalition"] },
  { id: "harakat-al-nujaba", name: "Harakat al-Nujaba", kind: "group", country: "IQ", aliases: ["Harakat al-Nujaba", "Harakat Hezbollah al-Nujaba", "al-Nujaba", "Nujaba"] },
  { id: "kataib-sayyid-al-shuhada", name: "Kataib Sayyid al-Shuhada", kind: "group", country: "IQ", aliases: ["Kataib Sayyid al-Shuhada", "Kata'ib Sayyid al-Shuhada"] },
  { id: "jaish-al-adl", name: "Jaish al-Adl", kind: "group", country: "IR", aliases: ["Jaish al-Adl", "Jaish ul-Adl"] },
  { id: "islamic-state", name: "Islamic State", kind: "group", aliases: ["Islamic State", "ISIS", "ISIL", "Daesh"] },
];

/** Spellings and stand-ins news copy uses for curated actors (ids from curated.json). */
export const EXTRA_ALIASES: Record<string, string[]> = {
  "united-states": [
    "United States", "U.S. military", "U.S. forces", "U.S. troops", "American troops", "American forces", "U.S. service members",
    "American service members", "Americans", "American", "Washington", "Biden administration", "Trump administration",
    "U.S. Central Command", "Central Command", "CENTCOM", "U.S. Army", "U.S. Air Force", "U.S. Navy", "Department of Defense",
    "Defense Department", "Pentagon", "U.S.", "US", "America", "USA", "President Donald J. Trump", "Trump", "Biden",
  ],
  iran: ["Iran", "Iranian", "Iranians", "Tehran", "Islamic Republic"],
  irgc: ["Revolutionary Guards", "Revolutionary Guard Corps", "Guards", "IRGC"],
  "quds-force": ["Quds Force", "Qods Force"],
  israel: ["Israel", "Israeli", "Israelis", "IDF", "Israel Defense Forces", "Israeli military", "Israeli Air Force", "Mossad"],
  "kataib-hezbollah": ["Kataib Hezbollah", "Kata'ib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah", "Kataib Hizbollah", "KH"],
  hezbollah: ["Hezbollah", "Hizbollah", "Hizballah", "Hassan Nasrallah", "Nasrallah"],
  hamas: ["Hamas", "Hamas-led", "Qassam Brigades", "Ismail Haniyeh", "Haniyeh"],
  pij: ["Palestinian Islamic Jihad", "Islamic Jihad", "PIJ"],
  syria: ["Syria", "Syrian government", "Damascus government", "Assad government"],
  "syrian-army": ["Syrian army", "Syrian army's 4th Division", "4th Division", "Fourth Division"],
  "esmail-qaani": ["Esmail Qaani", "Esmail Ghaani", "Ismail Qaani", "Qaani", "Ghaani"],
  "qassem-soleimani": ["Qassem Soleimani", "Qasem Soleimani", "Soleimani", "Suleimani"],
  "saleh-arouri": ["Saleh al-Arouri", "Saleh Arouri", "Arouri"],
  "seyed-razi-mousavi": ["Razi Mousavi", "Sayyed Razi Mousavi", "Mousavi"],
};

/**
 * The state that arms and backs a group ("Iran-backed"): a strike back at the backer or its
 * groups counts as the reversal of an attack by any of them. Widely documented, not inferred.
 */
export const BACKERS: Record<string, string> = {
  "kataib-hezbollah": "iran",
  "kh-supporters": "iran",
  "islamic-resistance-in-iraq": "iran",
  "iran-linked-iraqi-militant-group": "iran",
  hezbollah: "iran",
  hamas: "iran",
  pij: "iran",
  houthis: "iran",
  "allied-militant-groups": "iran",
  "harakat-al-nujaba": "iran",
  "kataib-sayyid-al-shuhada": "iran",
};

/** Actors that never attack or get attacked as such: placeholders of the curated set. */
export const PLACEHOLDER_ACTORS = new Set(["unspecified-target", "unidentified-militants"]);
