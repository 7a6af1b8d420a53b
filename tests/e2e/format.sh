#!/usr/bin/env bash
# The C sources are laid out as .clang-format says (`make format` fixes
# them): one layout, so that a diff shows what changed, not who typed it.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
if ! command -v clang-format >/dev/null 2>&1; then
    skip "sources are clang-formatted" "clang-format is not installed (apt-get install clang-format)"
    exit 0
fi
out=$(make -s format-check 2>&1)
check_eq "sources are clang-formatted (make format-check)" "$?" 0
[ -n "$out" ] && echo "$out" | grep -m 5 "error:" >&2
exit 0
