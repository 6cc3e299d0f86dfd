#!/usr/bin/env bash
# run.sh — furet's performance benchmark against peer engines, in one command.
#
# Usage: bench/perf/run.sh [--max-mb N] [--peers "xapian sphinx pg"] [--work DIR]
#                          [--build-dir DIR] [--profile] [--no-results-md]
#   --max-mb N       a subset of N MB of the corpus (default: the whole corpus, ~74 MB)
#   --peers LIST     peer engines of the shared harness, run after furet, one at a
#                    time (default "xapian sphinx pg"; "" for furet alone)
#   --work DIR       cache and scratch: corpora, build, indexes, results
#                    (default: $WORK, else /tmp/furet-perf)
#   --build-dir DIR  CMake build directory (default: WORK/build, so the benchmark's
#                    optimised build never reconfigures a developer's build/)
#   --profile        also record `perf` over a rebuild of furet's index and write
#                    where the time goes (WORK/results-*/furet/profile.txt)
#   --no-results-md  leave bench/RESULTS.md alone (the table is still printed)
#
# Steps: build furet with the bench/ programs; build the corpus with the shared
# make-corpus.sh (cached: a re-run with the same options does nothing); make the
# 1,000-query set and the 10 new articles with the shared generators; measure furet
# (full build, incremental update, no-op re-run, warm queries, cold CLI, analyzer
# MB/s); run the shared peer harness on the same corpus and queries; print one table
# and write it, with the machine and the commands, to the "## Performance" section
# of bench/RESULTS.md.  Needs root to install missing Debian packages.
set -euo pipefail
trap 'echo "run.sh: error: line $LINENO failed (exit $?)" >&2' ERR

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
shared=${FURET_SHARED_BENCH:-$repo/../shared/bench}
harness=$shared/peers

usage() { sed -n '4,15p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "run.sh: error: $*" >&2; exit 1; }

max_mb='' peers='xapian sphinx pg' work=${WORK:-/tmp/furet-perf} build_dir='' profile=
results_md=$repo/bench/RESULTS.md
invocation="bench/perf/run.sh $*"
while [ $# -gt 0 ]; do
  case $1 in
    --max-mb) max_mb=${2:?--max-mb needs a number of MB}; shift 2 ;;
    --peers) peers=${2?--peers needs a list, possibly empty}; shift 2 ;;
    --work) work=${2:?--work needs a directory}; shift 2 ;;
    --build-dir) build_dir=${2:?--build-dir needs a directory}; shift 2 ;;
    --profile) profile=1; shift ;;
    --no-results-md) results_md=; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: error: unknown argument '$1'" >&2; usage ;;
  esac
done
[[ -z $max_mb || $max_mb =~ ^[0-9]+$ ]] || die "--max-mb wants a whole number of MB, not '$max_mb'"
[ -d "$harness" ] || die "no peer harness at $harness (set FURET_SHARED_BENCH to shared/bench)"
for peer in $peers; do
  [ -f "$harness/peers/$peer.sh" ] || die "--peers: no harness script $harness/peers/$peer.sh"
done
mkdir -p "$work"
work=$(realpath "$work")
build_dir=$(realpath -m "${build_dir:-$work/build}")
label=${max_mb:+${max_mb}mb}
label=${label:-full}
corpus=$work/corpus-$label
out=$work/results-$label

# --- packages -----------------------------------------------------------------------------
# GNU time for wall/CPU/peak RSS; libbenchmark-dev for the analyzer benchmark; the peer
# harness compiles all its query programs (src/build.sh) whichever peers run, so with
# any peer it needs every package its README lists (Recoll left out: not run here).
needed=(time bc libbenchmark-dev)
[ -z "$peers" ] || needed+=(xapian-omega xapian-tools libxapian-dev sphinxsearch
  mariadb-client libmariadb-dev postgresql-15 libpq-dev sqlite3 libsqlite3-dev
  liblucene4.10-java openjdk-17-jdk-headless)
[ -z "$profile" ] || needed+=(linux-perf)
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing packages (install them as root): ${missing[*]}"
  echo "run.sh: installing ${missing[*]}" >&2
  apt-cache show "${missing[0]}" >/dev/null 2>&1 || apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >/dev/null
fi

# --- bookkeeping --------------------------------------------------------------------------
rm -rf "$out"
mkdir -p "$out/furet" "$out/peers"
: > "$out/commands.txt"
echo "$invocation" > "$out/invocation.txt"
printf 'step\tseconds\n' > "$out/steps.tsv"
step_name='' step_start=0
# step NAME: closes the previous step's timing and opens the next; `step` alone closes.
step() {
  if [ -n "$step_name" ]; then
    printf '%s\t%d\n' "$step_name" $((SECONDS - step_start)) >> "$out/steps.tsv"
  fi
  step_name=${1:-} step_start=$SECONDS
  [ -z "$step_name" ] || echo "[$(date +%T)] run.sh: $step_name" >&2
}
# record CMD...: logs the exact command for RESULTS.md, then runs it.
record() { echo "$*" >> "$out/commands.txt"; "$@"; }

# The shared timing helpers (GNU time -v files, du, cold-start median) write into $OUT,
# in the layout of the peers' files, so furet's figures are read like theirs.
OUT=$out/furet
# shellcheck source=/dev/null
source "$harness/lib.sh"
# measure NAME CMD...: one run under GNU time; lib.sh's `timed` names the log on failure.
measure() { echo "${*:2}   # $1, GNU time -v" >> "$out/commands.txt"; timed "$@"; }

{ echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "memory $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "os Debian $(cat /etc/debian_version), $(uname -sr)"
  echo "compiler $(g++ --version | head -1)"
  echo "xapian $(dpkg-query -W -f '${Version}' libxapian30 2>/dev/null || echo unknown)"
  echo "furet $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "loadavg_at_start $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

# --- build --------------------------------------------------------------------------------
step build
record cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFURET_BUILD_BENCH=ON -DFURET_BUILD_TESTS=OFF > "$out/cmake.log"
record cmake --build "$build_dir" -j"$(nproc)" >> "$out/cmake.log"
bin=$build_dir/bin

# --- corpus, queries, new articles --------------------------------------------------------
step corpus
record bash "$shared/make-corpus.sh" "$corpus" ${max_mb:+--max-mb "$max_mb"}
{ echo "files $(find "$corpus" -name '*.txt' -type f | wc -l)"
  echo "bytes $(find "$corpus" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')"
  echo "path $corpus"
  echo "options ${max_mb:+--max-mb $max_mb}"
} > "$out/corpus.txt"
queries=$out/peers/queries.txt  # run_all.sh uses the file it finds there
record python3 "$harness/gen_queries.py" "$corpus" "$queries"
incoming=$work/incoming
rm -rf "$incoming"
record python3 "$harness/make_incoming.py" "$corpus" "$incoming"

# --- furet --------------------------------------------------------------------------------
# A hard-linked copy, so the update can add, change and delete articles without touching
# the cached corpus (the changed article is written as a new file, never in place).
step "furet: full build"
scratch=$work/furet
stage=$scratch/stage index=$scratch/index
rm -rf "$scratch"
mkdir -p "$scratch"
cp -al "$corpus" "$stage"
warm_input "$stage"
measure build "$bin/furet-index" --index "$index" "$stage"
du_bytes "$index" > "$OUT/index_bytes"

step "furet: incremental update"
mapfile -t articles < <(find "$stage" -name '*.txt' -type f | sort)
changed=${articles[0]} deleted=${articles[-1]}
mkdir "$stage/_incoming"
cp "$incoming"/*.txt "$stage/_incoming/"
{ cat "$changed"; printf '\nMise à jour : un paragraphe ajouté après la publication.\n'; } \
  > "$changed.new"
mv "$changed.new" "$changed"
rm "$deleted"
measure incr "$bin/furet-index" --index "$index" "$stage"
du_bytes "$index" > "$OUT/index_bytes_after_incr"
# A benchmark of the wrong update would be worse than none: check what was done.
grep -q '^10 added, 1 updated, 1 removed' "$OUT/incr.log" ||
  die "the update did not add 10, update 1 and remove 1 article: see $OUT/incr.log"

step "furet: no-op re-run"
measure noop "$bin/furet-index" --index "$index" "$stage"
grep -q '^0 added, 0 updated, 0 removed' "$OUT/noop.log" ||
  die "the no-op re-run changed the index: see $OUT/noop.log"

step "furet: warm queries"
record "$bin/furet-query-bench" --index "$index" --queries "$queries" -n 10 \
  --latencies "$OUT/lat.tsv" > "$OUT/query.txt"
# The floor under those figures: Xapian's BM25 matching alone over the same passages.
record "$bin/furet-query-bench" --index "$index" --queries "$queries" -n 10 --matching-only \
  > "$OUT/matching.txt"

step "furet: cold CLI"
query=$(cold_query "$queries")
echo "$bin/furet-search --index $index --json -n 10 '$query'   # 5 fresh runs, median" \
  >> "$out/commands.txt"
cold cold "$bin/furet-search" --index "$index" --json -n 10 "$query"

step "furet: analyzer MB/s"
# On corpus/ (the articles the repository ships) and on the first 8 MB of the corpus.
record "$bin/furet-analyzer-bench" --benchmark_out="$OUT/analyzer_repo.json" \
  --benchmark_out_format=json > "$OUT/analyzer_repo.log" 2>&1
record "$bin/furet-analyzer-bench" --benchmark_out="$OUT/analyzer_corpus.json" \
  --benchmark_out_format=json --max_mb=8 "$corpus" > "$OUT/analyzer_corpus.log" 2>&1

if [ -n "$profile" ]; then
  step "furet: profile"
  # A full build under perf, into a new index like the measured one: where the indexing
  # time goes (analysis, chrome filter, Xapian's write path). DWARF call graphs, because
  # Debian's libraries have no frame pointers; even at this low sampling rate perf.data
  # takes some 10 MB per MB of input. `sed -n` rather than `head`, which would end
  # perf report with SIGPIPE and so the script under pipefail.
  record perf record -q -F 200 --call-graph dwarf,16384 -o "$OUT/perf.data" -- \
    "$bin/furet-index" --index "$scratch/profile-index" "$stage" > "$OUT/profile.log" 2>&1
  { echo "# self time by shared object"
    perf report -i "$OUT/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null |
      grep -v '^#' | grep . | sed -n '1,10p'
    echo "# time with callees, by function"
    perf report -i "$OUT/perf.data" --children --sort sym --stdio -g none 2>/dev/null |
      grep -E '\] (furet::|Xapian::(WritableDatabase|Stem|Document)::)' | sed -n '1,25p'
  } > "$OUT/profile.txt"
  rm -f "$OUT/perf.data"
fi
rm -rf "$scratch"

# --- peers --------------------------------------------------------------------------------
if [ -n "$peers" ]; then
  step "peers: $peers"
  # run_all.sh goes on when one peer fails; report.py then leaves that peer out.
  # shellcheck disable=SC2086  # the peer list is meant to split into words
  record env WORK="$work/peers" bash "$harness/run_all.sh" "$corpus" "$out/peers" $peers \
    > "$out/peers.log" 2>&1 || die "the peer harness failed: see $out/peers.log"
  rm -rf "$work/peers"
fi
step

# --- report -------------------------------------------------------------------------------
python3 "$here/report.py" "$out" ${results_md:+--results-md "$results_md"}
