# chronicle — HTML/WARC module targets (included by the top Makefile).
#   make eval-html [DIR=...]            article-extraction benchmark: F1,
#                                       precision, recall, accuracy, dates
#   make bench-html [DIR=...] [WARC=...] MB/s of parse+extract per core, WARC
#                                       read speed against zcat, peak RSS
# Drivers (tools/html_extract.c, tools/warc_read.c) link only this module's
# objects plus ingest.o and error.o, so they build while others are mid-change.
.PHONY: eval-html bench-html

HTML_BENCH_DIR ?= $(or $(CHR_SHARED),../shared)/bench/article-extraction
HTML_SRC  = $(sort $(wildcard src/html*.c)) src/warc.c src/ingest.c src/error.c
HTML_OBJ  = $(patsubst %.c,build/rel/%.o,$(HTML_SRC))
HTML_AOBJ = $(patsubst %.c,build/asan/%.o,$(HTML_SRC))

build/html_extract build/warc_read: build/%: tools/%.c $(HTML_OBJ)
	$(CC) $(REL_CFLAGS) -o $@ $< $(HTML_OBJ) $(LIBS)

# ASan driver for tests/e2e/web_*.sh, built with `make check`.
asan: build/asan/warc_read
build/asan/warc_read: tools/warc_read.c $(HTML_AOBJ)
	$(CC) $(ASAN_CFLAGS) -o $@ $< $(HTML_AOBJ) $(LIBS)

eval-html: build/html_extract
	/usr/bin/python3 eval/html_eval.py --bin build/html_extract --dir $(or $(DIR),$(HTML_BENCH_DIR))

bench-html: build/html_extract build/warc_read
	@sh eval/html_bench.sh $(or $(DIR),$(HTML_BENCH_DIR)) $(WARC)

# Fuzzers of this module, linked with its own sources only.
HTML_FUZZ_SRC = $(sort $(wildcard src/html*.c)) src/warc.c src/ingest.c src/error.c
build/fuzz/fuzz_html build/fuzz/fuzz_warc: build/fuzz/%: fuzz/%.c $(HTML_FUZZ_SRC)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(HTML_FUZZ_SRC) $(LIBS)
