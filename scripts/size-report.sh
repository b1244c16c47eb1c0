#!/usr/bin/env bash
# Size report for a Trunk build: every .wasm, .js and .css file in DIST (default dist), raw and
# gzipped (gzip -9). Fails when the gzipped total is over the budget: SIZE_BUDGET_KB kilobytes
# (1 kB = 1000 bytes), default 470: the eager bundle's ceiling until the first-load
# measurement (what a person on a slow network sees) is part of `make test`.
set -euo pipefail

dist=${1:-dist}
budget_kb=${SIZE_BUDGET_KB:-470}

shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js "$dist"/*.css)
if ((${#files[@]} == 0)); then
  echo "size: no .wasm/.js/.css files in $dist (build first)" >&2
  exit 1
fi

kb() { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }

raw_total=0 gz_total=0
printf '%-44s %12s %12s\n' "file" "raw" "gzip -9"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  raw_total=$((raw_total + raw)) gz_total=$((gz_total + gz))
  printf '%-44s %12s %12s\n' "${f##*/}" "$(kb "$raw")" "$(kb "$gz")"
done
printf '%-44s %12s %12s\n' "total" "$(kb "$raw_total")" "$(kb "$gz_total")"

if ((gz_total > budget_kb * 1000)); then
  echo "size: FAIL gzipped total $(kb "$gz_total") is over the budget of ${budget_kb} kB" >&2
  exit 1
fi
echo "size: ok, gzipped total $(kb "$gz_total") is within the budget of ${budget_kb} kB"
