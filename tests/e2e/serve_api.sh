#!/usr/bin/env bash
# End-to-end tests of `chronicle serve` over real HTTP on loopback: every
# endpoint on a database built from examples/, pagination, search, the
# error paths and limits (400/403/404/405/413/414/431), static files and
# traversal, metrics, POST ingest, and a concurrent `chronicle ingest`
# showing up without a restart.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
. tests/e2e/serve_lib.sh

if ! command -v curl >/dev/null; then
    skip "serve api" "curl is not installed"
    exit 0
fi

DB="$TMP/ex.db"
serve_examples_db "$DB"

serve_start "$DB" --threads 2
check "server starts on a free port" test -n "$BASE"
grep -q 'POST /api/articles allowed' "$SERVE_LOG"
check "ingest off by default" test $? -ne 0

# --- health and metrics
check_eq "healthz 200" "$(get /healthz)" 200
check_eq "healthz ok" "$(jget 'd["status"]')" ok
grep -qi '^content-type: application/json' "$TMP/headers"; check "json content type" test $? -eq 0
grep -qi '^access-control-allow-origin' "$TMP/headers"; check "no CORS header" test $? -ne 0

# --- search (FTS5 over clean text, diacritics folded)
check_eq "search 200" "$(get '/api/search?q=kovac')" 200
n=$(jget 'len(d["results"])')
check "search finds the visit articles" test "$n" -ge 5
check_eq "search snippet marks the match" "$(jget 'all("\u0002" in r["snippet"] for r in d["results"])')" True
check_eq "phrase search" "$(get '/api/search?q=%22state+visit%22&limit=100')" 200
check "phrase search hits" test "$(jget 'len(d["results"])')" -ge 1
get '/api/search?q=kovac&limit=2' >/dev/null
c=$(jget 'd["next_cursor"]'); first=$(jget '[r["id"] for r in d["results"]]')
check_eq "search pages of 2" "$(jget 'len(d["results"])')" 2
get "/api/search?q=kovac&limit=2&cursor=$c" >/dev/null
second=$(jget '[r["id"] for r in d["results"]]')
check "search next page differs" test "$first" != "$second"
check_eq "search nothing found" "$(get '/api/search?q=zzyzzxqq')" 200
check_eq "search empty result" "$(jget 'len(d["results"])')" 0
check_eq "search syntax is not an error" "$(get '/api/search?q=%22unbalanced+AND+(OR')" 200
check_eq "search without q 400" "$(get '/api/search')" 400
check_eq "error body is JSON" "$(jget 'd["error"]["status"]')" 400
check_eq "search only punctuation 400" "$(get '/api/search?q=%2A%2A%22')" 400

# --- articles
get '/api/search?q=kovac' >/dev/null
id=$(jget 'd["results"][0]["id"]')
check_eq "article 200" "$(get "/api/articles/$id")" 200
check_eq "article fields" "$(jget 'all(k in d for k in ("id","title","outlet","pub_date","source","sentences","dates","entities","text","story"))')" True
check_eq "article sentences are its text" "$(jget 'all(s["text"] in d["text"] for s in d["sentences"]) and len(d["sentences"]) > 1')" True
check_eq "article dates carry their text" "$(jget 'all(x["text"] and x["value"] for x in d["dates"])')" True
check_eq "article 404" "$(get /api/articles/999999)" 404
check_eq "article bad id 400" "$(get /api/articles/abc)" 400
check_eq "article negative id 400" "$(get /api/articles/-3)" 400

# --- stories (when the pipeline assigns them)
check_eq "stories 200" "$(get /api/stories)" 200
nst=$(jget 'len(d["stories"])')
if [ "$nst" -gt 0 ]; then
    check_eq "stories newest first" "$(jget '[s["last"] or "" for s in d["stories"]] == sorted([s["last"] or "" for s in d["stories"]], reverse=True) or None in [s["last"] for s in d["stories"]]')" True
    get '/api/stories?limit=100' >/dev/null
    all=$(jget '[s["id"] for s in d["stories"]]')
    # page through two at a time: the same stories, same order, no repeats
    seen="[]"; cur=""
    for i in $(seq 1 50); do
        if [ -n "$cur" ]; then get "/api/stories?limit=2&cursor=$cur" >/dev/null; else get '/api/stories?limit=2' >/dev/null; fi
        seen=$("$PY" -c 'import json,sys; a=json.loads(sys.argv[1]); d=json.load(open(sys.argv[2])); print(json.dumps(a+[s["id"] for s in d["stories"]]))' "$seen" "$TMP/body")
        cur=$(jget 'd["next_cursor"] or ""')
        [ -z "$cur" ] && break
    done
    check_eq "cursor pagination covers every story once" "$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1]))' "$seen")" "$all"
    # the largest story the words find (the visit)
    sid=$(get '/api/stories?q=kovac' >/dev/null; jget 'max(d["stories"], key=lambda s: s["size"])["id"]')
    check "story search finds the visit" test -n "$sid"
    check_eq "story 200" "$(get "/api/stories/$sid")" 200
    # titles as `chronicle stories` gives them (the API shortens long ones with "…")
    same_titles='import json,sys
