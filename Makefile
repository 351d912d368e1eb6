# casework: build, run, test, check, bench.
# Dependencies come from Debian and are found with pkg-config; `make deps`
# installs them when missing.

# ALLOC: the allocator, jemalloc by default (engine/alloc.h says why);
# `make ALLOC=` builds on the C library's malloc.
ALLOC     ?= jemalloc
ALLOC_NAME ?= $(or $(ALLOC),libc)
PKGS      := lua5.4 sqlite3 libevent jansson libcrypto $(ALLOC)
DEB_PKGS  := build-essential pkg-config liblua5.4-dev libsqlite3-dev libevent-dev \
             libjansson-dev libssl-dev libjemalloc-dev sqlite3 perl curl jq wrk graphviz e2fsprogs chromium
CC        ?= cc
WARN      := -Wall -Wextra -Wshadow -Wundef -Wwrite-strings \
             -Wmissing-prototypes -Wstrict-prototypes
ifneq ($(CI),)
WARN      += -Werror
endif
OPT       ?= -O2 -g
CFLAGS    += -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS    += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread
# Not in CFLAGS: a CFLAGS from the environment is passed down to `make check`,
# which builds without jemalloc.
ALLOC_DEF := $(if $(filter jemalloc,$(ALLOC)),-DCASEWORK_JEMALLOC)
BUILD     ?= build

# A missing library said plainly (without it every pkg-config flag is lost and
# the first error is a missing lua.h); `make deps` installs them.
ifeq ($(filter deps clean,$(MAKECMDGOALS)),)
MISSING   := $(strip $(foreach p,$(PKGS),$(if $(shell pkg-config --exists $(p) && echo y),,$(p))))
ifneq ($(MISSING),)
$(error pkg-config does not find: $(MISSING). Run `make deps` (Debian packages)$(if $(filter jemalloc,$(MISSING)), or build without jemalloc: make ALLOC=))
endif
endif

