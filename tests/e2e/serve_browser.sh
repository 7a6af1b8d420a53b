#!/usr/bin/env bash
# Browser test of the web page: builds a database from examples/, starts
# `chronicle serve`, and runs tests/browser/story.test.js in headless
# Chromium (Debian's /usr/bin/chromium driven by playwright-core). Saves
# screenshots in build/. Skips when node, chromium or playwright-core is
# missing (install: apt-get install chromium; make browser-deps).
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
. tests/e2e/serve_lib.sh

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null; then
    skip "browser" "node is not installed"
    exit 0
fi
if [ ! -x "$CHROMIUM" ]; then
    skip "browser" "$CHROMIUM not found (apt-get install chromium)"
    exit 0
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null 2>&1
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    skip "browser" "playwright-core not installed (make browser-deps)"
    exit 0
fi

DB="$TMP/ex.db"
serve_examples_db "$DB"
serve_start "$DB"
check "server starts" test -n "$BASE"
mkdir -p build
# The visit story's dated events the examples were written with
# (examples/MANIFEST.tsv): arrival on Monday 3 March, agreements on 4 March.
CHR_SERVE_URL="$BASE" CHR_SHOTS=build CHR_STORY_QUERY="Kovac" CHROMIUM="$CHROMIUM" \
    CHR_EXPECT_DATES="2025-03-03,2025-03-04" \
    CHR_LATE_INGEST="'$CHR_BIN' --db '$DB' --quiet ingest examples/wire.jsonl" \
    timeout 120 node tests/browser/story.test.js >"$TMP/browser.out"
rc=$?
cat "$TMP/browser.out"
# a crash or time-out that printed no "not ok" line still fails
if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$TMP/browser.out"; then
    fail "browser test exit status" "node exited $rc"
fi
serve_stop
check_eq "server stops cleanly" "$?" 0
