#!/usr/bin/env bash
# scaling.sh — how furet's costs grow with the corpus: index time, index size, peak RSS
# and warm query latency at fractions and multiples of the benchmark corpus.
#
# Usage: bench/perf/scaling.sh [--work DIR] [--build-dir DIR] [--points "8 4 2 1 0.5"]
#                              [--svg FILE]
#   --work DIR       cache and scratch: corpora, build, indexes, results; run.sh's by
#                    default, so both share the corpora (default: $WORK, else /tmp/furet-perf)
#   --build-dir DIR  CMake build directory (default: WORK/build, run.sh's)
#   --points LIST    divisors of the full corpus: 8 = an eighth of it, 1 = all of it,
#                    0.5 = twice it (the full corpus under two paths) (default "8 4 2 1 0.5")
#   --svg FILE       where to write the plot (default: bench/scaling.svg)
#
# Steps: build furet-index and furet-query-bench as run.sh does; build the full corpus and
# one capped corpus per fraction with the shared make-corpus.sh (cached: WORK/corpus-*, the
# directories run.sh uses); make the 1,000 queries of the shared gen_queries.py once, from
# the full corpus, so that every point answers the same queries; for each point, index into
# an empty index under GNU time (wall, CPU, peak RSS), take its size (du) and the warm query
# latency (furet-query-bench); write WORK/scaling.csv and the plot (plot_scaling.py) and
# print a Markdown table for bench/RESULTS.md.  The default points index 3.9 times the
# corpus (some 17 minutes at 3.5 s per MB) and query it five times (some 4 minutes); a
# capped corpus not yet in WORK takes make-corpus.sh 2 to 4 minutes more.
set -euo pipefail
trap 'echo "scaling.sh: error: line $LINENO failed (exit $?)" >&2' ERR

usage() { sed -n '5,12p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "scaling.sh: error: $*" >&2; exit 1; }
log() { echo "[$(date +%T)] scaling.sh: $*" >&2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
shared=${FURET_SHARED_BENCH:-$repo/../shared/bench}
harness=$shared/peers

work=${WORK:-/tmp/furet-perf} build_dir='' points='8 4 2 1 0.5' svg=$repo/bench/scaling.svg
invocation="bench/perf/scaling.sh $*"
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=${2:?--work needs a directory}; shift 2 ;;
    --build-dir) build_dir=${2:?--build-dir needs a directory}; shift 2 ;;
    --points) points=${2:?--points needs a list of divisors, e.g. \"8 4 2 1 0.5\"}; shift 2 ;;
    --svg) svg=${2:?--svg needs a file name}; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "scaling.sh: error: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -f "$shared/make-corpus.sh" ] ||
  die "no $shared/make-corpus.sh (set FURET_SHARED_BENCH to shared/bench)"
[ -n "${points// /}" ] || die "--points: the list is empty"
# A divisor above 1 is a fraction of the corpus; below 1, its inverse must be a whole
# number of copies (0.5 = 2 copies).
for d in $points; do
  if ! [[ $d =~ ^[0-9]+(\.[0-9]+)?$ ]] || ! awk -v d="$d" 'BEGIN {
      if (d <= 0) exit 1; k = 1 / d; exit (d < 1 && (k - int(k + 0.5))^2 > 1e-12) }'; then
    die "--points: '$d' is not a divisor of the corpus (8 = 1/8, 1 = all, 0.5 = 2 copies)"
  fi
done
for pkg in time libbenchmark-dev; do  # GNU time; Google Benchmark for FURET_BUILD_BENCH
  dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
    die "package $pkg is missing: apt-get install $pkg (or run bench/perf/run.sh once)"
done
mkdir -p "$work"
work=$(realpath "$work")
build_dir=$(realpath -m "${build_dir:-$work/build}")
out=$work/scaling
csv=$work/scaling.csv
rm -rf "$out"
mkdir -p "$out"
# shellcheck source=/dev/null
source "$harness/lib.sh"  # warm_input, du_bytes: the figures run.sh reports, taken alike

# --- build --------------------------------------------------------------------------------
# run.sh's configuration, so a shared build directory is not reconfigured back and forth;
# only the two programs measured here.
log "build ($build_dir)"
{ cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFURET_BUILD_BENCH=ON -DFURET_BUILD_TESTS=OFF &&
  cmake --build "$build_dir" -j"$(nproc)" --target furet-index furet-query-bench
} > "$out/cmake.log" 2>&1 || die "the build failed: see $out/cmake.log"
bin=$build_dir/bin