api = {s["id"]: s["title"] for s in json.load(open(sys.argv[1])).get("stories", [])}
cli = {s["id"]: s["title"] for s in json.load(sys.stdin)}
print(all(cli.get(i, "").startswith(t.rstrip("\u2026")) for i, t in api.items()) and len(api) > 0)'
    check_eq "story list titles as the CLI gives them" "$(get '/api/stories?limit=100' >/dev/null; "$CHR_BIN" --db "$DB" stories --json | "$PY" -c "$same_titles" "$TMP/body")" True
    get "/api/stories/$sid" >/dev/null
    check_eq "story title as the CLI gives it" "$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({"stories": [{"id": d["id"], "title": d["title"]}]}))' "$TMP/body" >"$TMP/one.json"; "$CHR_BIN" --db "$DB" stories --json | "$PY" -c "$same_titles" "$TMP/one.json")" True
    get "/api/stories/$sid" >/dev/null
    check_eq "story has articles, entities" "$(jget 'len(d["articles"]) >= 2 and "entities" in d')" True
    check_eq "story entities typed" "$(jget 'any(e["type"] == "PER" and "Kova" in e["name"] for e in d["entities"])')" True
    check_eq "story duplicates folded" "$(jget 'sum(1 + len(a["duplicates"]) for a in d["articles"]) == d["size"]')" True
    eid=$(jget '[e["id"] for e in d["entities"] if "Kova" in e["name"]][0]')
    check_eq "entity 200" "$(get "/api/entities/$eid")" 200
    check_eq "entity has stories and articles" "$(jget 'len(d["stories"]) >= 1 and len(d["articles"]) >= 2 and "Kova" in d["name"]')" True
    # each story with the title and size the story list gives it (the page
    # lists them by title without fetching every story)
    get "/api/entities/$eid" >/dev/null; cp "$TMP/body" "$TMP/entity.json"
    get '/api/stories?limit=100' >/dev/null
    check_eq "entity stories carry the list's title and size" "$("$PY" -c '
