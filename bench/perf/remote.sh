#!/usr/bin/env bash
# remote.sh — warm query latency of an index served by xapian-tcpsrv on
# loopback, against the same index opened locally, for docs/scaling.md.
#
# Usage: bench/perf/remote.sh INDEX QUERIES [BIN_DIR] [N]
#   INDEX    an index folder made by furet-index (e.g. the one bench/perf/run.sh builds)
#   QUERIES  one query per line (e.g. ../shared/bench/peers/queries.txt)
#   BIN_DIR  furet-query-bench (default build/bin; needs cmake -DFURET_BUILD_BENCH=ON)
#   N        the first N queries (default 200: a remote query costs some 10x a local one)
# Prints one table row per road. The server runs on a free port of 127.0.0.1 and
# is stopped on exit, whatever happens.
set -euo pipefail
usage='usage: remote.sh INDEX QUERIES [BIN_DIR] [N]'
index=${1:?$usage}
queries=${2:?$usage}
bin=${3:-build/bin}
count=${4:-200}
die() { echo "remote.sh: error: $*" >&2; exit 2; }
[ -x "$bin/furet-query-bench" ] || die "no '$bin/furet-query-bench' (cmake -DFURET_BUILD_BENCH=ON)"
command -v xapian-tcpsrv >/dev/null || die "xapian-tcpsrv is missing (Debian package xapian-tools)"
[ -d "$index" ] || die "no index folder '$index'"
[ -r "$queries" ] || die "cannot read queries '$queries'"
[[ $count =~ ^[1-9][0-9]*$ ]] || die "N: '$count' is not a positive number"

work=$(mktemp -d)
server=''
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
head -n "$count" "$queries" >"$work/queries"

# A free port: the kernel's choice for a socket bound to port 0.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$index" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || die "xapian-tcpsrv stopped: $(cat "$work/server.log")"
  sleep 0.1
done

echo "| road | queries | warm p50 / p95 / p99 ms | QPS |"
echo "|---|---|---|---|"
for location in "$index" "tcp://127.0.0.1:$port"; do
  out=$("$bin/furet-query-bench" --index "$location" --queries "$work/queries" -n 10) ||
    die "furet-query-bench failed on '$location'"
  field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$out"; }
  road=local
  [ "$location" = "$index" ] || road="xapian-tcpsrv, loopback"
  echo "| $road | $count | $(field p50_ms) / $(field p95_ms) / $(field p99_ms) | $(field qps) |"
done
