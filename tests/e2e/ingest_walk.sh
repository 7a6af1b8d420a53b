#!/usr/bin/env bash
# End-to-end: walking folders. Inside a folder only regular files are read
# (a named pipe would block the ingest forever), and a folder reached again
# through a symbolic link (a loop up the tree, or a second name) is read
# once: both with a one-line warning, the rest of the folder ingested.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
D="$TMP/in"
mkdir -p "$D/sub"
printf ' date 2024-03-01 The council of Orne met on Friday and approved the new flood barrier for the river.\n' > "$D/a.txt"
printf ' date 2024-03-02 Engineers in Orne began work on the flood barrier on Saturday after the council vote.\n' > "$D/sub/b.txt"
mkfifo "$D/pipe.txt"
ln -s . "$D/self"
ln -s .. "$D/sub/up"
ln -s sub "$D/alias"
timeout 60 "$CHR_BIN" --db "$TMP/w.db" ingest "$D" > "$TMP/out" 2> "$TMP/err"
check_eq "a folder with a pipe and symbolic link loops is ingested (exit 0, no hang)" "$?" 0
n=$(chr --db "$TMP/w.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "each article once" "$n" 2
check "the pipe is reported, by name" grep -q "pipe.txt: not a regular file" "$TMP/err"
check "a folder read again is reported" grep -q "a folder already read" "$TMP/err"
check_eq "every warning is one line naming a path" \
    "$(grep -c "warning: $D/" "$TMP/err")" "$(grep -c "warning" "$TMP/err")"
# a pipe named on the command line is read: "ingest <(zcat a.gz)"
timeout 60 "$CHR_BIN" --db "$TMP/p.db" --quiet ingest <(cat "$D/a.txt") > /dev/null 2>&1
n=$(chr --db "$TMP/p.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "a pipe given as the path is read" "$n" 1

# a database kept in the folder it reads is not read, nor its companion
# files (-wal, -shm, -journal, chronicle's -lock), whatever its extension
F="$TMP/keep"
mkdir -p "$F"
printf '{"id":"k1","text":"The council of Orne voted on Monday to rebuild the old flood barrier.","date":"2024-03-04"}\n' > "$F/a.jsonl"
chr --db "$F/news.sqlite" --quiet ingest "$F" >/dev/null 2>&1
touch "$F/news.sqlite-journal"
chr --db "$F/news.sqlite" ingest "$F" > /dev/null 2> "$TMP/keep.err"
check_eq "a database and its companions in the folder read are skipped" "$? $(grep -c "error:" "$TMP/keep.err")" "0 0"

# each file is read once: what the prescan (for the sites' furniture) read
# and cleaned is kept for the ingest, a file changed in between read again
R="$TMP/once"
mkdir -p "$R"
printf '{"id":"o1","text":"The council of Orne voted on Monday to rebuild the old flood barrier."}\n{"id":"o2","text":"Engineers in Orne began work on the barrier on Tuesday."}\n' > "$R/a.jsonl"
printf ' date 2024-03-01 The mayor of Orne thanked the engineers on Wednesday.\n' > "$R/b.txt"
if strace -o /dev/null true 2>/dev/null; then
    strace -f -e trace=open,openat -o "$TMP/once.trace" "$CHR_BIN" --db "$TMP/once.db" --quiet \
        ingest "$R" > /dev/null 2>&1
    check_eq "each file of a folder is opened once" \
        "$(grep -c "$R/a.jsonl\"" "$TMP/once.trace") $(grep -c "$R/b.txt\"" "$TMP/once.trace")" "1 1"
    n=$(chr --db "$TMP/once.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
    check_eq "each file of a folder is opened once: all stored" "$n" 3
else
    skip "each file of a folder is opened once" "strace cannot run here"
fi
