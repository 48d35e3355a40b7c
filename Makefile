# ruralec — the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DEMO_DB ?= demo/ruralec.db

.PHONY: setup build web run test test-cpp test-web test-e2e lint bench clean

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

test: build
	@scripts/test

lint: setup
	@scripts/lint

bench: build
	@scripts/bench

clean:
	rm -rf $(BUILD_DIR) web/dist
