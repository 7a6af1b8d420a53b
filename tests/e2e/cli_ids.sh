#!/usr/bin/env bash
# End-to-end: the ID arguments of show, story, timeline, summary and
# entities --story (docs/cli.md). An ID that is well formed but stored
# nowhere (0 included) is "not found", exit 1, for every command; one that
# is no ID at all ("abc", "-1", "1.5", past 64 bits) is a usage error, exit 2
# (show takes an input's id too: "abc" and "-1" are looked up there).
# And `summary --json` has one shape whatever the budget or the story.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
mkdir -p "$TMP/in"
printf ' date 2024-03-01\nOrne council approves flood barrier\n\nThe council of Orne voted on Friday to build a new flood barrier on the river before the winter storms, the mayor said.\n\nWork on the river bank will begin in the spring, officials said.\n' > "$TMP/in/a.txt"
printf ' date 2024-03-02\nOrne flood barrier to cost 40 million\n\nThe new flood barrier that the council of Orne approved on Friday will cost 40 million euros, the mayor said on Saturday.\n\nWork on the river bank will begin in the spring.\n' > "$TMP/in/b.txt"
printf '{"id":"w-1","date":"2024-03-02","text":"The flood barrier of Orne will be built by a local firm, the council of Orne said on Saturday."}\n' > "$TMP/in/c.jsonl"
DB="$TMP/c.db"
chr --db "$DB" --quiet ingest "$TMP/in" >/dev/null 2>&1
story=$(chr --db "$DB" stories --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")

# exit code of one command, its stderr kept in $TMP/err
code() { chr --db "$DB" "$@" >/dev/null 2>"$TMP/err"; echo $?; }
for cmd in show story timeline summary "entities --story"; do
    # shellcheck disable=SC2086
    check_eq "$cmd 0: not found (exit 1)" "$(code $cmd 0)" 1
    # shellcheck disable=SC2086
    check_eq "$cmd 999999: not found (exit 1)" "$(code $cmd 999999)" 1
    check "$cmd 999999: the message says what is missing" grep -q "no .* '*999999'* in $DB" "$TMP/err"
    for bad in -1 ""; do
        [ "$cmd" = show ] && [ "$bad" = -1 ] && continue # an input's id may be -1
        # shellcheck disable=SC2086
        check_eq "$cmd '$bad': usage error (exit 2)" "$(code $cmd "$bad")" 2
        check "$cmd '$bad': the message names the bad ID" grep -q "'$bad' is not a.* ID" "$TMP/err"
    done
done
check_eq "show -1: no such input id (exit 1)" "$(code show -1)" 1
for cmd in story timeline summary "entities --story"; do
    for bad in abc 1.5 99999999999999999999; do
        # shellcheck disable=SC2086
        check_eq "$cmd $bad: usage error (exit 2)" "$(code $cmd $bad)" 2
        check "$cmd $bad: the message names the bad ID" grep -q "'$bad' is not a story ID" "$TMP/err"
    done
done
check_eq "story ID: found (exit 0)" "$(code story "$story")" 0
check_eq "timeline ID: found (exit 0)" "$(code timeline "$story")" 0
# show takes an input's id, a source or a hash too: a word is looked up
check_eq "show abc: no such input id (exit 1)" "$(code show abc)" 1
check_eq "show w-1: an input's id is found" "$(code show w-1)" 0
check_eq "timeline --all still reads the whole database" "$(code timeline --all)" 0

# summary: the same shape for a budget that no sentence fits and for an
# empty story (headline null only when there is nothing to head)
chr --db "$DB" summary "$story" --words 1 --json > "$TMP/s1.json" 2>/dev/null
check_eq "summary --words 1 --json exits 0" "$?" 0
check_eq "summary --words 1 --json: headline, empty summary and sentences" \
    "$("$PY" -c "import json,sys; s=json.load(open(sys.argv[1])); print(sorted(s), type(s['headline']).__name__, bool(s['headline']), repr(s['summary']), s['sentences'])" "$TMP/s1.json")" \
    "['headline', 'sentences', 'summary'] str True '' []"
h100=$(chr --db "$DB" summary "$story" --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)['headline'])")
check_eq "its headline is the story's (as with the default budget)" \
    "$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['headline'])" "$TMP/s1.json")" "$h100"
chr --db "$DB" summary "$story" --words 1 > "$TMP/s1.txt" 2> "$TMP/s1.err"
check "summary --words 1 says on stderr why it is empty" grep -q "no whole sentence fits in 1 word" "$TMP/s1.err"
check_eq "and prints the headline alone" "$(cat "$TMP/s1.txt")" "$h100"
printf '\n' > "$TMP/empty.txt"
chr --db "$TMP/e.db" --quiet ingest "$TMP/empty.txt" >/dev/null 2>&1
check_eq "summary --all --json of an empty database: headline null" \
    "$(chr --db "$TMP/e.db" summary --all --json | "$PY" -c "import json,sys; s=json.load(sys.stdin); print(s)")" \
    "{'headline': None, 'summary': '', 'sentences': []}"
