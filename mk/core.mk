# chronicle — the foundation: the English word lists of the text module,
# ingest speed (bench-ingest) and language identification of short texts
# (eval-langid).

# English words (Debian's wamerican) for the language guess of short texts
# and headline case (src/text_words.c); without the dictionary the build
# warns and goes on with empty lists. A stamp records whether it was found,
# so that installing it later rebuilds.
EN_DICT ?= /usr/share/dict/american-english
EN_DICT_FOUND := $(wildcard $(EN_DICT))
GEN_SRC += build/gen/en_words.c
.PHONY: FORCE
FORCE:
build/gen/en_dict.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(EN_DICT_FOUND)' | cmp -s - $@ || echo '$(EN_DICT_FOUND)' > $@
build/gen/en_words.c: tools/en_words.py build/gen/en_dict.stamp $(EN_DICT_FOUND)
	@[ -n "$(EN_DICT_FOUND)" ] || echo "text: $(EN_DICT) not found (Debian package wamerican, scripts/install-deps): short texts and headlines are read without it" >&2
	python3 tools/en_words.py --dict '$(EN_DICT_FOUND)' --out $@
.PHONY: bench-ingest
BENCH_MB ?= 100
bench-ingest: build/chronicle
	bench/ingest.sh $(BENCH_MB) build/chronicle

# Language identification of one-line sentences (es/fr/it/pt/ro/ca) from
# tests/time/: accuracy per language (eval/langid_eval.py).
.PHONY: eval-langid
eval-langid: build/chronicle
	@python3 eval/langid_eval.py --bin build/chronicle