ENGINE_SRC := $(filter-out engine/main.c,$(wildcard engine/*.c))
ENGINE_OBJ := $(ENGINE_SRC:engine/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/stdlib_dsl.o
UNIT_SRC   := $(wildcard tests/unit/*.c)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/t/%.t)
BIN        := $(BUILD)/casework
FUZZ_TARGETS := dates definition input
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/fuzz_%)
FUZZ_SECONDS ?= 60

.PHONY: all run test check bench deps clean graphs soak fuzz

all: $(BIN) $(UNIT_BIN) $(FUZZ_REPLAY)

$(BUILD)/obj/%.o: engine/%.c $(wildcard engine/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS) $(ALLOC_DEF) -c $< -o $@

# alloc.o is built for one allocator: a stamp per allocator (the others
# removed) rebuilds it when ALLOC changes.
$(BUILD)/obj/alloc.o: $(BUILD)/obj/alloc-$(ALLOC_NAME).stamp
$(BUILD)/obj/alloc-%.stamp: | $(BUILD)/obj
	rm -f $(BUILD)/obj/alloc-*.stamp && touch $@

$(BUILD)/gen/stdlib_dsl.c: stdlib/dsl.lua tools/embed.sh | $(BUILD)/gen
	tools/embed.sh $@ stdlib_dsl_lua $<

$(BUILD)/obj/stdlib_dsl.o: $(BUILD)/gen/stdlib_dsl.c | $(BUILD)/obj
	$(CC) $(CFLAGS) -Wno-missing-variable-declarations -c $< -o $@

$(BUILD)/libcasework.a: $(ENGINE_OBJ)
	$(AR) rcs $@ $^

$(BIN): engine/main.c $(BUILD)/libcasework.a
	$(CC) $(CFLAGS) engine/main.c $(BUILD)/libcasework.a -o $@ $(LDFLAGS) $(LDLIBS)

$(BUILD)/t/%.t: tests/unit/%.c tests/unit/tap.h $(BUILD)/libcasework.a | $(BUILD)/t
	$(CC) $(CFLAGS) -Iengine $< $(BUILD)/libcasework.a -o $@ $(LDFLAGS) $(LDLIBS)

# The fuzz targets, run over their corpus files by tests/fuzz.t (no libFuzzer needed).
$(BUILD)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/standalone.c $(BUILD)/libcasework.a | $(BUILD)/fuzz-replay
	$(CC) $(CFLAGS) -Iengine $< tests/fuzz/standalone.c $(BUILD)/libcasework.a -o $@ $(LDFLAGS) $(LDLIBS)

$(BUILD)/obj $(BUILD)/t $(BUILD)/gen $(BUILD)/fuzz-replay var:
	mkdir -p $@

# First command of the README: build, create var/casework.db on first run,
# load the five authorities, print the demo users and their tokens, serve.
run: $(BIN) | var
	@$(MAKE) -s web-assets || echo "note: no GOV.UK Frontend (run 'make deps'): the web pages will be unstyled"
	$(BIN) serve --db var/casework.db --listen 127.0.0.1:8080 --demo

# Second command of the README.
test: all
	CASEWORK=$(abspath $(BIN)) CASEWORK_ALLOC=$(ALLOC_NAME) prove -j2 --exec '' $(UNIT_BIN) $(sort $(wildcard tests/*.t))

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check:
	$(MAKE) BUILD=build/check ALLOC= ALLOC_NAME=asan OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" test

$(BUILD)/casework-bench: $(wildcard bench/*.c bench/*.h) $(BUILD)/libcasework.a
	$(CC) $(CFLAGS) -Iengine $(wildcard bench/*.c) $(BUILD)/libcasework.a -o $@ $(LDFLAGS) $(LDLIBS)

bench: $(BIN) $(BUILD)/casework-bench
	CASEWORK=$(abspath $(BIN)) CASEWORK_BENCH=$(abspath $(BUILD)/casework-bench) bench/run

# libFuzzer (clang) on each target for FUZZ_SECONDS, corpus kept in build/fuzz/corpus;
# a crash is written to build/fuzz/ and belongs in tests/fuzz/<target>/ as a regression.
fuzz:
	$(MAKE) BUILD=build/fuzz CC=clang ALLOC= ALLOC_NAME=asan OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libcasework.a
	@for t in $(FUZZ_TARGETS); do \
		clang $(CFLAGS) -O1 -g -Iengine -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_$$t.c \
			build/fuzz/libcasework.a -o build/fuzz/fuzz_$$t $(filter-out -ljemalloc,$(LDLIBS)) || exit 1; \
		mkdir -p build/fuzz/corpus/$$t; \
		echo "fuzzing $$t for $(FUZZ_SECONDS)s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=build/fuzz/$$t- build/fuzz/corpus/$$t tests/fuzz/$$t || exit 1; \
	done

# Longer hardening runs: valgrind over a serve session; 20 kill -9 rounds under load.
soak: $(BIN)
	CASEWORK=$(abspath $(BIN)) tools/soak.sh

graphs: $(BIN)
	CASEWORK=$(abspath $(BIN)) tools/graphs.sh

deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; apt-get update && apt-get install -y $$missing; \
	else echo "all Debian packages present"; fi
	@command -v node >/dev/null && command -v npm >/dev/null || apt-get install -y nodejs npm
	@test -d node_modules/govuk-frontend || npm ci --no-audit --no-fund

clean:
	rm -rf build

# Practitioners' pages (issue 8): GOV.UK Frontend's built CSS, JavaScript,
# fonts and images (from npm: `npm ci` first), the pages' own app.css and
# app.mjs, and each workflow's process graph rendered to SVG with Graphviz
# (skipped, and the pages fall back to a table, if `dot` is missing).
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
WEB_ASSETS := $(BUILD)/assets

.PHONY: web-assets
web-assets: $(BIN)
	@test -d $(GOVUK_DIST) || { echo "web-assets: $(GOVUK_DIST) is missing: run npm ci" >&2; exit 1; }
	rm -rf $(WEB_ASSETS) && mkdir -p $(WEB_ASSETS)/graphs
	cp $(GOVUK_DIST)/govuk-frontend.min.css $(GOVUK_DIST)/govuk-frontend.min.js $(WEB_ASSETS)/
	cp -R $(GOVUK_DIST)/assets/fonts $(GOVUK_DIST)/assets/images $(GOVUK_DIST)/assets/manifest.json $(WEB_ASSETS)/
	cp web/app.css web/app.mjs $(WEB_ASSETS)/
	@if command -v dot >/dev/null; then for f in workflows/*/*.lua; do \
		a=$$(basename $$(dirname $$f)); w=$$(basename $$f .lua); \
		$(BIN) graph $$a/$$w --format dot 2>/dev/null | dot -Tsvg -o $(WEB_ASSETS)/graphs/$$a.$$w.svg \
			|| rm -f $(WEB_ASSETS)/graphs/$$a.$$w.svg; \
	done; echo "web-assets: $$(ls $(WEB_ASSETS)/graphs | wc -l) graphs"; \
	else echo "web-assets: Graphviz dot not found: no graphs (the pages show a table instead)"; fi
