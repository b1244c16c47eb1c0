#!/usr/bin/env bash
# Fuzz the core for a bounded time per target: scripts/fuzz.sh SECONDS [--install]
# Without cargo-fuzz (and a nightly toolchain) it says so and skips, unless --install is given.
# Any crash or slow input (over 5 s) stops the run with its file under fuzz/artifacts/.
# The timeout finds hangs and unbounded work, not slowness: the PDF reader's work budget is what
# bounds its time (README, "Reading a PDF"), and its worst made inputs take about 0.2-0.5 s of CPU
# natively. Under the fuzzer's instrumentation on two loaded cores, the slowest input kept under
# fuzz/regressions/pdf (refused within the budget) took 1.4 s of wall time (0.68 s of CPU), so 2 s failed
# at random; 5 s is about 1.7 s natively, three times the slowest made input (0.53 s).
# No sanitizer: the core forbids unsafe code, and without AddressSanitizer the same time runs about
# five times as many inputs (measured: 3,469 against 723 in 20 s for `analyze`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-20}"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  if [[ "${2:-}" == "--install" ]] && rustup toolchain list | grep -q nightly; then
    mkdir -p .tools/logs
    echo "fuzz: installing cargo-fuzz (log: .tools/logs/cargo-fuzz.log)"
    cargo install cargo-fuzz --locked >.tools/logs/cargo-fuzz.log 2>&1 \
      || { echo "fuzz: cannot install cargo-fuzz (see .tools/logs/cargo-fuzz.log)"; exit 1; }
  else
    echo "fuzz: skipped (needs cargo-fuzz and a nightly toolchain; 'make fuzz' installs cargo-fuzz)"
    exit 0
  fi
fi
for target in analyze mutate_sample pdf; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  max_len=262144
  # Inputs that once failed the step (kept in git: fuzz/corpus is not), replayed first.
  if compgen -G "fuzz/regressions/$target/*" >/dev/null; then
    cp fuzz/regressions/"$target"/* "$corpus/"
  fi
  if [[ "$target" == pdf ]]; then
    # The corpus PDFs (each under its document's name) and the small PDFs the tests make.
    for f in fixtures/corpus/*/document.pdf; do
      cp "$f" "$corpus/$(basename "$(dirname "$f")").pdf"
    done
    cp fixtures/pdf/*.pdf "$corpus/"
    max_len=4194304
  else
    cp fixtures/*.txt "$corpus/"
  fi
  log="fuzz/last-$target.log"
  cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
    >"$log" 2>&1 || { tail -40 "$log"; echo "fuzz: $target failed; the input is under fuzz/artifacts/$target/"; exit 1; }
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  # The first executions replay the corpus saved by earlier runs (fuzz/corpus, not in git).
  replayed=$(grep -oE '^INFO: seed corpus: files: [0-9]+' "$log" | awk '{print $5}')
  echo "fuzz: $target: ${runs:-?} executions in ${seconds}s (${replayed:-0} of them replaying the saved corpus), no crash, no input over 5 s"
done
