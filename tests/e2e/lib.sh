# chronicle — helpers for end-to-end tests (sourced by tests/e2e/*.sh).
# Each check prints "ok NAME" or "not ok NAME"; skips print "skip NAME: why".
CHR_BIN="${CHR_BIN:-build/asan/chronicle}"
CHR_SHARED="${CHR_SHARED:-../shared}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok() { echo "ok $1"; }
fail() { echo "not ok $1"; [ $# -gt 1 ] && echo "  $2" >&2; return 0; }
skip() { echo "skip $1: $2"; }
# check NAME CONDITION-COMMAND...
check() { local n=$1; shift; if "$@"; then ok "$n"; else fail "$n" "failed: $*"; fi; }
# check_eq NAME ACTUAL EXPECTED
check_eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got [$2], expected [$3]"; fi; }
chr() { "$CHR_BIN" "$@"; }
# Debian's python3 starts fast and sees python3-* packages; fall back to PATH.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
