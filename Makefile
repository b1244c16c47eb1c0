# Budget Lens.   make run: serve the app on http://127.0.0.1:8080   make test: check everything
# Both first run scripts/ensure-tools.sh, which installs missing tools and skips present ones.

SHELL := /bin/bash
# Tools installed by scripts/ensure-tools.sh: cargo's bin dir, and wasm-opt from node_modules.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# `make run TRUNK_FLAGS=` serves a debug build instead (faster to rebuild, no wasm-opt).
TRUNK_FLAGS ?= --release

.PHONY: run test build single e2e screenshots bench fuzz tools

run: tools
	cargo build -q --release -p wasm-split
	trunk serve $(TRUNK_FLAGS) --offline --address 127.0.0.1 --port 8080

test:
	scripts/ensure-tools.sh --with-chromium
	cargo test --workspace
	cargo run -q -p disclosure-cli -- corpus fixtures/corpus
	cargo clippy --workspace --all-targets -- -D warnings
	# The page's own code under cfg(target_arch = "wasm32") is linted only in a wasm32 build.
	cargo clippy -p budget-lens --target wasm32-unknown-unknown -- -D warnings
	cargo build -q --release -p wasm-split
	trunk build --release --offline
	cargo run -q --profile native -p precompress -- dist
	node scripts/bench-first-load.mjs 3
	scripts/size-report.sh dist
	node scripts/single-file.mjs
	node tests/e2e/run.mjs
	scripts/fuzz.sh 20

# The steps of `make test`, for when you want only one of them. crates/wasm-split is the build's
# splitter (Trunk.toml's hook scripts/split.mjs runs it), built natively before Trunk runs.
build: tools
	cargo build -q --release -p wasm-split
	trunk build --release --offline
	cargo run -q --profile native -p precompress -- dist
	scripts/size-report.sh dist

# The whole app as one self-contained HTML file that opens from file://.
single: build
	node scripts/single-file.mjs

e2e: single
	node tests/e2e/run.mjs

# Not part of `make test`: docs/screenshots/*.png.
screenshots: build
	node scripts/screenshots.mjs

# Fuzz each target for five minutes (installs cargo-fuzz when a nightly toolchain is present).
fuzz:
	scripts/fuzz.sh 300 --install

tools:
	scripts/ensure-tools.sh

# `make test` reports the first load on a slow network (scripts/bench-first-load.mjs, 3 runs, before
# the size ceiling is checked): its figures are printed, written to target/first-load.json, and
# never fail the tests.

# Benchmarks, not tests (never part of `make test`): criterion measures parse, check and analyze
# of the sample and of 100 documents against a lower bound (read every number), natively with the
# `native` profile (opt-level 3); the core's analyze is timed as wasm in headless Chromium
# (crates/disclosure/benches/wasm), and the page too; then one table is printed, with sizes and
# `disclosure compare` timed over 1,000 documents, and each corpus PDF read and checked. Takes
# several minutes.
bench: build
	@mkdir -p target && echo "cargo bench: criterion's output goes to target/bench-criterion.log"
	cargo bench --profile native -p disclosure --bench parse > target/bench-criterion.log 2>&1 || { tail -20 target/bench-criterion.log; exit 1; }
	cargo build --profile native -p disclosure-cli
	cargo build --profile native -p disclosure-pdf --example pdftext
	node scripts/single-file.mjs
	python3 scripts/bench-report.py
