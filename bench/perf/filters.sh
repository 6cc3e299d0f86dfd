#!/usr/bin/env bash
# filters.sh — query latency with date filters, the order by date and the
# recency preference, against the same queries unfiltered, in one run.
#
# Usage: bench/perf/filters.sh --corpus DIR --queries FILE [--build-dir DIR]
#                              [--work DIR] [--rounds N]
#   --corpus DIR     bench/perf's corpus (WORK/corpus-full of bench/perf/run.sh)
#   --queries FILE   bench/perf's 1,000 queries (queries.txt)
#   --build-dir DIR  a build with FURET_BUILD_BENCH=ON (default: /tmp/furet-bench-build)
#   --work DIR       the dated copy, its index, results (default: /tmp/furet-filters)
#   --rounds N       rounds of all conditions, alternated (default 5); medians reported
#
# The corpus's articles give no dates, so each is dated by its file: a copy of
# the corpus gets modification times spread over ten years, 2016-01-01 plus
# (CRC-32 of the file's path in the corpus, modulo 3,653) days, the same
# for every run. Then the copy is indexed and furet-query-bench runs each
# condition in turn, N rounds; the table gives the median of the rounds'
# p50 and p99 and their ratio to the unfiltered query's.
set -euo pipefail
corpus='' queries='' build=/tmp/furet-bench-build work=/tmp/furet-filters rounds=5
usage() { sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "filters.sh: unknown option '$1'" >&2; usage ;;
  esac
done
[ -d "$corpus" ] && [ -f "$queries" ] || usage
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFURET_BUILD_BENCH=ON \
  -DFURET_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target furet-index furet-query-bench >/dev/null

rm -rf "$work" && mkdir -p "$work"
cp -r "$corpus" "$work/corpus"
python3 - "$work/corpus" <<'PY'
import os, sys, zlib
root = sys.argv[1]
day0 = 1451649600  # 2016-01-01T12:00:00Z
for folder, _, files in os.walk(root):
    for name in files:
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root).encode()
        when = day0 + (zlib.crc32(rel) % 3653) * 86400
        os.utime(path, (when, when))
PY
"$build/bin/furet-index" -q --index "$work/index" "$work/corpus"

conditions=("unfiltered|" "since 2024 (2 years)|--since 2024" \
            "2025-06 to 2025-08 (3 months)|--since 2025-06 --until 2025-08" \
            "sort by date|--sort-date" "prefer recent (365 days)|--prefer-recent 365")
for round in $(seq "$rounds"); do
  for i in "${!conditions[@]}"; do
    # shellcheck disable=SC2086  # the options are words
    "$build/bin/furet-query-bench" --index "$work/index" --queries "$queries" \
      ${conditions[$i]#*|} 2>/dev/null >"$work/round-$round-$i.txt"
  done
done
python3 - "$work" "$rounds" "${conditions[@]}" <<'PY'
import statistics, sys
work, rounds, names = sys.argv[1], int(sys.argv[2]), [c.split("|")[0] for c in sys.argv[3:]]
def read(path):
    return dict(line.split() for line in open(path))
rows = []
for i, name in enumerate(names):
    runs = [read(f"{work}/round-{r}-{i}.txt") for r in range(1, rounds + 1)]
    rows.append((name, statistics.median(float(x["p50_ms"]) for x in runs),
                 statistics.median(float(x["p99_ms"]) for x in runs),
                 statistics.median(float(x["mean_hits"]) for x in runs)))
base50, base99 = rows[0][1], rows[0][2]
print("| query | p50 ms | p99 ms | p50 ratio | p99 ratio | hits per query |")
print("|---|---:|---:|---:|---:|---:|")
for name, p50, p99, hits in rows:
    print(f"| {name} | {p50:.3f} | {p99:.3f} | {p50 / base50:.2f} | {p99 / base99:.2f} | {hits:.2f} |")
PY
