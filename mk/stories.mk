# chronicle — stories: near-duplicates and story clustering (issue 6).
#   make eval-stories    DUC 2004 task 2 and UCI headlines, each mixed into a fresh database
#                        with `chronicle ingest`, scored against gold (pairwise, BCubed,
#                        ARI), two ingest orders compared, scikit-learn peer beside
#   make eval-stories-ceiling  a diagnostic: batch TF-IDF + agglomerative clustering with
#                        its cut chosen on the gold answers (eval/stories_ceiling.py)
#   make eval-dedup      near-duplicate precision/recall on reprints of examples/
#                        (tools/dedup_reprints.py), through `chronicle ingest`
#   make bench-stories   dedup + clustering throughput, latency, memory: generated articles
#                        (STORIES_N, default 100000, checkpoints from 10k) and Reuters-21578
# build/bench/stories_bench drives chr_cluster_add directly (bench/stories_bench.c).

STORIES_PY ?= /usr/bin/python3
STORIES_N ?= 100000
STORIES_SHARED ?= $(or $(CHR_SHARED),../shared)
REUTERS_DIR ?= $(STORIES_SHARED)/bench/corpus-reuters21578

build/bench/stories_bench: bench/stories_bench.c build/libchronicle.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

.PHONY: bench-stories eval-stories eval-stories-ceiling eval-dedup

eval-stories: build/chronicle
	@CHR_SHARED=$(STORIES_SHARED) $(STORIES_PY) eval/stories_eval.py --set all --engine chronicle

eval-stories-ceiling:
	@CHR_SHARED=$(STORIES_SHARED) $(STORIES_PY) eval/stories_ceiling.py --set all

eval-dedup: build/chronicle
	@$(STORIES_PY) eval/stories_eval.py --set dedup --engine chronicle

build/bench/reuters.jsonl: tools/reuters2jsonl.py
	@mkdir -p $(dir $@)
	@if [ -d $(REUTERS_DIR) ]; then $(STORIES_PY) tools/reuters2jsonl.py $(REUTERS_DIR) > $@.tmp && mv $@.tmp $@; fi

bench-stories: build/bench/stories_bench build/bench/reuters.jsonl
	@echo "== generated articles: $(STORIES_N) (5% light reprints), one core"
	@build/bench/stories_bench --generate $(STORIES_N) \
	    --checkpoints $$(seq -s, 10000 10000 $(STORIES_N) | sed 's/,$$//') | \
	    grep -E 'checkpoint (10000|20000|50000|100000|200000|500000|1000000):|^[a-z]'
	@if [ -s build/bench/reuters.jsonl ]; then \
	    echo "== Reuters-21578 ($(REUTERS_DIR)), in file order"; \
	    build/bench/stories_bench build/bench/reuters.jsonl; \
	else echo "== Reuters-21578: skipped, $(REUTERS_DIR) not found"; fi
