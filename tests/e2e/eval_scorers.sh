#!/usr/bin/env bash
# chronicle — tests of the evaluation scorers eval/rouge.py and eval/tilse.py
# on tiny fixtures written here, with answers worked out by hand (comments
# show the arithmetic); plus the DUC 2004 check when ../shared is present.
. "$(dirname "$0")/lib.sh"
# /usr/bin/python3 first: a pyenv shim costs over a second per start here.
PY="${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}"
EVAL="$(cd "$(dirname "$0")/../../eval" && pwd)"
HAVE_WN=0
[ -f "${CHR_WORDNET_EXC:-/usr/share/wordnet}/verb.exc" ] && HAVE_WN=1

# approx NAME ACTUAL EXPECTED: equal to 5 decimals
approx() {
    if "$PY" -c "import sys; sys.exit(0 if abs(float('$2') - float('$3')) < 5e-6 else 1)" 2>/dev/null; then
        ok "$1"
    else
        fail "$1" "got [$2], expected [$3]"
    fi
}
# jget FILE EXPR: evaluate a Python expression on the JSON in FILE (as r)
jget() { "$PY" -c "import json,sys; r=json.load(open(sys.argv[1])); print($2)" "$1"; }

# --- Porter stemmer, ROUGE-1.5.5 variant -----------------------------------
# Textbook Porter cases, plus "agreement": ROUGE's step 4 tests -ement, -ment
# and -ent one after the other, so agreement -> agreem (Porter keeps it).
stems=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
print(' '.join(rouge.porter_stem(w) for w in
  'caresses ponies relational generalizations hopeful running happiness agreement yelled sky'.split()))")
check_eq rouge_porter_stems "$stems" "caress poni relat gener hope run happi agreem yell sky"

# --- Perl's drand48 (ROUGE's bootstrap) against libc's srand48/drand48 -----
r=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
a = rouge._Drand48(0); b = rouge._Drand48(7); b.rand(1)
print('%.12f %.12f' % (a.rand(1), b.rand(1)))")
check_eq rouge_drand48 "$r" "0.170828036106 0.682035230191"

# --- ROUGE-N on a two-model fixture -----------------------------------------
cat >"$TMP/peer.txt" <<'EOF'
The cats sat on the mat.
EOF
printf 'A cat sat on a mat.\n' >"$TMP/m1.txt"
printf 'The dog sat on the red mat.\n' >"$TMP/m2.txt"
# peer: the cat(s) sat on the mat = 6 unigrams; m1: a cat sat on a mat (6);
# m2: the dog sat on the red mat (7). Hits: m1 cat sat on mat = 4,
# m2 the x2 sat on mat = 5 -> R1 = 9/13 = 0.69231, P1 = 9/(6*2) = 0.75,
# F1 = 2PR/(P+R) = 0.72000. Bigrams: peer 5, m1 5, m2 6; hits m1 "cat sat",
# "sat on", m2 "sat on", "on the" -> R2 = 4/11 = 0.36364, P2 = 4/10 = 0.4,
# F2 = 0.38095.
"$PY" "$EVAL/rouge.py" --peer "$TMP/peer.txt" --models "$TMP/m1.txt" "$TMP/m2.txt" --json \
    >"$TMP/r.json" 2>"$TMP/r.err"
approx rouge_r1_recall "$(jget "$TMP/r.json" 'r["ROUGE-1"]["R"]')" 0.69231
approx rouge_r1_precision "$(jget "$TMP/r.json" 'r["ROUGE-1"]["P"]')" 0.75
approx rouge_r1_f "$(jget "$TMP/r.json" 'r["ROUGE-1"]["F"]')" 0.72000
approx rouge_r2_recall "$(jget "$TMP/r.json" 'r["ROUGE-2"]["R"]')" 0.36364
approx rouge_r2_f "$(jget "$TMP/r.json" 'r["ROUGE-2"]["F"]')" 0.38095
check_eq rouge_r1_counts "$(jget "$TMP/r.json" '(r["ROUGE-1"]["hit"], r["ROUGE-1"]["model_count"], r["ROUGE-1"]["peer_count"])')" "(9, 13, 12)"

# --- -l word limit and tokenisation as ROUGE's readText --------------------
# Words are counted before tokenising ("well-known," is one word), cut at 5:
# "one two well-known, three. four" -> tokens one two well known three four
# (the "-" token is dropped because it does not start with [a-z0-9]).
t=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
print(' '.join(rouge.tokens(rouge.truncate(['One two well-known, three.', 'Four five six.'], 5), stem=False)))")
check_eq rouge_truncate_tokens "$t" "one two well known three four"
# Non-ASCII bytes become separators as in ROUGE-1.5.5 ("Élysée" -> "lys e").
t=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
print(' '.join(rouge.tokens(rouge.truncate(['Élysée'.encode().decode('latin-1')]), stem=False)))")
check_eq rouge_non_ascii "$t" "lys e"

# --- bootstrap average: constant scores average to themselves ------------
t=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
print(rouge.average([0.25, 0.25, 0.25])[:3])")
check_eq rouge_average_constant "$t" "(0.25, 0.25, 0.25)"