import json, sys
e = json.load(open(sys.argv[1])); cards = {s["id"]: s for s in json.load(open(sys.argv[2]))["stories"]}
print(all(s["title"] == cards[s["id"]]["title"] and s["size"] == cards[s["id"]]["size"]
          and s["first"] == cards[s["id"]]["first"] and s["articles"] <= s["size"] for s in e["stories"]))' "$TMP/entity.json" "$TMP/body")" True
    check_eq "date filter excludes" "$(get '/api/stories?from=2030-01-01' >/dev/null; jget 'len(d["stories"])')" 0
    check_eq "date filter includes" "$(get '/api/stories?from=2025-03&to=2025-03' >/dev/null; jget 'len(d["stories"]) >= 1 and all(s["first"] <= "2025-03-31" and s["last"] >= "2025-03-01" for s in d["stories"])')" True
    if [ "$(get "/api/stories/$sid" >/dev/null; jget '"timeline" in d')" = True ]; then
        check_eq "story timeline entries" "$(jget 'len(d["timeline"]) >= 1 and all("date" in e and "sources" in e and "support" in e for e in d["timeline"])')" True
        # every event of a busy day, as the full timeline has them (under 200)
        n_full=$("$CHR_BIN" --db "$DB" timeline "$sid" --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
        check_eq "story page timeline: every entry, several on one date" "$(jget 'len(d["timeline"])')" "$n_full"
    else
        skip "story timeline" "the timeline module is not in this build"
    fi
else
    skip "stories" "ingest assigned no stories (story clustering not wired into the pipeline yet)"
fi
check_eq "story 404" "$(get /api/stories/999999)" 404
check_eq "story bad id 400" "$(get /api/stories/x1)" 400
check_eq "entity 404" "$(get /api/entities/999999)" 404
check_eq "bad limit 400" "$(get '/api/stories?limit=0')" 400
check_eq "limit above max 400" "$(get '/api/stories?limit=101')" 400
check_eq "bad cursor 400" "$(get '/api/stories?cursor=garbage')" 400
check_eq "cursor with a day out of range 400" "$(get '/api/stories?cursor=99999999999999999999999.5')" 400
check_eq "cursor with a day beyond year 9999 400" "$(get '/api/stories?cursor=9999999.5')" 400
check_eq "bad date 400" "$(get '/api/stories?from=2025-02-30')" 400
check_eq "a NUL in the path 400" "$(get '/api/stories/1%00')" 400
check_eq "from after to 400" "$(get '/api/stories?from=2025-03&to=2025-02')" 400

# --- methods, limits, unknown routes
check_eq "unknown api 404" "$(get /api/nothing)" 404
check_eq "POST on a GET route 405" "$(http POST /api/stories -d x)" 405
grep -qi '^allow: GET, HEAD' "$TMP/headers"; check "405 has Allow" test $? -eq 0
check_eq "DELETE 405" "$(http DELETE /api/articles/1)" 405
check_eq "HEAD works" "$(curl -s -I -o /dev/null -w '%{http_code}' "$BASE/api/stories")" 200
check_eq "POST ingest off 403" "$(http POST /api/articles -H 'Content-Type: application/json' -d '{"text":"x"}')" 403
long=$(head -c 3000 /dev/zero | tr '\0' a)
check_eq "long parameter 414" "$(get "/api/search?q=$long")" 414
many=""; for i in $(seq 1 20); do many="$many&p$i=1"; done
check_eq "too many parameters 400" "$(get "/api/stories?x=1$many")" 400
hdrs=(); for i in $(seq 1 80); do hdrs+=(-H "X-Test-$i: $i"); done
check_eq "too many headers 431" "$(get /api/stories "${hdrs[@]}")" 431
huge=$(head -c 100000 /dev/zero | tr '\0' a)
code=$(get /api/stories -H "X-Big: $huge")
check "oversized headers refused" test "$code" = 431 -o "$code" = 413 -o "$code" = 400

# --- static files
check_eq "index 200" "$(get /)" 200
grep -qi '^content-type: text/html' "$TMP/headers"; check "index is html" test $? -eq 0
grep -qi "^content-security-policy: default-src 'self'" "$TMP/headers"; check "page has a CSP" test $? -eq 0
grep -q 'app.js' "$TMP/body"; check "index loads app.js" test $? -eq 0
check_eq "app.js 200" "$(get /app.js)" 200
grep -qi '^content-type: text/javascript' "$TMP/headers"; check "js content type" test $? -eq 0
etag=$(grep -i '^etag:' "$TMP/headers" | sed 's/^[^:]*: //' | tr -d '\r')
check_eq "etag revalidates 304" "$(get /app.js -H "If-None-Match: $etag")" 304
check_eq "style.css 200" "$(get /style.css)" 200
check_eq "missing file 404" "$(get /nope.html)" 404
check_eq "traversal 400" "$(get /../../etc/passwd)" 400
check_eq "encoded traversal refused" "$(get /%2e%2e/%2e%2e/etc/passwd)" 400
check_eq "backslash path 400" "$(get '/..%5c..%5cetc%5cpasswd')" 400

# --- a concurrent ingest shows up without a restart
before=$(get '/api/search?q=Veltro+Hearth' >/dev/null; jget 'len([r for r in d["results"] if (r["source"] or "").endswith("wire.jsonl#1")])')
chr --db "$DB" --quiet ingest examples/wire.jsonl >/dev/null 2>&1
after=$(get '/api/search?q=Veltro+Hearth' >/dev/null; jget 'len([r for r in d["results"] if (r["source"] or "").endswith("wire.jsonl#1")])')
check_eq "ingest while serving: visible at once" "$before-$after" "0-1"
# an article another input carried word for word lists it as a copy
mkdir -p "$TMP/mirror"
cp examples/flood-01-reuters-river.txt "$TMP/mirror/river-mirror.txt"
chr --db "$DB" --quiet ingest "$TMP/mirror" >/dev/null 2>&1
sid=$(chr --db "$DB" stories --json | "$PY" -c 'import json,sys; print(next(s["id"] for s in json.load(sys.stdin) if any(a["source"].endswith("flood-01-reuters-river.txt") for a in s["articles"])))')
get "/api/stories/$sid" >/dev/null
check_eq "a story's article lists its copies" \
    "$(jget '[(c["source"].split("/")[-1], c["pub_date"]) for a in d["articles"] for c in a["copies"]]')" \
    "[('river-mirror.txt', '2024-10-16')]"

# --- metrics after all that
check_eq "metrics 200" "$(get /metrics)" 200
grep -qi '^content-type: text/plain; version=0.0.4' "$TMP/headers"; check "metrics content type" test $? -eq 0
grep -q 'chronicle_http_requests_total{route="/api/search",status="200"} [1-9]' "$TMP/body"; check "metrics count requests" test $? -eq 0
grep -q 'chronicle_http_requests_total{route="static",status="400"} [1-9]' "$TMP/body"; check "metrics count errors" test $? -eq 0
grep -q 'chronicle_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} [1-9]' "$TMP/body"; check "metrics latency histogram" test $? -eq 0
grep -q '^chronicle_articles 24$' "$TMP/body"; check "metrics article count" test $? -eq 0
grep -q '^chronicle_stories [0-9]' "$TMP/body"; check "metrics story count" test $? -eq 0

serve_stop; check_eq "server stops cleanly on SIGTERM" "$?" 0

# --- POST /api/articles with --allow-ingest
serve_start "$DB" --allow-ingest
check_eq "post one article 201" "$(http POST /api/articles -H 'Content-Type: application/json' --data-binary @- <<'EOF'
{"id": "t-1", "title": "Quokka census finds record numbers on Rottnest",
 "date": "2025-04-02", "outlet": "Test Wire",
 "text": "Rangers counted a record number of quokkas on Rottnest Island this week, the island authority said on Wednesday. The census found the animals spread across every part of the island."}
EOF
)" 201
check_eq "post stored one" "$(jget 'd["stored"]')" 1
pid=$(jget 'd["articles"][0]["id"]')
check_eq "posted article readable" "$(get "/api/articles/$pid")" 200
check_eq "posted article fields" "$(jget 'd["title"] + "|" + d["pub_date"] + "|" + d["ext_id"]')" "Quokka census finds record numbers on Rottnest|2025-04-02|t-1"
check "posted article source names the upload" "$PY" -c 'import json,re,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if re.fullmatch(r"http-post/[0-9]+-[0-9]+#1", d["source"]) else 1)' "$TMP/body"
check_eq "posted article searchable" "$(get '/api/search?q=quokka' >/dev/null; jget 'len(d["results"])')" 1
printf '%s\n%s\n' '{"id":"t-2","text":"Second quokka note: rangers will repeat the count in the spring, officials said."}' \
    '{"id":"t-3","text":"Third note: the island ferry added services for visitors hoping to see the animals."}' > "$TMP/two.jsonl"
