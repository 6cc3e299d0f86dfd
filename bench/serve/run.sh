#!/usr/bin/env bash
# run.sh — furet-serve under load: throughput and latency from 1 to 64
# connections, then during an update every second and a --rebuild.
#
# Usage: bench/serve/run.sh --corpus DIR --queries FILE [--build-dir DIR] [--work DIR]
#                           [--seconds N]
#   --corpus DIR     articles to serve (bench/perf's 74 MB corpus: WORK/corpus-full
#                    of bench/perf/run.sh)
#   --queries FILE   one query per line (bench/perf's 1,000 queries: queries.txt)
#   --build-dir DIR  a build with furet-serve (default: build)
#   --work DIR       index and results (default: /tmp/furet-serve-bench)
#   --seconds N      length of each load step (default 10)
#
# Steps: index the corpus; start furet-serve (-q, default limits, on every core
# but the first, which wrk takes); for 1, 4, 16 and
# 64 connections, wrk for N seconds over the queries (throughput, p50, p99,
# errors); then, with 16 connections for 4N seconds, a writer adds one
# article every second (and checks at once, over HTTP, that the server finds
# it: a miss is a stale answer) while a --rebuild runs midway. The server's
# peak RSS is read from /proc. Prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
corpus='' queries='' build=build work=/tmp/furet-serve-bench seconds=10
usage() { sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage ;;
  esac
done
[ -d "$corpus" ] && [ -f "$queries" ] || usage
command -v wrk >/dev/null || { echo "run.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
index_bin=$build/bin/furet-index serve_bin=$build/bin/furet-serve
rm -rf "$work" && mkdir -p "$work/live"
index=$work/index

echo "indexing $corpus ..." >&2
"$index_bin" -q --index "$index" "$corpus" "$work/live"
# On a machine of few cores the load generator would take the server's CPU
# time: wrk runs on the first core, the server on the others.
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
  serve_cpus="taskset -c 1-$((cores - 1))" wrk_cpus="taskset -c 0"
else
  serve_cpus='' wrk_cpus=''
fi
$serve_cpus "$serve_bin" -q --index "$index" --port 0 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url=$(sed -n 's|.*listening on \(http://[^ ]*\)/$|\1|p' "$work/serve.log")
peak_rss=0
sample_rss() {
  local kb; kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
  [ "$kb" -gt "$peak_rss" ] && peak_rss=$kb; return 0
}

# wrk's summary as "requests/s p50 p99 errors": latencies in ms.
load() {  # load CONNECTIONS SECONDS
  local c=$1
  $wrk_cpus wrk -t1 -c"$c" -d"$2s" --latency -s "$here/queries.lua" "$url" -- "$queries" \
    >"$work/wrk-$c.txt"
  sample_rss
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }  $1 == "99%" { p99 = ms($2) }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx/ { errors += $5 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$work/wrk-$c.txt"
}

echo "| connections | requests/s | p50 ms | p99 ms | errors |"
echo "|---:|---:|---:|---:|---:|"
for c in 1 4 16 64; do
  read -r rps p50 p99 errors < <(load "$c" "$seconds")
  echo "| $c | $rps | $p50 | $p99 | $errors |"
done

# Churn: a new article every second, each looked for at once; a rebuild midway.
# furet-index never waits for another writer: the writer and the rebuild each
# try again until the other is done.
until_done() { until "$@" 2>/dev/null; do sleep 0.2; done; }
churn=$((4 * seconds))
(
  stale=0 added=0
  for i in $(seq "$churn"); do
    word="zorglub$(printf '%05d' "$i")x"
    printf 'Article %s\n\nLe %s est arrivé à Lyon ce matin.\n' "$word" "$word" >"$work/live/$i.txt"
    until_done "$index_bin" -q --index "$index" "$corpus" "$work/live"
    added=$((added + 1))
    curl -s "$url/search?exact=1&q=$word" | grep -q "\"$word" || stale=$((stale + 1))
    sleep 1
  done
  echo "$added $stale" >"$work/churn.txt"
) &
writer=$!
( sleep $((churn / 3)); until_done "$index_bin" -q --index "$index" --rebuild "$corpus" "$work/live" ) &
rebuilder=$!
read -r rps p50 p99 errors < <(load 16 "$churn")
wait "$writer" "$rebuilder"
read -r added stale <"$work/churn.txt"
echo "| 16, during $added updates and a --rebuild | $rps | $p50 | $p99 | $errors |"
sample_rss
echo
echo "Stale answers after a commit: $stale of $added. Peak RSS of furet-serve: $((peak_rss / 1024)) MB."
kill -TERM "$server"; wait "$server" && echo "furet-serve exited 0 on SIGTERM."