# --- WordNet exceptions in -m (ROUGE looks them up before Porter) -----------
if [ "$HAVE_WN" = 1 ]; then
    t=$("$PY" -c "
import sys; sys.path.insert(0, '$EVAL'); import rouge
print(' '.join(rouge.tokens('children went said', exceptions=rouge.default_exceptions())))")
    check_eq rouge_wordnet_exceptions "$t" "child go say"
else
    skip rouge_wordnet_exceptions "no WordNet exception lists (apt-get install wordnet-base)"
fi

# --- tilse metrics ------------------------------------------------------------
# Three-letter words only, so that stemming never applies.
cat >"$TMP/ref.txt" <<'EOF'
2020-03-01
red car
--------------------------------
2020-03-02
big dog
old map
--------------------------------
2020-03-04
sun set
--------------------------------
EOF
cat >"$TMP/pred.txt" <<'EOF'
2020-03-02
big dog
--------------------------------
2020-03-03
red car now
--------------------------------
2020-03-07
sun hot
--------------------------------
EOF
"$PY" "$EVAL/tilse.py" --pred "$TMP/pred.txt" --ref "$TMP/ref.txt" --json >"$TMP/t.json" 2>"$TMP/t.err"
# dates: {02,03,07} vs {01,02,04}: one shared -> P = R = F = 1/3
approx tilse_date_f1 "$(jget "$TMP/t.json" 'r["date"]["f_score"]')" 0.333333
# concat: pred "big dog red car now sun hot" (7), ref "red car big dog old map
# sun set" (8); 5 unigram hits -> P 5/7, R 5/8, F 2/3; bigram hits "big dog",
# "red car" -> P 2/6, R 2/7, F 4/13.
approx tilse_concat_r1_f "$(jget "$TMP/t.json" 'r["concat"]["rouge_1"]["f_score"]')" 0.666667
approx tilse_concat_r2_f "$(jget "$TMP/t.json" 'r["concat"]["rouge_2"]["f_score"]')" 0.307692
# agreement: only 03-02 is shared: 2 hits; P = 2/(2+3+2), R = 2/(2+4+2),
# F = 4/15.
approx tilse_agreement_r1_p "$(jget "$TMP/t.json" 'r["agreement"]["rouge_1"]["precision"]')" 0.285714
approx tilse_agreement_r1_f "$(jget "$TMP/t.json" 'r["agreement"]["rouge_1"]["f_score"]')" 0.266667
# align (date costs 1-1/(d+1)): best 1:1 maps pred 02->02, 03->04, 07->01
# (cost 0+.5+.857) and ref 01->07, 02->02, 04->03; only 02-02 shares words:
# P = 2/7, R = 2/8, F = 4/15.
approx tilse_align_r1_p "$(jget "$TMP/t.json" 'r["align"]["rouge_1"]["precision"]')" 0.285714
approx tilse_align_r1_r "$(jget "$TMP/t.json" 'r["align"]["rouge_1"]["recall"]')" 0.25
# align+ (date x content cost): pred 03 "red car now" goes to 01 "red car"
# (cost 2/3 x (1-0.8)), 07 "sun hot" to 04 "sun set" (3/4 x 0.5). Hits are
# weighted 1/(d+1): 2 + 2/3 + 1/4 = 35/12; P = 35/84, R = 35/96, F = 7/18.
approx tilse_alignplus_r1_p "$(jget "$TMP/t.json" 'r["align+"]["rouge_1"]["precision"]')" 0.416667
approx tilse_alignplus_r1_r "$(jget "$TMP/t.json" 'r["align+"]["rouge_1"]["recall"]')" 0.364583
approx tilse_alignplus_r1_f "$(jget "$TMP/t.json" 'r["align+"]["rouge_1"]["f_score"]')" 0.388889

# align+ 1:1 versus m:1: two reference days both closest to one predicted day.
printf '2020-03-01\nred car\n--------------------------------\n2020-03-02\nred car old\n--------------------------------\n' >"$TMP/ref2.txt"
printf '2020-03-01\nred car\n--------------------------------\n' >"$TMP/pred2.txt"
"$PY" "$EVAL/tilse.py" --pred "$TMP/pred2.txt" --ref "$TMP/ref2.txt" --json >"$TMP/t2.json" 2>>"$TMP/t.err"
# m:1: ref 01 -> pred 01 (2 hits, w 1), ref 02 -> pred 01 (2 hits, w 1/2):
# R = 3/(2+3), P = 2/2, F = 0.75. 1:1: ref 02 stays unmatched: R = 2/5,
# F = 4/7.
approx tilse_m1_recall "$(jget "$TMP/t2.json" 'r["align+m:1"]["rouge_1"]["recall"]')" 0.6
approx tilse_m1_f "$(jget "$TMP/t2.json" 'r["align+m:1"]["rouge_1"]["f_score"]')" 0.75
approx tilse_1to1_f "$(jget "$TMP/t2.json" 'r["align+"]["rouge_1"]["f_score"]')" 0.571429

# Two reference timelines: precision counts the prediction once per reference.
printf '2020-03-01\nbig dog\n--------------------------------\n' >"$TMP/ref3.txt"
"$PY" "$EVAL/tilse.py" --pred "$TMP/pred2.txt" --ref "$TMP/ref2.txt" "$TMP/ref3.txt" --metrics concat --json >"$TMP/t3.json" 2>>"$TMP/t.err"
# hits: ref2 "red car red car old" vs "red car" = 2, ref3 = 0; P = 2/(2*2),
# R = 2/(5+2).
approx tilse_two_refs_p "$(jget "$TMP/t3.json" 'r["concat"]["rouge_1"]["precision"]')" 0.5
approx tilse_two_refs_r "$(jget "$TMP/t3.json" 'r["concat"]["rouge_1"]["recall"]')" 0.285714

# A day in two blocks: merged by default, last block only with --duplicates last.
printf '2020-03-01\nred car\n--------------------------------\n2020-03-01\nbig dog\n--------------------------------\n' >"$TMP/dup.txt"
check_eq tilse_duplicate_merge "$("$PY" "$EVAL/tilse.py" --convert "$TMP/dup.txt" | tr '\n' '|')" \
    "2020-03-01|red car|big dog|--------------------------------|"
check_eq tilse_duplicate_last "$("$PY" "$EVAL/tilse.py" --convert "$TMP/dup.txt" --duplicates last | tr '\n' '|')" \
    "2020-03-01|big dog|--------------------------------|"

# chronicle JSON -> tilse: sentences[] preferred over text, months map to their
# first day (dropped with --day-only), entries sorted by day.
cat >"$TMP/tl.json" <<'EOF'
[{"date": "2024-05-16", "end": "2024-05-17", "granularity": "day", "text": "Putin visits Beijing.",
  "support": 3, "sources": [], "sentences": ["Putin arrives in Beijing.", "Xi greets him."]},
 {"date": "2023-10", "end": null, "granularity": "month", "text": "Belt and Road Forum held.",
  "support": 1, "sources": []},
 {"date": "2024-05-16", "granularity": "day", "text": "A second event.", "support": 1, "sources": []}]
EOF
check_eq tilse_json_convert "$("$PY" "$EVAL/tilse.py" --convert "$TMP/tl.json" | tr '\n' '|')" \
    "2023-10-01|Belt and Road Forum held.|--------------------------------|2024-05-16|Putin arrives in Beijing.|Xi greets him.|A second event.|--------------------------------|"
check_eq tilse_json_day_only "$("$PY" "$EVAL/tilse.py" --convert "$TMP/tl.json" --day-only | head -1)" "2024-05-16"
# A JSON prediction scores like its tilse form.
"$PY" "$EVAL/tilse.py" --convert "$TMP/tl.json" >"$TMP/tl.txt"
a=$("$PY" "$EVAL/tilse.py" --pred "$TMP/tl.json" --ref "$TMP/ref.txt" --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)['align+m:1'])")
b=$("$PY" "$EVAL/tilse.py" --pred "$TMP/tl.txt" --ref "$TMP/ref.txt" --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)['align+m:1'])")
check_eq tilse_json_equals_text "$a" "$b"

