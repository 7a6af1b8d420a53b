#!/usr/bin/env bash
# chronicle — `chronicle entities` over a database of two articles written
# for this test (tests/data/entity/): people with roles and countries,
# aliases merged into one entity, canonical names of acronyms, filters,
# errors, and a story's entities linked across its articles when ingest
# assigned one.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
DB="$TMP/e.db"
if ! chr --db "$DB" --quiet ingest tests/data/entity/merkel_a.txt tests/data/entity/merkel_b.txt >/dev/null 2>"$TMP/err"; then
    fail entity_cli_ingest "$(cat "$TMP/err")"
    exit 0
fi
chr --db "$DB" entities --json >"$TMP/all.json" 2>"$TMP/err" || fail entity_cli_list "$(cat "$TMP/err")"
chr --db "$DB" entities --json --type PER >"$TMP/per.json" 2>>"$TMP/err" || fail entity_cli_type "$(cat "$TMP/err")"
chr --db "$DB" entities --story 999999 >/dev/null 2>&1
check_eq entity_cli_no_story "$?" 1
chr --db "$DB" entities --type XYZ >/dev/null 2>&1
check_eq entity_cli_bad_type "$?" 2
story=$(chr --db "$DB" stories --json 2>/dev/null | /usr/bin/env python3 -c '
import json, sys
try:
    s = json.load(sys.stdin)
    print(next((x["id"] for x in s if x.get("size", 0) >= 2), ""))
except Exception:
    print("")')
if [ -n "$story" ]; then
    chr --db "$DB" entities --json --story "$story" >"$TMP/story.json" 2>>"$TMP/err" ||
        fail entity_cli_story "$(cat "$TMP/err")"
fi
/usr/bin/env python3 - "$TMP" <<'PY'
import json, os, sys
tmp = sys.argv[1]
def load(n):
    with open(os.path.join(tmp, n), encoding="utf-8") as f:
        return json.load(f)
def check(name, cond):
    print(("ok " if cond else "not ok ") + name)
es = load("all.json")
by = {(e["canonical"], e["type"]): e for e in es}
am = by.get(("Angela Merkel", "PER"))
check("entity_cli_person", am is not None and am["mentions"] >= 3 and am["nominal"] >= 1)
check("entity_cli_person_role", am is not None and am["country"] == "DE" and am["role"] == "chancellor")
em = by.get(("Emmanuel Macron", "PER"))
check("entity_cli_person_country", em is not None and em["country"] == "FR" and em["role"] == "president")
eu = by.get(("European Union", "ORG"))
check("entity_cli_alias_across_articles", eu is not None and eu["articles"] == 2)
check("entity_cli_acronym", ("North Atlantic Treaty Organization", "ORG") in by)
check("entity_cli_places", by.get(("Berlin", "LOC"), {}).get("country") == "DE"
      and by.get(("Brussels", "LOC"), {}).get("country") == "BE")
check("entity_cli_sorted", [e["mentions"] for e in es] == sorted((e["mentions"] for e in es), reverse=True))
per = load("per.json")
check("entity_cli_type_filter", len(per) >= 2 and all(e["type"] == "PER" for e in per))
if os.path.exists(os.path.join(tmp, "story.json")):
    st = load("story.json")
    m = [e for e in st if e["canonical"] == "Angela Merkel"]
    check("entity_cli_story_links", len(m) == 1 and "Merkel" in m[0]["aliases"])
else:
    print("skip entity_cli_story_links: ingest assigned no story")
PY

# other languages: weekday and month words opening a sentence are dates, not
# names; names lose their articles ("La Syrie" -> Syria, a place). One text
# per language: a document is read in one language (its own words decide)
printf '%s\n' "PARIS, 12 mars 2012 - Dimanche, les électeurs ont voté en Syrie." \
    "Mardi dernier, La Syrie a rejeté les accusations de l'ONU." > "$TMP/ml.txt"
printf '%s\n' "Sâmbătă, 5 martie, poliția a arestat zece persoane la București." > "$TMP/ml-ro.txt"
chr tag --json "$TMP/ml.txt" > "$TMP/ml.json" 2>/dev/null
chr tag --json "$TMP/ml-ro.txt" > "$TMP/ml-ro.json" 2>/dev/null
"$PY" - "$TMP/ml.json" "$TMP/ml-ro.json" <<'PY'
import json, sys
ents = []
for path in sys.argv[1:]:
    d = json.load(open(path))
    ents += [(m["text"], m["type"], m.get("canonical")) for m in d["entities"]]
bad = [e for e in ents if e[0] in ("Dimanche", "Mardi", "Sâmbătă", "La", "La Syrie")]
print(("ok" if not bad and ents else "not ok") + " entity_cli_other_languages_no_date_names" + ("" if not bad else " " + repr(bad)))
syria = [e for e in ents if e[0] == "Syrie"]
print(("ok" if syria and syria[0][1] == "LOC" else "not ok") + " entity_cli_other_languages_places " + repr(syria))
PY

# country names in Romanian, Catalan and Spanish are places with their
# country; ordinary words that are also small places ("la Constitución",
# "el Norte") are linked to no country
printf '%s\n' "Franța și Ungaria au semnat joi un acord cu Republica Moldova la București." \
    "El Govern d'Espanya i el d'Alemanya van signar dimarts l'acord a Brussel·les." \
    "Argelia y Bahréin rechazaron la reforma de la Constitución, dijo el Gobierno del Norte." \
    > "$TMP/rc.txt"
chr tag --json "$TMP/rc.txt" > "$TMP/rc.json" 2>/dev/null
"$PY" - "$TMP/rc.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
el = d["entity_list"]
got = {m["text"]: (m["type"], el[m["entity"]]["country"]) for m in d["entities"]}
want = {"Franța": "FR", "Ungaria": "HU", "Republica Moldova": "MD", "Espanya": "ES",
        "Alemanya": "DE", "Argelia": "DZ", "Bahréin": "BH"}
bad = {t: got.get(t) for t, cc in want.items() if got.get(t) != ("LOC", cc)}
print(("ok" if not bad else "not ok") + " entity_cli_romance_countries" + ("" if not bad else " " + repr(bad)))
words = {t: got[t] for t in ("Constitución", "Norte") if t in got and got[t][1]}
print(("ok" if not words else "not ok") + " entity_cli_common_words_unlinked" + ("" if not words else " " + repr(words)))
PY

# one row per name: a name stored under two types (articles that typed it
# differently) is listed once, with the type most of its mentions have
"$PY" - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
eid, = db.execute("SELECT id FROM entities WHERE canonical = 'Berlin' AND type = 'LOC'").fetchone()
aid, = db.execute("SELECT min(id) FROM articles").fetchone()
db.execute("INSERT INTO entities(canonical, type, mentions) VALUES('Berlin', 'PER', 1)")
pid = db.execute("SELECT id FROM entities WHERE canonical = 'Berlin' AND type = 'PER'").fetchone()[0]
db.execute("INSERT INTO mentions(article_id, start, end, sentence, entity_id, type) VALUES(?, 999999, 1000005, 0, ?, 'PER')", (aid, pid))
db.commit()
PY
chr --db "$DB" entities --json >"$TMP/one.json" 2>/dev/null
check_eq entity_cli_one_row_per_name "$("$PY" -c 'import json,sys; r=[e for e in json.load(open(sys.argv[1])) if e["canonical"]=="Berlin"]; print(len(r), r[0]["type"] if r else "")' "$TMP/one.json")" "1 LOC"

# a story's top entities: one person however its articles wrote the name
mkdir -p "$TMP/lk"
printf 'DAMASCUS, March 3 (Reuters) - Syrian President Bashar al-Assad visited the port city of Latakia on Monday and met army commanders there.\n\nAssad said the army would retake the north.\n' >"$TMP/lk/a.txt"
printf 'DAMASCUS, March 4 (Reuters) - President Bashar al Assad promised on Tuesday in Latakia that the army would retake the north of Syria.\n' >"$TMP/lk/b.txt"
printf 'DAMASCUS, March 5 (Reuters) - Assad returned from Latakia to Damascus on Wednesday after meeting the army commanders of the north.\n' >"$TMP/lk/c.txt"
chr --db "$TMP/lk.db" --quiet ingest "$TMP/lk" >/dev/null 2>&1
check_eq entity_story_names_linked "$(chr --db "$TMP/lk.db" stories --json | "$PY" -c '
import json,sys
s=json.load(sys.stdin)
print(len(s), sum(1 for e in s[0]["entities"] if "Assad" in e), "Bashar al-Assad" in s[0]["entities"])')" "1 1 True"

# tag's columns line up after names with accents (cells, not bytes)
check_eq tag_columns_by_display_width "$(printf 'Pedro Sánchez met Xi Jinping in Beijing.\n' | chr tag --ref 2024-01-01 - | "$PY" -c '
import sys
cols = set(len(l) - len(l.rstrip().split("  ")[-1].lstrip()) for l in sys.stdin.read().splitlines() if l.startswith("       PER"))
print(len(cols))')" "1"

# --type takes any case
check_eq entities_type_any_case "$(chr --db "$DB" entities --type loc --json 2>/dev/null | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print(len(r) > 0 and all(e["type"] == "LOC" for e in r))')" "True"

# one person written with and without accents is one entity everywhere: the
# entities table, and the story's list, in the spelling the table has now
# (the accented one, stored second)
DB2="$TMP/spell.db"
chr --db "$DB2" --quiet ingest tests/data/entity/saleh_spellings.jsonl >/dev/null 2>&1
check_eq entity_cli_spellings_one_row \
    "$(chr --db "$DB2" entities --json --type PER | /usr/bin/env python3 -c 'import json,sys; print([e["canonical"] for e in json.load(sys.stdin)])')" \
    "['Alí Abdalá Saleh']"
check_eq entity_cli_spellings_story \
    "$(chr --db "$DB2" stories --json | /usr/bin/env python3 -c 'import json,sys; print([n for s in json.load(sys.stdin) for n in s["entities"] if "Saleh" in n])')" \
    "['Alí Abdalá Saleh']"
