#!/usr/bin/env python3
"""Build Sources/Analysis/Resources/gazetteer.tsv from ../shared/data/geo (see docs/gazetteer.md).

Output lines (tab-separated, '#' lines are comments):
  R  id  name  level(region|sub-region|intermediate-region)  m49
  C  code  name  region-id  sub-region-id  intermediate-region-id   (empty cells allowed)
  N  phrase  code  kind  weight      kind: name|alt|demonym|capital|city|region-phrase
Codes are ISO 3166 alpha-2 upper case; '-' as code marks a phrase that names no country
(e.g. "Latin America"), kept so that longest-first matching consumes it.
"""
import argparse, csv, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEO = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "geo"))
DEFAULT_OUT = os.path.join(HERE, "..", "Sources", "Analysis", "Resources", "gazetteer.tsv")

CITY_MIN_POPULATION = 700_000
# Extra everyday names and abbreviations, weight 1 unless given.
EXTRA = {
    "US": ["United States", "United States of America", "U.S.", "U.S.A.", "USA", "US"],
    "GB": ["Britain", "UK", "U.K.", "England", "Scotland", "Wales", "Northern Ireland", "Great Britain"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "AE": ["UAE", "Emirates"], "CI": ["Ivory Coast", "Cote d'Ivoire"], "CZ": ["Czech Republic"],
    "KR": ["South Korea"], "KP": ["North Korea"], "PS": ["Gaza", "Gaza Strip", "West Bank", "Palestine"],
    "NL": ["Netherlands", "Holland"], "VA": ["Vatican", "Vatican City", "Holy See"],
    "TR": ["Turkey", "Türkiye", "Turkiye"], "RU": ["Russia"], "IR": ["Iran"], "SY": ["Syria"],
    "VN": ["Vietnam"], "LA": ["Laos"], "MK": ["North Macedonia", "Macedonia"], "TW": ["Taiwan"],
    "MM": ["Myanmar", "Burma"], "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"],
    "MD": ["Moldova"], "FM": ["Micronesia"], "SZ": ["Eswatini", "Swaziland"], "CV": ["Cape Verde"],
}
EXTRA_DEMONYMS = {
    "GB": ["English", "Scottish", "Scots", "Briton", "Britons"], "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"], "SA": ["Saudi", "Saudis"], "US": ["Americans"],
    "RU": ["Russians", "Kremlin"], "CN": ["Chinese", "Beijing's"], "UA": ["Ukrainians"],
    "NL": ["Dutch"], "CH": ["Swiss"], "PH": ["Filipino", "Filipinos"], "AF": ["Afghans"],
    "KP": ["North Korean", "Pyongyang"], "KR": ["South Korean"], "CU": ["Cubans"],
    "VE": ["Venezuelans"], "AR": ["Argentine", "Argentines"], "DE": ["Germans"], "FR": ["French"], "JP": ["Japanese"],
}
# Phrases that name a region, not a country (consumed so "American" in them is not the US).
REGION_PHRASES = ["Latin America", "Latin American", "Latin Americans", "South America",
    "South American", "South Americans", "Central America", "Central American", "North America",
    "North American", "Middle East", "Middle Eastern", "Southeast Asia", "South East Asia",
    "Sub-Saharan Africa", "Western Hemisphere", "New Guinea", "Lake Chad", "Niger River",
    "River Niger", "Jordan River", "River Jordan", "Georgia Tech", "Turkey Point", "New Mexico",
    "New England", "New South Wales", "Washington Post", "Washington Times", "Indian Ocean",
    "Arab Spring", "Persian Gulf", "Gulf of Guinea", "Chad Basin"]
# Words too common or too ambiguous to be a place on their own.
EXCLUDED = {"Male", "Victoria", "Kingston", "Hamilton", "Stanley", "Plymouth", "The Valley",
    "Georgetown", "Mobile", "Nice", "Reading", "Phoenix", "Kobe", "Columbus", "León", "Leon",
    "Santiago", "San Jose", "San José", "Córdoba", "Cordoba", "Valencia", "Hyderabad", "Barcelona",
    "Independence", "Orange", "Split", "Bath", "Deal", "Florence", "Austin", "Charlotte", "Medina",
    "Salvador", "Natal", "Of", "Lao", "Chosŏn", "Mali", "Congolese", "Dominican", "Georgian",
    "Tripoli", "Kiribati", "Guinean", "American", "Washington", "Jersey", "Man", "Georgia",
    "Jordan", "Chad", "Niger", "Congo", "Guinea", "Turkey", "Reunion", "Martinique", "Sudanese"}