# Hungarian assignment against scipy's, when scipy is there (ties included).
if /usr/bin/python3 -c "import scipy.optimize" 2>/dev/null; then
    r=$(/usr/bin/python3 -c "
import random, sys; sys.path.insert(0, '$EVAL'); import tilse
from scipy.optimize import linear_sum_assignment as lsa
random.seed(5); bad = 0
for t in range(300):
    m = [[float(random.randint(0, 3)) for _ in range(random.randint(1, 7))]]
    m += [[float(random.randint(0, 3)) for _ in m[0]] for _ in range(random.randint(0, 6))]
    a, b = tilse.linear_sum_assignment(m); x, y = lsa(m)
    bad += list(a) != list(x) or list(b) != list(y)
print(bad)")
    check_eq tilse_lsa_matches_scipy "$r" 0
else
    skip tilse_lsa_matches_scipy "scipy not installed"
fi

# --- DUC 2004: every per-cluster score equals ROUGE-1.5.5's rouge.res -------
DUC="$CHR_SHARED/bench/duc2004"
if [ ! -f "$DUC/stuartmackie/rouge.res" ]; then
    skip duc_peers_match_rouge155 "no $DUC"
elif [ "$HAVE_WN" = 0 ]; then
    skip duc_peers_match_rouge155 "no WordNet exception lists (apt-get install wordnet-base)"
else
    "$PY" "$EVAL/duc_peers.py" --duc "$DUC" --check --json >"$TMP/duc.json" 2>"$TMP/duc.err"
    check_eq duc_peers_match_rouge155 "$(jget "$TMP/duc.json" '(r["_check"]["compared"], r["_check"]["mismatches"])')" "(650, 0)"
    check_eq duc_peers_dpp "$(jget "$TMP/duc.json" '"%.2f %.2f" % (100*r["DPP"]["rouge1_R"], 100*r["DPP"]["rouge2_R"])')" "39.36 8.83"
fi
