#!/usr/bin/env bash
# End-to-end: Italian, Portuguese and Catalan news (tests/data/romance/, one
# invented story, a dockworkers' strike in "Lunara", told by articles a few
# days apart): each article's language is identified, and the dates its
# sentences state relative to its publication day ("lunedì", "ieri", "tre
# giorni fa", "na próxima quinta-feira", "fa deu dies", "el dilluns que ve")
# land on the right days of the timeline; lengths of time ("da due
# settimane", "há meses", "des de fa dues setmanes") date nothing.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
FIX=tests/data/romance
for lang in it pt ca; do
    case $lang in
    it) files="$FIX/lunara_it.jsonl" ;;
    pt) files="$FIX/lunara_pt.jsonl" ;;
    ca) files="$FIX/lunara_ca.jsonl" ;;
    esac
    DB="$TMP/$lang.db"
    chr --db "$DB" --quiet ingest $files > /dev/null 2> "$TMP/$lang.err"
    check_eq "romance $lang: ingest exits 0" "$?" 0
    chr --db "$DB" ls --json > "$TMP/$lang.ls.json"
    chr --db "$DB" timeline --all --json > "$TMP/$lang.tl.json"
    check_eq "romance $lang: timeline --all --json exits 0" "$?" 0
    "$PY" - "$lang" "$TMP/$lang.ls.json" "$TMP/$lang.tl.json" <<'EOF'
import json, sys
lang, ls, tl = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
def need(label, ok):
    print(("ok " if ok else "not ok ") + "romance %s: %s" % (lang, label))
# (day, article, date expression): an entry on that day cites that article
# with that expression
WANT = {
    "it": [("2024-02-28", "lunara-1", "28 febbraio"),
           ("2024-03-04", "lunara-1", "Lunedì"),
           ("2024-03-04", "lunara-4", "4 marzo"),
           ("2024-03-05", "lunara-2", "Tre giorni fa"),
           ("2024-03-07", "lunara-1", "giovedì prossimo"),
           ("2024-03-07", "lunara-2", "Ieri"),
           ("2024-03-12", "lunara-2", "martedì 12 marzo"),
           ("2024-03-12", "lunara-3", "Ieri"),
           ("2024-03-20", "lunara-4", "Mercoledì sera"),
           ("2024-03-25", "lunara-4", "lunedì"),
           ("2024-04-15", "lunara-5", "15 aprile")],
    "pt": [("2024-02-28", "lunara-pt-1", "dia 28 de fevereiro"),
           ("2024-03-04", "lunara-pt-1", "segunda-feira"),
           ("2024-03-07", "lunara-pt-1", "próxima quinta-feira"),
           ("2024-03-20", "lunara-pt-2", "quarta-feira à noite"),
           ("2024-03-25", "lunara-pt-2", "próxima segunda-feira")],
    "ca": [("2024-02-28", "lunara-ca-1", "28 de febrer"),
           ("2024-03-04", "lunara-ca-1", "dilluns"),
           ("2024-03-07", "lunara-ca-1", "dijous vinent"),
           ("2024-03-12", "lunara-ca-2", "Fa deu dies"),
           ("2024-03-20", "lunara-ca-2", "Dimecres a la nit"),
           ("2024-03-25", "lunara-ca-2", "el dilluns que ve")],
}[lang]
need("every article is identified as %s" % lang,
     len(ls) > 0 and all(a.get("lang") == lang for a in ls))
cited = {}
for e in tl:
    for s in e["sources"]:
        cited.setdefault((s["article"], s["expression"]), set()).add(e["date"])
for day, art, expr in WANT:
    got = cited.get((art, expr), set())
    need("%s '%s' on %s" % (art, expr, day), day in got)
    if day not in got:
        print("  %s '%s' cited on %s" % (art, expr, sorted(got) or "no day"), file=sys.stderr)
# durations date nothing
LENGTHS = {"it": "settimane", "pt": "meses", "ca": "setmanes"}[lang]
need("no entry dated by a length of time ('%s')" % LENGTHS,
     not any(LENGTHS in expr for (_, expr) in cited))
EOF
done
