#!/usr/bin/env bash
# shards.sh — index build time, size and warm query latency of one index
# against 2 and 4 local shards of the same corpus, for docs/scaling.md.
#
# Usage: bench/perf/shards.sh CORPUS_DIR QUERIES [BIN_DIR] [WORK_DIR]
#   CORPUS_DIR  articles (e.g. the corpus of bench/perf/run.sh, WORK/corpus-full)
#   QUERIES     one query per line (e.g. WORK/results-full/queries.txt)
#   BIN_DIR     furet-index and furet-query-bench (default build/bin; the latter
#               needs cmake -DFURET_BUILD_BENCH=ON)
#   WORK_DIR    scratch for the indexes (default /tmp/furet-shards)
set -euo pipefail
corpus=${1:?usage: shards.sh CORPUS_DIR QUERIES [BIN_DIR] [WORK_DIR]}
queries=${2:?usage: shards.sh CORPUS_DIR QUERIES [BIN_DIR] [WORK_DIR]}
bin=${3:-build/bin}
work=${4:-/tmp/furet-shards}
for program in furet-index furet-query-bench; do
  [ -x "$bin/$program" ] || { echo "shards.sh: error: no '$bin/$program'" >&2; exit 2; }
done
mkdir -p "$work"
echo "| shards | build wall s | CPU s | peak RSS MB | index MB | warm p50 / p95 / p99 ms | QPS |"
echo "|---|---|---|---|---|---|---|"
for shards in 1 2 4; do
  index=$work/index-$shards
  rm -rf "$index"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time-$shards" \
    "$bin/furet-index" --quiet --index "$index" --shards "$shards" "$corpus"
  read -r wall user sys rss < "$work/time-$shards"
  size=$(du -sm "$index" | cut -f1)
  latency=$("$bin/furet-query-bench" --index "$index" --queries "$queries")
  pick() { awk -v key="$1" '$1 == key {print $2}' <<<"$latency"; }
  printf '| %s | %s | %.1f | %d | %s | %s / %s / %s | %s |\n' "$shards" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$size" "$(pick p50_ms)" "$(pick p95_ms)" \
    "$(pick p99_ms)" "$(pick qps)"
done
