# chronicle — time module targets (included by the top Makefile).
#   build/timetag     driver: tag a text file, print JSON (used by eval and bench)
#   make eval-time    TempEval-3 measures on a TimeML folder (TML=DIR)
#   make bench-time   MB/s on one core, side by side with chrono-node
TIME_TML ?= ../shared/bench/temporal/tbaq-cleaned
TML ?= $(TIME_TML)
TIME_PY ?= python3
TIME_REUTERS ?= ../shared/bench/corpus-reuters21578

build/timetag: tools/timetag.c build/libchronicle.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

build/asan/timetag: tools/timetag.c build/asan/libchronicle.a
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -o $@ $< build/asan/libchronicle.a $(LIBS)

all: build/timetag
asan: build/asan/timetag

.PHONY: eval-time bench-time
eval-time: build/timetag
	@if [ -d "$(TML)" ]; then $(TIME_PY) eval/tempeval.py --tagger build/timetag "$(TML)"; \
	else echo "eval-time: skipped: TimeML folder $(TML) not found (set TML=DIR)"; fi

bench-time: build/timetag
	@$(TIME_PY) bench/time/bench.py --tagger build/timetag --tml "$(TML)" --reuters "$(TIME_REUTERS)"
