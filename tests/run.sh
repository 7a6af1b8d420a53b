#!/usr/bin/env bash
# chronicle — run the whole test suite: every unit-test binary, every
# data-driven and end-to-end script in tests/e2e/*.sh. Each prints lines
# "ok NAME" or "not ok NAME"; this sums them. Last line: "N passed, N failed".
# Env: CHR_BIN (chronicle binary), CHR_TESTS (unit-test binaries folder).
set -u
cd "$(dirname "$0")/.."
export CHR_BIN="${CHR_BIN:-build/asan/chronicle}"
export CHR_TESTS="${CHR_TESTS:-build/asan/tests}"
export CHR_SHARED="${CHR_SHARED:-../shared}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
log=$(mktemp -d)
passed=0 failed=0
run_one() { # name, command...
    local name=$1; shift
    local out="$log/$(echo "$name" | tr '/ ' '__').out"
    "$@" >"$out" 2>"$out.err"
    local rc=$?
    local p f
    p=$(grep -c '^ok ' "$out")
    f=$(grep -c '^not ok ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok $name (exit $rc)" >>"$out"; f=$((f + 1))
    fi
    # a check script that raised stopped before its remaining checks
    if grep -q '^Traceback (most recent call last)' "$out.err"; then
        echo "not ok $name (a Python check raised: the checks after it did not run)" >>"$out"
        f=$((f + 1))
    fi
    grep -E '^(not ok|skip)' "$out" | sed "s|^|$name: |"
    if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then sed 's/^/    /' "$out.err" | tail -n 40; fi
    echo "$name: $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
}
for t in "$CHR_TESTS"/test_*; do
    [ -x "$t" ] || continue
    run_one "unit/$(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    case "$(basename "$s")" in lib.sh | *_lib.sh) continue ;; esac
    run_one "e2e/$(basename "$s" .sh)" bash "$s"
done
rm -rf "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