# --- corpora and queries ------------------------------------------------------------------
# corpus NAME [make-corpus.sh options]: WORK/corpus-NAME, built once and then cached.
corpus() {
  log "corpus $1"
  bash "$shared/make-corpus.sh" "$work/corpus-$1" "${@:2}" > "$out/corpus-$1.log" 2>&1 ||
    die "make-corpus.sh failed for $work/corpus-$1: see $out/corpus-$1.log"
}
txt_bytes() { find "$@" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
corpus full
full=$work/corpus-full
full_bytes=$(txt_bytes "$full")
queries=$out/queries.txt
log "queries (from $full)"
python3 "$harness/gen_queries.py" "$full" "$queries" > "$out/queries.log" 2>&1 ||
  die "gen_queries.py failed: see $out/queries.log"

# --- points -------------------------------------------------------------------------------
echo "points,label,articles,input_bytes,index_wall_s,index_cpu_s,peak_rss_kb,index_bytes,p50_ms,p95_ms,p99_ms,qps" \
  > "$csv"
index=$out/index
pick() { awk -v key="$1" '$1 == key {print $2}' "$2"; }  # a figure of furet-query-bench
for d in $points; do
  # make-corpus.sh --max-mb keeps articles in a fixed hash-shuffled order until the cap
  # is reached, so each capped corpus is a prefix of that order: the smaller ones are
  # subsets of the larger ones and of the full corpus.  Whole MB, as run.sh's --max-mb,
  # so both share WORK/corpus-NNmb; the table gives the exact size of each.
  if awk -v d="$d" 'BEGIN {exit !(d > 1)}'; then
    mb=$(awk -v b="$full_bytes" -v d="$d" 'BEGIN {m = int(b / 1e6 / d + 0.5); print m < 1 ? 1 : m}')
    label="1/$d" name=frac$d
    corpus "${mb}mb" --max-mb "$mb"
    dirs=("$work/corpus-${mb}mb")
  elif [ "$(awk -v d="$d" 'BEGIN {print (d == 1)}')" = 1 ]; then
    label=full name=full dirs=("$full")
  else
    # Hard-linked copies under other paths: furet keys an article by its canonical path,
    # so each copy is indexed anew (a symbolic link would resolve to the same article).
    copies=$(awk -v d="$d" 'BEGIN {print int(1 / d + 0.5)}')
    label="${copies}×" name=x$copies dirs=()
    mkdir -p "$out/copies"
    for ((i = 1; i <= copies; i++)); do
      cp -al "$full" "$out/copies/copy-$i"
      dirs+=("$out/copies/copy-$i")
    done
  fi
  articles=$(find "${dirs[@]}" -name '*.txt' -type f | wc -l)
  bytes=$(txt_bytes "${dirs[@]}")
  log "point $label: $articles articles, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB: index"
  rm -rf "$index"
  warm_input "${dirs[@]}"  # the input in the page cache, as for run.sh's figures
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" \
    "$bin/furet-index" --index "$index" --rebuild "${dirs[@]}" > "$out/$name.index.log" 2>&1 ||
    die "furet-index failed for the point $label: see $out/$name.index.log"
  grep -q "^$articles added, 0 updated, 0 removed" "$out/$name.index.log" ||
    die "furet-index did not add the $articles articles of the point $label: see $out/$name.index.log"
  read -r wall user sys rss < "$out/$name.time"
  index_bytes=$(du_bytes "$index")
  log "point $label: warm queries"
  q=$out/$name.query.txt
  "$bin/furet-query-bench" --index "$index" --queries "$queries" -n 10 \
    > "$q" 2> "$out/$name.query.log" ||
    die "furet-query-bench failed for the point $label: see $out/$name.query.log"
  printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$d" "$label" "$articles" "$bytes" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$rss" "$index_bytes" \
    "$(pick p50_ms "$q")" "$(pick p95_ms "$q")" "$(pick p99_ms "$q")" "$(pick qps "$q")" >> "$csv"
  rm -rf "$index" "$out/copies"  # the 2× index alone is some 800 MB
done

# --- plot and table -----------------------------------------------------------------------
echo "\`$invocation\`, $(date -u '+%Y-%m-%d %H:%M UTC'), furet" \
  "$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)," \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores:"
echo
python3 "$here/plot_scaling.py" "$csv" "$svg"
