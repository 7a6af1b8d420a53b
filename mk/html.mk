# chronicle — HTML/WARC module targets (included by the top Makefile).
#   make eval-html [DIR=...]   article-extraction benchmark (F1, accuracy, dates)
#   make bench-html [DIR=...] [WARC=...]  MB/s of parse+extract, WARC read speed
#   build/html_extract         the driver both use (tools/html_extract.c)
.PHONY: eval-html bench-html

HTML_BENCH_DIR ?= ../shared/bench/article-extraction
WARC_SAMPLES   ?= ../shared/bench/warc-samples

build/html_extract: tools/html_extract.c build/libchronicle.a
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

build/warc_read: tools/warc_read.c build/libchronicle.a
	$(CC) $(REL_CFLAGS) -o $@ $< build/libchronicle.a $(LIBS)

eval-html: build/html_extract
	/usr/bin/python3 eval/html_eval.py --bin build/html_extract --dir $(or $(DIR),$(HTML_BENCH_DIR))

bench-html: build/html_extract build/warc_read
	@sh eval/html_bench.sh $(or $(DIR),$(HTML_BENCH_DIR)) $(WARC)
