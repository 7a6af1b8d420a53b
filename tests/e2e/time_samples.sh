#!/usr/bin/env bash
# chronicle — end-to-end: every date expression of the five shared samples
# resolves to the right calendar value (time module, via build/timetag).
# Each sample is tagged with its header date as reference; 001 has none, so
# its reference is inferred and must fall in 2024-05-13..15. Skips when
# $CHR_SHARED/samples is absent.
. "$(dirname "$0")/lib.sh"
TT="${CHR_TIMETAG:-}"
if [ -z "$TT" ]; then
    for c in build/asan/timetag build/timetag; do [ -x "$c" ] && { TT=$c; break; }; done
fi
S="$CHR_SHARED/samples"
if [ ! -d "$S" ]; then skip time_samples "no $S"; exit 0; fi
if [ -z "$TT" ] || [ ! -x "$TT" ]; then fail time_samples "build/timetag not built"; exit 0; fi

# sample-prefix | expected "text=value" items (calendar dates, durations, refs),
# exactly the calendar-valued DATE expressions the sample must yield
check_sample() { # name prefix ref_check items...
    local name=$1 prefix=$2 refcheck=$3; shift 3
    local f
    f=$(ls "$S"/"$prefix"_*.txt 2>/dev/null | head -1)
    if [ -z "$f" ]; then skip "$name" "no sample $prefix"; return; fi
    local ref
    ref=$(head -c 40 "$f" | sed -n 's/^ *date \([0-9-]\{10\}\).*/\1/p' | head -1)
    local out="$TMP/$prefix.json"
    if [ -n "$ref" ]; then "$TT" --ref "$ref" "$f" >"$out"; else "$TT" "$f" >"$out"; fi || {
        fail "$name" "timetag failed on $f"; return; }
    local msg
    msg=$(python3 - "$out" "$refcheck" "$@" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
refcheck = sys.argv[2]
want = {}
for it in sys.argv[3:]:
    t, v = it.split("=", 1)
    want[t] = v
got = {}
for t in d["timexes"]:
    v = t["value"] + (".." + t["end_value"] if "end_value" in t else "")
    got.setdefault(t["text"], []).append(v)
errs = []
if refcheck != "-":
    lo, hi = refcheck.split("..")
    if d["ref_source"] != "inferred" or not (lo <= (d["ref_date"] or "") <= hi):
        errs.append("reference %s (%s), want %s" % (d["ref_date"], d["ref_source"], refcheck))
for t, v in want.items():
    if v not in got.get(t, []):
        errs.append("%r -> %s, want %s" % (t, got.get(t), v))
# no other calendar date may appear (header date aside)
cal = re.compile(r"^\d{2,4}(-|$)")
for t, vs in got.items():
    for v in vs:
        if cal.match(v) and t not in want and not re.match(r"^\d{4}-\d{2}-\d{2}$", t):
            errs.append("unexpected %r -> %s" % (t, v))
print("; ".join(errs))
PY
)
    if [ -z "$msg" ]; then ok "$name"; else fail "$name" "$msg"; fi
}

check_sample time_sample_000 000 - "the years ahead=PXY"
check_sample time_sample_001 001 2024-05-13..2024-05-15 \
    "This week=2024-W20" "May 16 and 17=2024-05-16..2024-05-17" "the late 19th century=18" \
    "May 17 to 21=2024-05-17..2024-05-21" "February 2022=2022-02" "March 2023=2023-03" \
    "Later in October=2023-10"
check_sample time_sample_002 002 - \
    "May 14=2024-05-14" "May 16-17=2024-05-16..2024-05-17" "last year=2023" \
    "February 2022=2022-02" "March 20-22 last year=2023-03-20..2023-03-22" "10 days=P10D" \
    "October 2023=2023-10"
check_sample time_sample_003 003 - \
    "May=2024-05" "April 25=2024-04-25" "March 19=2024-03-19" "May 7=2024-05-07" \
    "October 2023=2023-10" "another six years=P6Y" "February 2022=2022-02" \
    "last March=2023-03" "October last year=2023-10" "recent years=PAST_REF"
check_sample time_sample_004 004 - \
    "martedì 9 aprile 2024=2024-04-09" "2024=2024" "later this year=2024" \
    "March 22=2024-03-22" "the future=FUTURE_REF"
