# chronicle — benchmarks of the foundation (ingest).
.PHONY: bench-ingest
BENCH_MB ?= 100
bench-ingest: build/chronicle
	bench/ingest.sh $(BENCH_MB) build/chronicle
