# chronicle — top-level build.
#   make            release build: build/chronicle (and build/libchronicle.a)
#   make check      ASan+UBSan build of library, CLI and tests, then run all tests
#   make fuzz       libFuzzer targets in build/fuzz/ (clang)
#   make eval-*     quality evaluations (see mk/*.mk), make bench-* benchmarks
# Sources are found by wildcard: src/*.c is the library, cli/*.c the tool,
# tests/unit/test_*.c one test binary each, fuzz/fuzz_*.c one fuzzer each.
# Module makefiles in mk/*.mk add generated sources (GEN_SRC) and targets.

CC      ?= cc
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
PKGS    := sqlite3 libutf8proc jansson libxml-2.0 zlib libmicrohttpd libexttextcat libxxhash
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS    := $(PKG_LIBS) -lstemmer -lpthread -lm
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DCHR_VERSION=\"$(VERSION)\"
INCS    := -Iinclude -Isrc -Ibuild/gen $(PKG_CFLAGS)

REL_CFLAGS  := $(WARN) $(DEFS) $(INCS) -O2 -g $(CFLAGS)
ASAN_FLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_CFLAGS := $(WARN) $(DEFS) $(INCS) -O1 -g $(ASAN_FLAGS) $(CFLAGS)

SRC      = $(sort $(wildcard src/*.c) $(GEN_SRC))
CLI_SRC  = $(sort $(wildcard cli/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC = $(sort $(wildcard fuzz/fuzz_*.c))
GEN_SRC  =

# Quiet build lines ("CC file"); make V=1 shows the full commands.
V ?= 0
ifeq ($(V),0)
Q = @
say = @printf '  %-6s %s\n' $(1) $(2);
else
Q =
say =
endif

# Module fragments (eval-*, bench-*, train-*, generated sources).
include $(sort $(wildcard mk/*.mk))

REL_OBJ   = $(patsubst %.c,build/rel/%.o,$(SRC))
ASAN_OBJ  = $(patsubst %.c,build/asan/%.o,$(SRC))
REL_CLI   = $(patsubst %.c,build/rel/%.o,$(CLI_SRC))
ASAN_CLI  = $(patsubst %.c,build/asan/%.o,$(CLI_SRC))
UNIT_BIN  = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))
FUZZ_BIN  = $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))

.PHONY: all check test asan fuzz clean format format-check
.DEFAULT_GOAL := all

all: build/chronicle

build/chronicle: build/libchronicle.a $(REL_CLI)
	$(call say,LINK,$@)$(CC) $(REL_CFLAGS) -o $@ $(REL_CLI) build/libchronicle.a $(LIBS)

build/libchronicle.a: $(REL_OBJ)
	@rm -f $@
	$(call say,AR,$@)ar rcs $@ $^

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(REL_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC-SAN,$<)$(CC) $(ASAN_CFLAGS) -MMD -MP -c -o $@ $<

asan: build/asan/chronicle $(UNIT_BIN)

build/asan/chronicle: build/asan/libchronicle.a $(ASAN_CLI)
	$(call say,LINK,$@)$(CC) $(ASAN_CFLAGS) -o $@ $(ASAN_CLI) build/asan/libchronicle.a $(LIBS)

build/asan/libchronicle.a: $(ASAN_OBJ)
	@rm -f $@
	$(call say,AR,$@)ar rcs $@ $^

build/asan/tests/%: tests/unit/%.c tests/unit/unit.h build/asan/libchronicle.a
	@mkdir -p $(dir $@)
	$(call say,TEST,$@)$(CC) $(ASAN_CFLAGS) -Itests/unit -o $@ $< build/asan/libchronicle.a $(LIBS)

# The whole suite under ASan+UBSan; last line "N passed, N failed".
check test: asan
	@CHR_BIN=build/asan/chronicle CHR_TESTS=build/asan/tests tests/run.sh

FUZZ_CFLAGS = -std=c11 $(DEFS) $(INCS) -g -O1 -fsanitize=fuzzer,address,undefined
fuzz: $(FUZZ_BIN)
	@echo "fuzzers in build/fuzz/: run e.g. build/fuzz/fuzz_ingest -max_total_time=120 fuzz/corpus/ingest"

build/fuzz/%: fuzz/%.c $(SRC)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(SRC) $(LIBS)

format:
	clang-format -i $(wildcard include/chronicle/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c tests/unit/*.h fuzz/*.c)

format-check:
	clang-format --dry-run -Werror $(wildcard include/chronicle/*.h src/*.c src/*.h cli/*.c cli/*.h tests/unit/*.c tests/unit/*.h fuzz/*.c)

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

build/rel/cli/main.o build/asan/cli/main.o: VERSION

# The main job on the repo's own examples (README command 1 ends here).
.PHONY: demo
demo: build/chronicle
	@rm -f build/examples.db build/examples.db-wal build/examples.db-shm
	build/chronicle --db build/examples.db run examples/
