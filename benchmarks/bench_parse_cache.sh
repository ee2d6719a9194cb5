#!/bin/bash
# The two commands of `make report` on one corpus, three ways: without a parse cache, with a new
# (cold) one, and again with it (warm). One line per command: wall and CPU seconds (GNU time),
# peak resident memory of the largest process, and the load average after each pair.
#
#   benchmarks/bench_parse_cache.sh CORPUS [OUT]      (from the project root; OUT: /tmp/bench-cache)
set -euo pipefail
corpus=$1
out=${2:-/tmp/bench-cache}
cache=$out/parse-cache
python=${PYTHON:-.venv/bin/python}
rm -rf "$out"
mkdir -p "$out"
for mode in none cold warm; do
  report_flags=() notebook_flags=()
  if [ "$mode" != none ]; then
    report_flags=(--sources-parse-cache "$cache")
    notebook_flags=(--parse-cache "$cache")
  fi
  rm -rf "$out/report"
  /usr/bin/time -o "$out/time" -f "$mode report: wall %e s, CPU %U + %S s, peak %M KB" \
    "$python" -m analysis report "$corpus" --out "$out/report" --errors collect --no-progress \
    "${report_flags[@]}" > /dev/null
  cat "$out/time"
  /usr/bin/time -o "$out/time" -f "$mode notebooks: wall %e s, CPU %U + %S s, peak %M KB" \
    "$python" -m analysis notebooks "$corpus" --out "$out/report/notebooks" \
    "${notebook_flags[@]}" > /dev/null 2>&1
  cat "$out/time"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
du -sh "$cache"
