#!/usr/bin/env bash
# chronicle — the entity trainer (tools/ner_train.c, build/asan/ner_train
# built by make check) on a CoNLL file without tokens: an error naming the
# file, no model written, no crash.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
NER_TRAIN="${NER_TRAIN:-build/asan/ner_train}"
if [ ! -x "$NER_TRAIN" ]; then
    fail entity_train "no $NER_TRAIN (make check builds it)"
    exit 0
fi
printf -- '-DOCSTART- -X- O O\n\n' >"$TMP/docstart.conll"
: >"$TMP/empty.conll"
for f in empty docstart; do
    "$NER_TRAIN" "$TMP/$f.conll" "$TMP/$f.conll" "$TMP/$f.bin" >/dev/null 2>"$TMP/$f.err"
    check_eq "entity_train_${f}_exit" "$?" 1
    check "entity_train_${f}_message" grep -q "$f.conll: no tokens" "$TMP/$f.err"
    check "entity_train_${f}_no_model" test ! -e "$TMP/$f.bin"
    check "entity_train_${f}_no_crash" bash -c "! grep -q 'Sanitizer\|runtime error\|Segmentation' '$TMP/$f.err'"
done
