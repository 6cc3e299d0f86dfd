#!/usr/bin/env bash
# Builds furet's libFuzzer targets with clang and runs each for a while on its seed corpus.
# Usage: scripts/fuzz.sh [SECONDS] [BUILD_DIR]
#   SECONDS    fuzzing time per target (default 60)
#   BUILD_DIR  clang build directory (default build-fuzz, as `cmake --preset fuzz`)
# Environment: FUZZ_TARGETS="analyzer ..." runs a subset; FUZZ_JOBS sets the build's -j.
# Crash inputs are saved under tests/fuzz/crashes/; libFuzzer's logs under BUILD_DIR/fuzz-logs/.
# Prints each target's executions and time, then "N passed, N failed"; exits 1 if any failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${2:-build-fuzz}
read -r -a targets <<<"${FUZZ_TARGETS:-analyzer query_parser article_reader article_data}"
jobs=${FUZZ_JOBS:-$(nproc)}

if [[ ! $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz.sh: SECONDS must be a positive whole number of seconds, got '$seconds'" >&2
  exit 2
fi
for target in "${targets[@]}"; do
  case $target in
    analyzer | query_parser | article_reader | article_data) ;;
    *) echo "fuzz.sh: FUZZ_TARGETS: unknown target '$target'" \
         "(known: analyzer query_parser article_reader article_data)" >&2; exit 2 ;;
  esac
done
case $build in /*) ;; *) build=$root/$build ;; esac
for tool in clang++ cmake; do
  command -v "$tool" >/dev/null ||
    { echo "fuzz.sh: '$tool' not found; install clang, libclang-rt-dev and cmake" >&2; exit 2; }
done

# A build directory first configured with g++ keeps g++: CMake ignores CXX once it has a cache.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang' "$build/CMakeCache.txt"; then
  echo "fuzz.sh: $build/CMakeCache.txt names another compiler than clang++;" \
       "remove $build or pass another BUILD_DIR" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/furet-fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== configuring $build (clang, FURET_FUZZ=ON)"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFURET_FUZZ=ON -DFURET_BUILD_TESTS=OFF >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; echo "fuzz.sh: configuring $build failed" >&2; exit 2; }
echo "== building ${targets[*]/#/fuzz_} with -j$jobs"
cmake --build "$build" -j"$jobs" --target fuzz_seeds "${targets[@]/#/fuzz_}" ||
  { echo "fuzz.sh: building the fuzz targets in $build failed" >&2; exit 2; }

crashes=$root/tests/fuzz/crashes
logs=$build/fuzz-logs
mkdir -p "$crashes" "$logs"

passed=0
failed=0
summary=()
for target in "${targets[@]}"; do
  binary=$build/bin/fuzz_$target
  seeds=$build/tests/fuzz/seeds/$target
  [ -x "$binary" ] || { echo "fuzz.sh: no fuzz target $binary (FUZZ_TARGETS?)" >&2; exit 2; }
  [ -d "$seeds" ] || { echo "fuzz.sh: no seeds in $seeds" >&2; exit 2; }
  # libFuzzer adds what it finds to the corpus directory: give it a copy, not the seeds.
  corpus=$work/$target
  cp -r "$seeds" "$corpus"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1
        -max_len=4096 -timeout=30 -artifact_prefix="$crashes/$target-")
  dict=$root/tests/fuzz/dicts/$target.dict
  [ -f "$dict" ] && args+=(-dict="$dict")
  log=$logs/$target.log
  echo "== fuzz_$target for ${seconds}s (log: $log)"
  start=$(date +%s)
  status=0
  "$binary" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  line="fuzz_$target: ${execs:-?} executions in ${elapsed}s"
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    summary+=("$line, passed")
  else
    failed=$((failed + 1))
    summary+=("$line, FAILED (exit $status)")
    # The report: libFuzzer's error and stack, and where the input was saved.
    grep -E -A40 '^==[0-9]+==ERROR|invariant violated|runtime error|^SUMMARY' "$log" |
      head -n 80 >&2 || true
    grep -E '^artifact_prefix|Test unit written to' "$log" >&2 || true
  fi
  echo "${summary[-1]}"
done

echo "== summary"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
