# chronicle — the foundation: ingest speed (bench-ingest) and language
# identification of short texts (eval-langid).
.PHONY: bench-ingest
BENCH_MB ?= 100
bench-ingest: build/chronicle
	bench/ingest.sh $(BENCH_MB) build/chronicle

# Language identification of one-line sentences (es/fr/it/pt/ro/ca) from
# tests/time/: accuracy per language (eval/langid_eval.py).
.PHONY: eval-langid
eval-langid: build/chronicle
	@python3 eval/langid_eval.py --bin build/chronicle
