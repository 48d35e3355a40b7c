# ruralec — the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
BUILD_DIR ?= build
# `make test` builds its own tree at -O1 without debug information (the "Test" build type of
# CMakeLists.txt): about half the compile time of the served build's -O2 -g, which is what
# keeps `make test` inside its budget on 2 cores (docs/TESTING.md "Time budget").
TEST_BUILD_DIR ?= build-test
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DEMO_DB ?= demo/ruralec.db

.PHONY: setup build web run test test-cpp test-web test-e2e test-asan fuzz lint bench clean

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	@$(MAKE) --no-print-directory web

web:
	@if [ -f web/package.json ]; then (cd web && npm run --silent build); fi

run: build
	@scripts/run-demo "$(DEMO_DB)" "$(LISTEN)"

test: setup
	@t0=$$SECONDS; cmake -S . -B $(TEST_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Test >/dev/null && \
	  cmake --build $(TEST_BUILD_DIR) -j $(JOBS) && $(MAKE) --no-print-directory web && \
	  echo "test: build took $$((SECONDS - t0)) s"
	@BUILD_DIR=$(TEST_BUILD_DIR) scripts/test

# The tests under ASan + UBSan (clang, its own tree build-asan; ASAN_TARGETS: some programs).
test-asan: setup
	@scripts/test-asan

# Every libFuzzer target for FUZZ_SECONDS each (default 300) on the same tree.
fuzz: setup
	@scripts/fuzz

lint: setup
	@scripts/lint

bench: build
	@cmake --build $(BUILD_DIR) --target benches -j $(JOBS)
	@scripts/bench

clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR) web/dist