# Weak or ambiguous spellings the tagger resolves with context: (phrase, code, kind, weight).
SPECIAL = [("American", "US", "demonym", 0.3), ("Washington", "US", "capital", 0.3),
    ("Georgia", "GE", "ambiguous", 1.0), ("Georgian", "GE", "ambiguous-demonym", 0.6),
    ("Jordan", "JO", "ambiguous", 1.0), ("Chad", "TD", "ambiguous", 1.0),
    ("Turkey", "TR", "ambiguous", 1.0), ("Niger", "NE", "name", 1.0), ("Congo", "CD", "ambiguous", 1.0),
    ("Congolese", "CD", "ambiguous-demonym", 0.6), ("Guinea", "GN", "name", 1.0),
    ("Guinean", "GN", "demonym", 0.6), ("Dominican", "DO", "demonym", 0.6), ("Mali", "ML", "name", 1.0),
    ("Tripoli", "LY", "capital", 0.5), ("Paris", "FR", "ambiguous-city", 0.7),
    ("Sydney", "AU", "ambiguous-city", 0.5), ("Kremlin", "RU", "capital", 0.7),
    ("Gaza", "PS", "name", 1.0), ("America", "US", "name", 0.5), ("New York", "US", "city", 0.5)]
WEIGHTS = {"name": 1.0, "alt": 1.0, "demonym": 0.6, "capital": 0.7, "city": 0.5}


def slug(name):
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def latin(text):
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def folded(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--geo", default=DEFAULT_GEO)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    regions, countries, names = {}, [], {}

    def add(phrase, code, kind, weight):
        phrase = phrase.strip()
        if len(phrase) < 2 or "," in phrase or not latin(phrase) or "(" in phrase:
            return
        key = phrase.lower()
        if key in names and names[key][2] >= weight:
            return
        names[key] = (phrase, code, weight, kind)

    with open(os.path.join(args.geo, "countries.tsv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        sys.exit("countries.tsv is empty")
    for row in rows:
        code = row["iso2"]
        levels = [("region", row["region"], row["region_code"]),
                  ("sub-region", row["sub_region"], row["sub_region_code"]),
                  ("intermediate-region", row["intermediate_region"], row["intermediate_region_code"])]
        if code == "TW":  # no M49 row in the table; placed with its neighbours
            levels = [("region", "Asia", "142"), ("sub-region", "Eastern Asia", "030"), ("intermediate-region", "", "")]
        ids = []
        for level, name, m49 in levels:
            if name:
                regions[slug(name)] = (name, level, m49)
            ids.append(slug(name) if name else "")
        countries.append((code, row["common_name"], *ids))
        for phrase in [row["common_name"], row["name"], folded(row["common_name"])]:
            if phrase not in EXCLUDED:
                add(phrase, code, "name", 1.0)
        for phrase in filter(None, row["alt_names"].split("|")):
            if phrase not in EXCLUDED:
                add(phrase, code, "alt", 1.0)
        for phrase in filter(None, row["demonyms"].split("|")):
            if phrase not in EXCLUDED:
                add(phrase, code, "demonym", WEIGHTS["demonym"])
        capital = row["capital"]
        if capital and capital not in EXCLUDED:
            add(capital, code, "capital", WEIGHTS["capital"])
            add(folded(capital), code, "capital", WEIGHTS["capital"])
    for code, phrases in EXTRA.items():
        for phrase in phrases:
            add(phrase, code, "name", 1.0)
    for code, phrases in EXTRA_DEMONYMS.items():
        for phrase in phrases:
            add(phrase, code, "demonym", WEIGHTS["demonym"])

    with open(os.path.join(args.geo, "cities.tsv"), encoding="utf-8") as fh:
        cities = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                  if int(r["population"] or 0) >= CITY_MIN_POPULATION]
    seen_city = {}
    for r in cities:
        for phrase in {r["name"], r["ascii_name"]}:
            seen_city.setdefault(phrase, set()).add(r["iso2"])
    for r in cities:
        for phrase in {r["name"], r["ascii_name"]}:
            if phrase in EXCLUDED or len(seen_city[phrase]) > 1 or phrase.lower() in names:
                continue
            add(phrase, r["iso2"], "city", WEIGHTS["city"])

    for phrase, code, kind, weight in SPECIAL:
        names[phrase.lower()] = (phrase, code, weight, kind)
    for phrase in REGION_PHRASES:
        names[phrase.lower()] = (phrase, "-", 0.0, "region-phrase")

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Tributary gazetteer, generated by scripts/build_gazetteer.py; do not edit.\n")
        out.write("# Contains data from GeoNames (CC BY 4.0), countryinfo (MIT) and the lukes ISO 3166/M49\n")
        out.write("# table (CC BY-SA 4.0); see docs/gazetteer.md.\n")
        for rid, (name, level, m49) in sorted(regions.items()):
            out.write(f"R\t{rid}\t{name}\t{level}\t{m49}\n")
        for c in sorted(countries):
            out.write("C\t" + "\t".join(c) + "\n")
        for key in sorted(names):
            phrase, code, weight, kind = names[key]
            out.write(f"N\t{phrase}\t{code}\t{kind}\t{weight:g}\n")
    print(f"{len(regions)} regions, {len(countries)} countries, {len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
