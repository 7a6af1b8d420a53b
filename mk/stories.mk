# chronicle — stories: near-duplicates and story clustering (issue 6).
#   make bench-stories   throughput, latency, memory of dedup + clustering
#   make eval-stories    DUC 2004 / UCI headlines scores against gold (+ sklearn peer)
#   make eval-dedup      near-duplicate precision/recall on reprints of examples/
# build/bench/stories_bench drives chr_cluster_add directly (bench/stories_bench.c).

STORIES_PY ?= /usr/bin/python3

# Linked with the objects it needs only, so that it builds while other modules change.
STORIES_BENCH_OBJ = build/rel/src/cluster.o build/rel/src/cluster_text.o \
	build/rel/src/cluster_stop.o build/rel/src/dedup.o build/rel/src/error.o
build/bench/stories_bench: bench/stories_bench.c $(STORIES_BENCH_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< $(STORIES_BENCH_OBJ) $(LIBS)

.PHONY: bench-stories eval-stories eval-dedup
