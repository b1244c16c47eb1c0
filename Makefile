# Budget Lens.   make run: serve the app on http://127.0.0.1:8080   make test: check everything
# Both first run scripts/ensure-tools.sh, which installs missing tools and skips present ones.

SHELL := /bin/bash
# Tools installed by scripts/ensure-tools.sh: cargo's bin dir, and wasm-opt from node_modules.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# `make run TRUNK_FLAGS=` serves a debug build instead (faster to rebuild, no wasm-opt).
TRUNK_FLAGS ?= --release

.PHONY: run test build single e2e screenshots bench tools

run: tools
	trunk serve $(TRUNK_FLAGS) --offline --address 127.0.0.1 --port 8080

test:
	scripts/ensure-tools.sh --with-chromium
	cargo test --workspace
	cargo clippy --workspace --all-targets -- -D warnings
	trunk build --release --offline
	scripts/size-report.sh dist
	node scripts/single-file.mjs
	node tests/e2e/run.mjs

# The steps of `make test`, for when you want only one of them.
build: tools
	trunk build --release --offline
	scripts/size-report.sh dist

# The whole app as one self-contained HTML file that opens from file://.
single: build
	node scripts/single-file.mjs

e2e: single
	node tests/e2e/run.mjs

# Not part of `make test`: docs/screenshots/*.png, and the paste-to-findings benchmark.
screenshots: build
	node scripts/screenshots.mjs

bench: build
	node scripts/bench-page.mjs

tools:
	scripts/ensure-tools.sh
