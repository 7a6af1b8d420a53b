# chronicle — stories: near-duplicates and story clustering (issue 6).
#   make bench-stories   throughput, latency, memory of dedup + clustering
#   make eval-stories    DUC 2004 / UCI headlines scores against gold (+ sklearn peer)
#   make eval-dedup      near-duplicate precision/recall on reprints of examples/
# build/bench/stories_bench drives chr_cluster_add directly (bench/stories_bench.c).

STORIES_PY ?= /usr/bin/python3

build/bench/stories_bench: bench/stories_bench.c build/libchronicle.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

.PHONY: bench-stories eval-stories eval-dedup
