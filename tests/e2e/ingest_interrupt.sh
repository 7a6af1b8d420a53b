#!/usr/bin/env bash
# End-to-end: SIGINT and SIGTERM stop an ingest cleanly (docs/ingest.md). A
# live JSON Lines feed on a pipe is stopped while it waits: every record
# received whole is stored (a record half sent is not), one line says so,
# exit 130 (SIGINT) or 143 (SIGTERM). Running the same ingest again stores
# the rest and nothing twice. No timing guesses: each signal is sent once
# the database shows the records fed so far.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
# a shell without job control starts background jobs with SIGINT ignored
# (and chronicle leaves an ignored signal ignored): give them their own
set -m
rec() {
    printf '{"id":"r%d","date":"2024-03-%02d","text":"Record %d. The council of Orne met on day %d of the session and approved item %d of the budget for the flood barrier, the mayor said."}\n' \
        "$1" "$1" "$1" "$1" "$1"
}
count() { chr --db "$1" ls --json 2>/dev/null | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null; }
# the ids stored, sorted, and whether any is there twice
ids() { chr --db "$1" ls --json | "$PY" -c 'import json,sys; a=[x["ext_id"] for x in json.load(sys.stdin)]; print(" ".join(sorted(a, key=lambda s: int(s[1:]))), "dups" if len(set(a)) < len(a) else "unique")'; }
# alive PID: the process runs still
alive() { kill -0 "$1" 2>/dev/null; }
# new_db DB: an empty database, created (and its schema written) before
# the ingest under test starts, so that the probes of the test only read it
new_db() { chr --db "$1" --quiet ingest --recluster; }
# stop_at DB K SIG [COMMAND...]: once DB shows K articles, run COMMAND, send
# SIG to the ingest ($pid) and set rc to its exit code; "timeout" when either
# takes over 60 s (sanitizer builds are slow), the process then killed
stop_at() {
    local db=$1 k=$2 sig=$3 end=$((SECONDS + 60))
    shift 3
    while [ "$(count "$db")" != "$k" ] && alive "$pid" && [ "$SECONDS" -lt "$end" ]; do
        sleep 0.1
    done
    if [ "$(count "$db")" = "$k" ] && alive "$pid"; then
        "$@"
        kill "-$sig" "$pid"
        end=$((SECONDS + 60))
        while alive "$pid" && [ "$SECONDS" -lt "$end" ]; do
            sleep 0.1
        done
    fi
    if alive "$pid"; then
        kill -KILL "$pid"
        wait "$pid"
        rc=timeout
    else
        wait "$pid"
        rc=$?
    fi
}
# start NAME [PATH...]: an ingest into the new database $TMP/NAME.db of
# PATH... then the pipe $TMP/NAME.pipe (of the pipe alone, as standard
# input, without PATH), in the background ($pid, stderr in $TMP/NAME.err);
# the pipe is open read-write on fd 3 (so that no open waits for its other
# end: a test that cannot hang)
start() {
    local name=$1
    shift
    mkfifo "$TMP/$name.pipe"
    new_db "$TMP/$name.db"
    if [ $# -eq 0 ]; then
        "$CHR_BIN" --db "$TMP/$name.db" ingest - < "$TMP/$name.pipe" > /dev/null 2> "$TMP/$name.err" &
    else
        "$CHR_BIN" --db "$TMP/$name.db" ingest "$@" "$TMP/$name.pipe" > /dev/null 2> "$TMP/$name.err" &
    fi
    pid=$!
    exec 3<> "$TMP/$name.pipe"
}
for i in $(seq 1 40); do rec "$i"; done > "$TMP/all.jsonl"
ALL="$(seq -f 'r%g' 1 40 | tr '\n' ' ')unique"

# 1. SIGINT while a feed on standard input waits for its next record
start a
head -n 4 "$TMP/all.jsonl" >&3
half_record() {
    printf '{"id":"r5","text":"Record 5, cut off in the mid' >&3
    sleep 0.2
}
stop_at "$TMP/a.db" 4 INT half_record
exec 3>&-
check_eq "SIGINT: exit 130" "$rc" 130
check_eq "SIGINT: one line says what was kept" "$(cat "$TMP/a.err")" \
    "chronicle: interrupted (SIGINT): 4 new articles stored, re-run to continue"
check_eq "SIGINT: the records received whole are stored, the half one is not" \
    "$(ids "$TMP/a.db")" "r1 r2 r3 r4 unique"
chr --db "$TMP/a.db" ingest - < "$TMP/all.jsonl" > /dev/null 2> "$TMP/a2.err"
check_eq "re-run after SIGINT: exit 0" "$?" 0
check "re-run after SIGINT: the rest is new, the rest already stored" \
    grep -q "ingested 40 articles from 1 file: 36 new, 4 already stored, 0 errors" "$TMP/a2.err"
check_eq "re-run after SIGINT: every record once" "$(ids "$TMP/a.db")" "$ALL"

# 2. SIGINT in the middle of a burst: what is stored is what the line says
start b
head -n 1 "$TMP/all.jsonl" >&3
burst() { tail -n +2 "$TMP/all.jsonl" >&3; }
stop_at "$TMP/b.db" 1 INT burst
exec 3>&-
n=$(count "$TMP/b.db")
check_eq "SIGINT in a burst: exit 130" "$rc" 130
check_eq "SIGINT in a burst: the line counts what the database holds" \
    "$(sed -n 's/^chronicle: interrupted (SIGINT): \([0-9]*\) new articles\{0,1\} stored, re-run to continue$/\1/p' "$TMP/b.err")" "$n"
chr --db "$TMP/b.db" ingest "$TMP/all.jsonl" > /dev/null 2>&1
check_eq "re-run after a burst: every record once" "$(ids "$TMP/b.db")" "$ALL"

# 3. SIGTERM while a folder is read, then a feed (a named pipe given as a path)
mkdir "$TMP/dir"
head -n 10 "$TMP/all.jsonl" > "$TMP/dir/a.jsonl"
sed -n 11,20p "$TMP/all.jsonl" > "$TMP/dir/b.jsonl"
sed -n 21,40p "$TMP/all.jsonl" > "$TMP/rest.jsonl"
start c "$TMP/dir"
head -n 3 "$TMP/rest.jsonl" >&3
stop_at "$TMP/c.db" 23 TERM
exec 3>&-
check_eq "SIGTERM: exit 143" "$rc" 143
check_eq "SIGTERM: one line says what was kept" "$(cat "$TMP/c.err")" \
    "chronicle: interrupted (SIGTERM): 23 new articles stored, re-run to continue"
chr --db "$TMP/c.db" ingest "$TMP/dir" "$TMP/rest.jsonl" > /dev/null 2> "$TMP/c2.err"
check_eq "re-run after SIGTERM: exit 0" "$?" 0
check "re-run after SIGTERM: only the rest is new" \
    grep -q "ingested 40 articles from 3 files: 17 new, 23 already stored, 0 errors" "$TMP/c2.err"
check_eq "re-run after SIGTERM: every record once" "$(ids "$TMP/c.db")" "$ALL"
