# chronicle — timeline and summary (issue 7): evaluation and benchmark targets.
#   make eval-timeline   ML-Crisis timelines (date F1, ROUGE; DATEWISE-style baseline beside)
#                        and DUC 2004 summaries against the 13 published systems
#   make bench-timeline  p50/p99 latency of the incremental timeline update up to 100k articles
#                        (TL_BENCH_FLAGS=--busy: with one core kept busy by a spinning process)
# Both drivers use the release binary; data come from ../shared/bench (skipped when absent).

TL_PYTHON ?= /usr/bin/python3
TL_BENCH_N ?= 100000
TL_BENCH_FLAGS ?=

build/bench/timeline_bench: bench/timeline_bench.c build/libchronicle.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

.PHONY: eval-timeline eval-summary bench-timeline
eval-timeline: build/chronicle
	$(TL_PYTHON) eval/timeline_eval.py --bin build/chronicle --json build/eval/timeline.json
	$(TL_PYTHON) eval/duc_summary_eval.py --bin build/chronicle

eval-summary: build/chronicle
	$(TL_PYTHON) eval/duc_summary_eval.py --bin build/chronicle

bench-timeline: build/bench/timeline_bench
	build/bench/timeline_bench $(TL_BENCH_FLAGS) $(TL_BENCH_N) build/bench/timeline_bench.db
