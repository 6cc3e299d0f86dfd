#!/usr/bin/env bash
# peer.sh — the relevance peers of bench/relevance/run.sh, by name.
#
# The drivers in ../shared/relevance/peers already index "one passage per
# non-empty line, long lines cut at sentence ends" (passages.py) and print
# JSON hits {doc, passage, score} for score.py; this wrapper only fixes
# which driver and which options make each peer, so that run.sh and a person
# at a shell run exactly the same thing.
#
# Usage:
#   peer.sh engines                    one line per engine: ENGINE STORE LABEL
#   peer.sh index STORE DB DIR...      index every *.txt under DIR... into DB
#   peer.sh search ENGINE DB QUERY     print the top 10 hits as JSON lines
#   peer.sh stop STORE DB              stop what `index` left running (pg only)
#
# A STORE is one index that several engines may read: the PostgreSQL table
# carries both the `french` and the `french_unaccent` tsvectors.
# Environment: FURET_SHARED (default: the shared/ folder beside the repo),
# PEER_PYTHON (default /usr/bin/python3, the interpreter python3-xapian is
# built for), PGPORT_PEER (PostgreSQL port on 127.0.0.1, default 55433).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${FURET_SHARED:-$here/../../../shared}
drivers=$shared/relevance/peers
py=${PEER_PYTHON:-/usr/bin/python3}

die() { echo "peer.sh: $*" >&2; exit 2; }
usage() { sed -n '10,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# ENGINE STORE LABEL — the rows of run.sh's table, in this order.  OR of the
# terms everywhere: an AND peer sinks on every query with one unmatched word
# (0.674 in the shared README), which says nothing about ranking.
ENGINES='
xapian       xapian  Xapian 1.4 TermGenerator+QueryParser, French Snowball, OR, BM25
pg-french    pg      PostgreSQL 15 FTS french, OR, ts_rank
pg-unaccent  pg      PostgreSQL 15 FTS french_unaccent, OR, ts_rank
sqlite-fts5  sqlite  SQLite FTS5 unicode61 remove_diacritics 2, OR, bm25
'

driver() {
  local f=$drivers/$1
  [ -f "$f" ] || die "missing driver '$f' (set FURET_SHARED to the shared/ folder)"
  printf '%s\n' "$f"
}

store_of() {
  local s
  s=$(awk -v e="$1" '$1 == e {print $2}' <<< "$ENGINES")
  [ -n "$s" ] || die "unknown engine '$1' (known: $(awk 'NF {print $1}' <<< "$ENGINES" | paste -sd " "))"
  printf '%s\n' "$s"
}

cmd_index() {
  local store=$1 db=$2; shift 2
  [ $# -gt 0 ] || die "index: no DIR to index"
  local d
  for d in "$@"; do [ -e "$d" ] || die "index: no such file or directory '$d'"; done
  case $store in
    xapian)
      # The driver opens DB with DB_CREATE_OR_OVERWRITE: every run starts afresh.
      "$py" "$(driver naive_xapian_split.py)" index "$@" "$db" ;;
    sqlite)
      "$py" "$(driver sqlite_fts5.py)" index "$@" "$db" ;;
    pg)
      # As root the driver runs the server as 'postgres' (initdb refuses root),
      # so that user must be able to reach the cluster's folder.
      local parent
      parent=$(dirname "$(realpath -m "$db")")
      mkdir -p "$parent"
      if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$parent"; then
        die "index: user 'postgres' cannot enter '$parent': choose a work folder outside /root (--work or WORK)"
      fi
      "$py" "$(driver pg_fts.py)" index "$@" "$db" ;;
    *) die "unknown store '$store' (known: xapian pg sqlite)" ;;
  esac
}

cmd_search() {
  local engine=$1 db=$2 query=$3
  case $engine in
    xapian)      "$py" "$(driver naive_xapian_split.py)" search "$db" "$query" ;;
    pg-french)   "$py" "$(driver pg_fts.py)" search --rank rank --op or --config french "$db" "$query" ;;
    pg-unaccent) "$py" "$(driver pg_fts.py)" search --rank rank --op or --config french_unaccent "$db" "$query" ;;
    sqlite-fts5) "$py" "$(driver sqlite_fts5.py)" search --op or "$db" "$query" ;;
    *) store_of "$engine" >/dev/null ;;  # dies naming the known engines
  esac
}

[ $# -gt 0 ] || usage
case $1 in
  engines) awk 'NF' <<< "$ENGINES" ;;
  index) [ $# -ge 4 ] || usage; shift; cmd_index "$@" ;;
  search) [ $# -eq 4 ] || usage; shift; cmd_search "$@" ;;
  stop)
    [ $# -eq 3 ] || usage
    # Only PostgreSQL keeps a server; stopping anything else is a no-op.
    if [ "$2" = pg ] && [ -f "$3/PG_VERSION" ]; then
      "$py" "$(driver pg_fts.py)" stop "$3" >/dev/null
    fi ;;
  -h|--help) usage ;;
  *) die "unknown command '$1'"; ;;
esac
