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
  { id: "islamic-state", name: "Islamic State", kind: "group", aliases: ["Islamic State", "ISIS", "ISIL", "Daesh", "ISIS-K", "ISIS-Khorasan", "Islamic State Khorasan"] },
  // Beyond the region: the parties of the other escalation chains analysts bring (Somalia, South
  // Asia, the Caucasus, Ukraine, the Sahel, Nigeria, Ethiopia, Myanmar, Turkey).
  { id: "al-shabaab", name: "al-Shabaab", kind: "group", country: "SO", aliases: ["al-Shabaab", "Al-Shabaab", "al Shabaab", "Al Shabaab", "al-Shabab", "Al-Shabab"] },
  { id: "al-qaeda", name: "al-Qaeda", kind: "group", aliases: ["al-Qaeda", "Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "AQIM", "AQAP"] },
  { id: "taliban", name: "Taliban", kind: "group", country: "AF", aliases: ["Taliban", "Afghan Taliban"] },
  { id: "pakistani-taliban", name: "Pakistani Taliban (TTP)", kind: "group", country: "PK", aliases: ["Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "TTP"] },
  { id: "pkk", name: "PKK", kind: "group", country: "TR", aliases: ["PKK", "Kurdistan Workers' Party", "Kurdistan Workers Party"] },
  { id: "tak", name: "Kurdistan Freedom Hawks (TAK)", kind: "group", country: "TR", aliases: ["TAK", "Kurdistan Freedom Hawks", "Kurdistan Freedom Falcons"] },
  { id: "ypg", name: "YPG", kind: "group", country: "SY", aliases: ["YPG", "People's Protection Units", "SDF", "Syrian Democratic Forces"] },
  { id: "jaish-e-mohammed", name: "Jaish-e-Mohammed", kind: "group", country: "PK", aliases: ["Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"] },
  { id: "lashkar-e-taiba", name: "Lashkar-e-Taiba", kind: "group", country: "PK", aliases: ["Lashkar-e-Taiba", "Lashkar-e-Toiba", "LeT"] },
  { id: "russia", name: "Russia", kind: "state", country: "RU", aliases: ["Russia", "Russian", "Russian Armed Forces", "Russian Air Force", "Moscow", "Kremlin"] },
  { id: "ukraine", name: "Ukraine", kind: "state", country: "UA", aliases: ["Ukraine", "Ukrainian", "Armed Forces of Ukraine", "Kyiv"] },
  { id: "armenia", name: "Armenia", kind: "state", country: "AM", aliases: ["Armenia", "Armenian", "Armenian Armed Forces", "Yerevan"] },
  { id: "azerbaijan", name: "Azerbaijan", kind: "state", country: "AZ", aliases: ["Azerbaijan", "Azerbaijani", "Azerbaijani Armed Forces", "Baku"] },
  { id: "india", name: "India", kind: "state", country: "IN", aliases: ["India", "Indian", "Indian Army", "New Delhi"] },
  { id: "afghanistan", name: "Afghanistan", kind: "state", country: "AF", aliases: ["Afghanistan", "Afghan"] },
  { id: "turkey", name: "Turkey", kind: "state", country: "TR", aliases: ["Turkey", "Türkiye", "Turkish", "Turkish Armed Forces", "Ankara"] },
  { id: "france", name: "France", kind: "state", country: "FR", aliases: ["France", "French", "French Armed Forces", "French Air and Space Force", "French military"] },
  { id: "nigeria", name: "Nigeria", kind: "state", country: "NG", aliases: ["Nigeria", "Nigerian", "Nigerian Air Force", "Nigerian Army", "Nigerian military"] },
  { id: "ethiopia", name: "Ethiopia", kind: "state", country: "ET", aliases: ["Ethiopia", "Ethiopian", "Ethiopian Air Force", "ETAF", "ENDF"] },
  { id: "myanmar", name: "Myanmar", kind: "state", country: "MM", aliases: ["Myanmar", "Burma", "Tatmadaw", "Myanmar Air Force", "junta"] },
  { id: "somalia", name: "Somalia", kind: "state", country: "SO", aliases: ["Somalia", "Somali", "Federal Government of Somalia", "Somali National Army", "SNA"] },
  { id: "libya", name: "Libya", kind: "state", country: "LY", aliases: ["Libya", "Libyan", "Libyan National Army", "LNA"] },
  { id: "united-arab-emirates", name: "United Arab Emirates", kind: "state", country: "AE", aliases: ["United Arab Emirates", "UAE", "Emirati"] },
];

/** Spellings and stand-ins news copy uses for curated actors (ids from curated.json). */
export const EXTRA_ALIASES: Record<string, string[]> = {
  "united-states": [
    "United States", "U.S. military", "U.S. forces", "U.S. troops", "American troops", "American forces", "U.S. service members",
    "American service members", "Americans", "American", "Washington", "Biden administration", "Trump administration",
    "U.S. Central Command", "Central Command", "CENTCOM", "U.S. Army", "U.S. Air Force", "U.S. Navy", "Department of Defense",
    "Defense Department", "Pentagon", "U.S.", "US", "America", "USA", "President Donald J. Trump", "Trump", "Biden",
    "U.S. Africa Command", "Africa Command", "AFRICOM", "Central Intelligence Agency", "CIA", "U.S. Special Operations forces", "Navy SEALs",
  ],
  iran: ["Iran", "Iranian", "Iranians", "Tehran", "Islamic Republic"],
  irgc: ["Revolutionary Guards", "Revolutionary Guard Corps", "Guards", "IRGC"],
  "quds-force": ["Quds Force", "Qods Force"],
  israel: ["Israel", "Israeli", "Israelis", "IDF", "Israel Defense Forces", "Israeli military", "Israeli Air Force", "Mossad"],
  "kataib-hezbollah": ["Kataib Hezbollah", "Kata'ib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah", "Kataib Hizbollah", "KH"],
  hezbollah: ["Hezbollah", "Hizbollah", "Hizballah", "Hassan Nasrallah", "Nasrallah"],
  hamas: ["Hamas", "Hamas-led", "Qassam Brigades", "Ismail Haniyeh", "Haniyeh"],
  pij: ["Palestinian Islamic Jihad", "Islamic Jihad", "PIJ"],
  syria: ["Syria", "Syrian government", "Damascus government", "Assad government", "Assad regime", "Syrian regime", "Syrian Arab Army", "Bashar al-Assad"],
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