check_eq "post JSON Lines 201" "$(http POST /api/articles -H 'Content-Type: application/x-ndjson' --data-binary @"$TMP/two.jsonl")" 201
check_eq "post JSON Lines stored two" "$(jget 'd["stored"]')" 2
check_eq "post again: duplicates" "$(http POST /api/articles --data-binary @"$TMP/two.jsonl"; echo; jget 'd["duplicates"]')" "$(printf '200\n2')"
check_eq "post again: the stored ids of its records" "$(jget '[(x["record"], x["id"] > 0) for x in d["already_stored"]]')" "[(1, True), (2, True)]"
http POST /api/articles --data-binary '{"id":"t-1","text":"Rangers will count the quokkas again next year, the island authority said on Friday."}' >/dev/null
check_eq "post warning: its record, no error code" "$(jget '[(p["level"], p.get("record"), "code" in p) for p in d["problems"]]')" "[('warning', 1, False)]"
check_eq "post bad JSON 400" "$(http POST /api/articles -d '{"text": ')" 400
check_eq "post non-object 400" "$(http POST /api/articles -d '[1,2]')" 400
check_eq "post empty 400" "$(http POST /api/articles -d '')" 400
check_eq "post without text 400" "$(http POST /api/articles -d '{"title":"no body"}')" 400
# JSON Lines are read as a file is: a bad line costs only itself, an id
# stays as written
printf '%s\n%s\n%s\n' '{"id":"l-1","text":"The Perth bus drivers went on strike on Tuesday over rosters, the union said."}' \
    '{"id":"l-2", "text": ' \
    '{"id":"l-3","text":"Perth bus drivers returned to work on Wednesday after the rosters deal was signed."}' > "$TMP/bad.jsonl"
