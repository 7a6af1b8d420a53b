#!/usr/bin/env bash
# End-to-end: an entry's date is the one its sources give at the finest
# granularity, as many of them as possible (src/timeline_read.c,
# entry_date); with as many sources for a run of days ("entre 30 e 31 de
# agosto") as for one day inside it ("amanhã", told on the 30th), the day
# is the finer word and dates the entry; a run alone stays the run's start;
# with as many sources for two days, the weightier mentions (a date written
# out and recalled) date it.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
cat > "$TMP/r.jsonl" <<'J'
{"id": "pauta", "date": "2016-08-25", "lang": "pt", "text": "Começou nesta quinta-feira no Senado o julgamento final de Dilma Rousseff.\nA votação final deve ocorrer entre 30 e 31 de agosto."}
{"id": "lusa", "date": "2016-08-30", "lang": "pt", "text": "Dilma Rousseff defendeu-se ontem no Senado durante mais de 14 horas.\nA votação final deverá acontecer amanhã."}
J
chr --db "$TMP/r.db" --quiet ingest "$TMP/r.jsonl" >/dev/null 2>&1
check_eq "ingest exits 0" "$?" 0
where() { # ARTICLE EXPRESSION -> the dates of the entries it sources
    chr --db "$TMP/r.db" timeline --all --json |
        "$PY" -c 'import json,sys; print(" ".join(sorted(e["date"] for e in json.load(sys.stdin) for s in e["sources"] if s["article"] == sys.argv[1] and s["expression"] == sys.argv[2])))' "$1" "$2"
}
check_eq "a day inside a run of days, as many sources: the day dates the entry" \
    "$(where lusa amanhã)" 2016-08-31
check_eq "the run's source joins the day's entry" "$(where pauta '30 e 31 de agosto')" 2016-08-31
head -1 "$TMP/r.jsonl" > "$TMP/s.jsonl"
chr --db "$TMP/s.db" --quiet ingest "$TMP/s.jsonl" >/dev/null 2>&1
check_eq "a run of days alone dates its entry by its start" \
    "$(chr --db "$TMP/s.db" timeline --all --json | "$PY" -c 'import json,sys; print(" ".join(e["date"] for e in json.load(sys.stdin) if any(s["expression"] == "30 e 31 de agosto" for s in e["sources"])))')" \
    2016-08-30
# two outlets disagree, one source each: the date written out and recalled
# ("le 26 janvier", two days on) weighs more than a weekday ("mardi")
cat > "$TMP/w.jsonl" <<'J'
{"id": "a", "date": "2011-01-28", "lang": "fr", "source": "Le Monde", "text": "Les manifestants ont envahi la place Tahrir le 26 janvier pour exiger le départ de Hosni Moubarak."}
{"id": "b", "date": "2011-01-28", "lang": "fr", "source": "RFI", "text": "Les manifestants ont envahi la place Tahrir mardi pour exiger le départ de Hosni Moubarak."}
J
chr --db "$TMP/w.db" --quiet ingest "$TMP/w.jsonl" >/dev/null 2>&1
check_eq "sources disagree one to one: the written date dates the entry, the other is its conflict" \
    "$(chr --db "$TMP/w.db" timeline --all --json | "$PY" -c 'import json,sys; print(" | ".join("%s %s" % (e["date"], e.get("conflict")) for e in json.load(sys.stdin)))')" \
    "2011-01-26 1 source gives 2011-01-25, not 2011-01-26"
