# chronicle — helpers for the serve tests (sourced by tests/e2e/serve_*.sh
# after lib.sh): start `chronicle serve` on a free loopback port, stop it,
# and call it with curl. Defines functions only; runs no check by itself.

SERVE_PIDS=""
trap 'serve_kill_all; rm -rf "$TMP"' EXIT

serve_kill_all() {
    local p
    for p in $SERVE_PIDS; do kill -TERM "$p" 2>/dev/null; done
    for p in $SERVE_PIDS; do wait "$p" 2>/dev/null; done
    SERVE_PIDS=""
}

# serve_examples_db DB: a database of examples/ without its wire file
# (examples/wire.jsonl), which the tests ingest while the server runs.
serve_examples_db() {
    mkdir -p "$TMP/ex"
    cp examples/*.txt "$TMP/ex/"
    chr --db "$1" --quiet ingest "$TMP/ex" >/dev/null 2>&1
    check "examples ingested" test -s "$1"
}

# serve_start DB [ARGS...]: start the server with port 0 and read the
# address it prints; sets SERVE_PID, BASE (http://127.0.0.1:PORT), SERVE_LOG.
serve_start() {
    local db=$1
    shift
    SERVE_LOG="$TMP/serve.$RANDOM.log"
    "$CHR_BIN" --db "$db" serve --listen 127.0.0.1:0 "$@" 2>"$SERVE_LOG" &
    SERVE_PID=$!
    SERVE_PIDS="$SERVE_PIDS $SERVE_PID"
    BASE=""
    local i
    for i in $(seq 1 300); do
        BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$SERVE_LOG" | head -n 1)
        [ -n "$BASE" ] && return 0
        kill -0 "$SERVE_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "server did not start:" >&2
    cat "$SERVE_LOG" >&2
    return 1
}

# serve_stop: SIGTERM, wait; returns the server's exit status.
serve_stop() {
    kill -TERM "$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID"
    local rc=$?
    SERVE_PIDS=$(echo "$SERVE_PIDS" | tr ' ' '\n' | grep -vx "$SERVE_PID" | tr '\n' ' ')
    return $rc
}

# http METHOD PATH [CURL-ARGS...]: body to $TMP/body, headers to
# $TMP/headers, prints the status code.
http() {
    local m=$1 p=$2
    shift 2
    curl -s -g --path-as-is -X "$m" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' \
        --max-time 30 "$@" "$BASE$p"
}
get() { http GET "$@"; }

# jq-like: jget EXPR, with the last body as `d` (a Python expression).
jget() {
    "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$TMP/body"
}