check_eq "post JSON Lines with a bad line 201" "$(http POST /api/articles --data-binary @"$TMP/bad.jsonl")" 201
check_eq "post JSON Lines with a bad line: the others stored, the bad one named" \
    "$(jget '(d["stored"], d["errors"], [p["record"] for p in d["problems"]])')" "(2, 1, [2])"
# ... the first line too (a log line before the records), and a lone
# surrogate escape (an emoji cut in two) is read as U+FFFD, with a warning
printf '%s\n%s\n%s\n' '2024-05-16 09:12 exporter started' \
    '{"id":"f-1","title":"Fremantle ferry \ud83d","text":"Fremantle ferry crews stopped work on Thursday over pay, the union said."}' \
    '{"id":"f-2","text":"Fremantle ferry crews returned on Friday after a pay offer, the operator said."}' > "$TMP/first.jsonl"
check_eq "post JSON Lines with a bad first line 201" "$(http POST /api/articles --data-binary @"$TMP/first.jsonl")" 201
check_eq "post JSON Lines with a bad first line: the others stored" \
    "$(jget '(d["stored"], d["errors"], [(p["record"], p["level"]) for p in d["problems"]])')" \
    "(2, 1, [(1, 'error'), (2, 'warning')])"
printf '%s\n%s\n' 'exporter log line' \
    '{"id":"f-3","title":"Bunbury port \ud83d","text":"Bunbury port workers stopped work on Saturday over safety, the union said."}' > "$TMP/first2.jsonl"
check_eq "post: a bad first line, then a record with a lone surrogate 201" "$(http POST /api/articles --data-binary @"$TMP/first2.jsonl")" 201
check_eq "post a numeric id: kept as written" \
    "$(http POST /api/articles --data-binary '{"id": 1.50, "text":"Hobart ferry crews stopped work on Monday, the operator said in a statement."}'; echo; jget 'd["articles"][0]["ext_id"]')" \
    "$(printf '201\n1.50')"
head -c 9000000 /dev/zero | tr '\0' a > "$TMP/big.txt"
check_eq "post too large 413" "$(http POST /api/articles --data-binary @"$TMP/big.txt")" 413
check_eq "post too large, chunked 413" "$(http POST /api/articles -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big.txt")" 413
check_eq "GET on the POST route 405" "$(get /api/articles)" 405
# another process ingesting (holding the database's writer lock): a POST is
# turned away with 503, readers are served
rm -f "$TMP/held"
"$PY" -c 'import fcntl, sys, time
f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(120)' \
    "$DB-lock" "$TMP/held" &
holder=$!
while [ ! -e "$TMP/held" ] && kill -0 "$holder" 2>/dev/null; do sleep 0.05; done
check_eq "post while another ingest runs 503" "$(http POST /api/articles --data-binary @"$TMP/two.jsonl")" 503
check "post while another ingest runs: says why" grep -q "another ingest into this database is running" "$TMP/body"
check_eq "GET while another ingest runs 200" "$(get "/api/articles/$pid")" 200
kill "$holder"
wait "$holder" 2>/dev/null
grep -q '^chronicle_ingest_api_articles_total 10$' <(curl -s "$BASE/metrics"); check "metrics count posted articles" test $? -eq 0
serve_stop; check_eq "ingest server stops cleanly" "$?" 0

# --- start-up errors
chr --db "$TMP/missing.db" serve --listen 127.0.0.1:0 >/dev/null 2>&1; check_eq "missing database exits 3, as every command" "$?" 3
chr --db "$DB" serve --listen nonsense >/dev/null 2>&1; check_eq "bad listen address exits 2" "$?" 2
chr --db "$DB" serve --bogus >/dev/null 2>&1; check_eq "unknown option exits 2" "$?" 2
