#!/usr/bin/env bash
# run.sh — furet's relevance benchmark, and its peers, in one run.
#
# Usage: bench/relevance/run.sh [--furet-bin DIR] [--qrels FILE] [--articles N]
#                               [--work DIR] [--skip-peers]
#   --furet-bin DIR  where furet-index and furet-search are (default build/bin)
#   --qrels FILE     judged queries, JSON lines as score.py reads them
#                    (default ../shared/relevance/dev.jsonl)
#   --articles N     distractor articles added to corpus/ (default 2000)
#   --work DIR       cache and indexes (default $WORK, else /tmp/furet-relevance)
#   --skip-peers     score furet alone
#
# Steps: (a) build N distractor articles (Debian documentation and the Littré,
# ../shared/bench/make-corpus.sh; cached in the work folder, rebuilt only when
# their packages change), (b) index corpus/ alone and corpus/ plus the
# distractors with furet, (c) score the queries with ../shared/relevance/score.py
# on both, (d) do the same for the peers of bench/peers/peer.sh on the same
# articles.  Prints one table and writes it, with the commands, the step times
# and the machine, into bench/RESULTS.md under "## Relevance" (replacing that
# section if present).  Per-query scores: WORK/scores/ENGINE.SET.txt.
# Paths are relative to the repository root, where the script runs.
# Environment: FURET_SHARED (the shared/ folder, default ../shared),
# PGPORT_PEER (PostgreSQL peer port on 127.0.0.1, default 55433).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
me=bench/relevance/run.sh

die() { echo "run.sh: error: $*" >&2; exit 2; }
say() { echo "run.sh: $*" >&2; }
usage() { sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

# Options given relative to the caller's folder are resolved before moving to
# the repository root; the defaults are relative to the root.
abs() { realpath -m -- "$1"; }
furet_bin=build/bin qrels='' articles=2000 work=${WORK:-/tmp/furet-relevance}
skip_peers=''
while [ $# -gt 0 ]; do
  case $1 in
    --furet-bin) [ $# -ge 2 ] || die "option '--furet-bin' needs a folder"; furet_bin=$(abs "$2"); shift 2 ;;
    --qrels) [ $# -ge 2 ] || die "option '--qrels' needs a file"; qrels=$(abs "$2"); shift 2 ;;
    --articles) [ $# -ge 2 ] || die "option '--articles' needs a number"; articles=$2; shift 2 ;;
    --work) [ $# -ge 2 ] || die "option '--work' needs a folder"; work=$2; shift 2 ;;
    --skip-peers) skip_peers=1; shift ;;
    -h|--help) usage 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
work=$(abs "$work")
[ -z "${FURET_SHARED:-}" ] || FURET_SHARED=$(abs "$FURET_SHARED")
cd "$root"
shared=${FURET_SHARED:-../shared}
export FURET_SHARED=$shared  # peer.sh finds the drivers through it
qrels=${qrels:-$shared/relevance/dev.jsonl}
score_py=$shared/relevance/score.py
make_corpus=$shared/bench/make-corpus.sh
peer=bench/peers/peer.sh

[[ $articles =~ ^[1-9][0-9]*$ ]] || die "option '--articles': '$articles' is not a positive number"
for f in "$furet_bin/furet-index" "$furet_bin/furet-search"; do
  [ -x "$f" ] || die "no program '$f' (option '--furet-bin'; build with: cmake -S . -B build && cmake --build build)"
done
[ -r "$qrels" ] || die "cannot read qrels '$qrels' (option '--qrels')"
[ -f "$score_py" ] || die "no scorer '$score_py' (set FURET_SHARED to the shared/ folder)"
[ -x "$make_corpus" ] || die "no corpus builder '$make_corpus' (set FURET_SHARED to the shared/ folder)"
command -v python3 >/dev/null || die "python3 is required to run '$score_py'"
nqueries=$(grep -c . "$qrels") || die "qrels '$qrels' is empty"

mkdir -p "$work/scores" "$work/logs"

# --- Debian packages the peers need -----------------------------------------
# postgresql-15 carries the unaccent extension (postgresql-contrib is only a
# metapackage for it); python3 brings /usr/bin/python3 and its sqlite3 module,
# whose libsqlite3 has FTS5; python3-xapian is built for that interpreter.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  say "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "packages ${missing[*]} are missing; install them as root with apt-get"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q >/dev/null
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}
if [ -z "$skip_peers" ]; then
  ensure_packages python3 python3-xapian postgresql-15
  /usr/bin/python3 -c 'import sqlite3, xapian
sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' ||
    die "/usr/bin/python3 lacks xapian or SQLite FTS5 (packages python3-xapian, libsqlite3-0)"
fi

# --- step bookkeeping: every command is timed and recorded as run ------------
commands=() timings=()
dist=$work/distractors-$articles
# Shows a command as it can be pasted at the repository root; the distractor
# folders collapse back into their glob.
show() {
  local out='' a globbed=''
  for a in "$@"; do
    if [[ $a == "$dist"/src-* ]]; then
      [ -n "$globbed" ] || out+=" $dist/src-*"
      globbed=1
    elif [[ $a =~ ^[][A-Za-z0-9_./{}@:=+-]+$ ]]; then
      out+=" $a"  # {query} stays readable: braces without a comma are literal, and commas need quoting
    else
      out+=" $(printf '%q' "$a")"
    fi
  done
  printf '%s\n' "${out# }"
}
# step LABEL LOG COMMAND...: runs COMMAND with its output in LOG.
step() {
  local label=$1 log=$2 t0=$SECONDS; shift 2
  commands+=("$(show "$@")")
  say "$label ..."
  if ! "$@" > "$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "$label failed: $(show "$@") (log: $log)"
  fi
  timings+=("$label: $((SECONDS - t0)) s")
}
# score ENGINE SET COMMAND...: score.py over the qrels, COMMAND holding {query}.
# score.py scores a failed command 0 for that query: furet's exit status 1
# (nothing matched) is such a score, any other failure is counted, since a
# broken index would otherwise read as a bad score.
declare -A metric
score() {
  local engine=$1 set=$2 out=$work/scores/$1.$2.txt; shift 2
  step "score $engine ($set)" "$out" python3 "$score_py" -v "$qrels" -- "$@"
  local last failed
  last=$(tail -n 1 "$out")
  [[ $last == nDCG@10=* ]] || die "no final line from '$score_py' in '$out'"
  metric[$engine.$set]=$(sed -E 's/nDCG@10=([^ ]+) MRR=([^ ]+) S@1=([^ ]+) R@10=([^ ]+).*/\1 \2 \3 \4/' <<< "$last")
  failed=$(awk -v furet="$([ "$engine" != furet ] || echo 1)" '
    /^command failed \(/ && !(furet && /^command failed \(1\)/) {n++} END {print n + 0}' "$out")
  [ "$failed" = 0 ] || say "warning: $failed queries failed for $engine ($set), see $out"
}

# --- (a) distractors -----------------------------------------------------------
# make-corpus.sh keeps a build key (package versions, options, its scripts):
# with the folder up to date it returns at once, so the cache is its own.
step "distractors ($articles articles)" "$work/logs/make-corpus.log" \
  "$make_corpus" "$dist" --articles "$articles"
shopt -s nullglob
dist_dirs=("$dist"/src-*)
shopt -u nullglob
[ ${#dist_dirs[@]} -gt 0 ] || die "no '$dist/src-*' folders after make-corpus.sh (log: $work/logs/make-corpus.log)"
n_dist=$(find "${dist_dirs[@]}" -name '*.txt' | wc -l)

declare -A set_label
set_label[seeds]="seeds only"
set_label[plus]="+$articles distractors"
sets=(seeds plus)
passages=()

for set in "${sets[@]}"; do
  if [ "$set" = seeds ]; then dirs=(corpus); else dirs=(corpus "${dist_dirs[@]}"); fi

  # --- (b, c) furet: --rebuild, as the binary under test may analyse differently
  idx=$work/furet.$set
  step "furet-index ($set)" "$work/logs/furet-index.$set.log" \
    "$furet_bin/furet-index" --index "$idx" --rebuild "${dirs[@]}"
  passages+=("furet, ${set_label[$set]}: $(grep -o '[0-9]* passages' "$work/logs/furet-index.$set.log" | head -n 1 || true)")
  score furet "$set" "$furet_bin/furet-search" --index "$idx" --json '{query}'

  # --- (d) peers, one store at a time: the PostgreSQL clusters of both sets
  # would share one port, so each is stopped once its engines are scored.
  [ -z "$skip_peers" ] || continue
  for store in $("$peer" engines | awk '{print $2}' | awk '!seen[$0]++'); do
    db=$work/$store.$set
    [ "$store" != sqlite ] || db+=.db
    # A run that fails half-way must not leave a server behind (expanded now:
    # $db is this cluster's folder).
    # shellcheck disable=SC2064
    [ "$store" != pg ] || trap "$(printf '%q ' "$peer" stop pg "$db") >/dev/null 2>&1 || true" EXIT
    step "$store index ($set)" "$work/logs/$store.$set.log" "$peer" index "$store" "$db" "${dirs[@]}"
    n=$(grep -o 'indexed [0-9]* passages' "$work/logs/$store.$set.log" | head -n 1 || true)
    [ -z "$n" ] || passages+=("$store, ${set_label[$set]}: ${n#indexed }")
    for engine in $("$peer" engines | awk -v s="$store" '$2 == s {print $1}'); do
      score "$engine" "$set" "$peer" search "$engine" "$db" '{query}'
    done
    # Only PostgreSQL keeps a server between searches.
    [ "$store" != pg ] || step "$store stop ($set)" "$work/logs/$store.$set.stop.log" "$peer" stop "$store" "$db"
  done
done

# --- the table -------------------------------------------------------------------
engines=(furet)
furet_version=$("$furet_bin/furet-search" --version)
declare -A label=([furet]="furet ${furet_version##* }")
if [ -z "$skip_peers" ]; then
  while read -r e _ l; do engines+=("$e"); label[$e]=$l; done < <("$peer" engines)
fi
table() {
  echo "| engine | ${set_label[seeds]}: nDCG@10 | MRR | S@1 | R@10 | ${set_label[plus]}: nDCG@10 | MRR | S@1 | R@10 |"
  echo "|---|---|---|---|---|---|---|---|---|"
  local e
  for e in "${engines[@]}"; do
    echo "| ${label[$e]} | ${metric[$e.seeds]// / | } | ${metric[$e.plus]// / | } |"
  done
}

# Queries furet loses to the distractors: where ranking work should look.
losses() {
  # Per-query lines: "ID  nDCG@10=X  first-answer-rank=R  found=F/N  QUERY".
  LC_ALL=C join -t $'\t' \
    <(awk '/^[^ ]+  nDCG@10=/ {q = $0; for (i = 0; i < 4; i++) sub(/^[^ ]+ +/, "", q)
                               print $1 "\t" substr($2, 9) "\t" q}' \
        "$work/scores/furet.seeds.txt" | LC_ALL=C sort) \
    <(awk '/^[^ ]+  nDCG@10=/ {print $1 "\t" substr($2, 9)}' "$work/scores/furet.plus.txt" | LC_ALL=C sort) |
  awk -F'\t' '$4 < $2 - 0.0005 {printf "%.3f\t- %s `%s`: %s -> %s\n", $2 - $4, $1, $3, $2, $4}' |
    sort -t $'\t' -k1,1gr | cut -f 2-  # largest loss first
}

machine() {
  echo "- nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "- free -m: $(free -m | awk '/^Mem:/ {print "total " $2 " MB, available " $7 " MB"}')"
  echo "- system: $(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"'), kernel $(uname -r)"
  echo "- packages: $(dpkg-query -W -f='${db:Status-Abbrev}${Package} ${Version}\n' \
      'libxapian[0-9]*' 'libicu[0-9]*' python3-xapian postgresql-15 'libsqlite3-[0-9]*' python3 2>/dev/null |
      awk '$1 == "ii" {sub(/^ii */, ""); print}' | paste -sd ';' | sed 's/;/; /g')"
  # The binaries' own checkout says what was measured (it may be another clone
  # than the one running this script, or none).
  local src
  if src=$(git -C "$furet_bin" rev-parse --short HEAD 2>/dev/null); then
    [ -z "$(git -C "$furet_bin" status --porcelain --untracked-files=no)" ] || src+=" with uncommitted changes"
    src="in a checkout at $src"
  else
    src="outside any git checkout"
  fi
  echo "- furet: $furet_version in $furet_bin, $src; benchmark scripts at $(git rev-parse --short HEAD 2>/dev/null || echo '(no git)')"
  echo "- distractors: $n_dist articles in $dist ($(sed -n 's/^options //p' "$dist/.build-info"))"
}

section=$work/relevance-section.md
{
  echo "## Relevance"
  echo
  echo "\`$me\` ($(date -u +%F)): $nqueries judged queries from \`$qrels\`, scored by"
  echo "\`$score_py\` over the top 10 passages; \"${set_label[plus]}\" adds $n_dist articles"
  echo "of Debian documentation and the Littré (\`$make_corpus --articles $articles\`) to \`corpus/\`."
  echo "Every engine indexes the same articles; the peers cut them into passages by"
  echo "\`$shared/relevance/peers/passages.py\` (one per line, long lines at sentence ends)."
  echo
  table
  echo
  echo "Passages indexed: $(printf '%s; ' "${passages[@]}" | sed 's/; $//')."
  echo
  echo "furet's queries that lose nDCG@10 with the distractors (seeds -> +$articles):"
  echo
  l=$(losses); echo "${l:-- none}"
  echo
  echo "Machine:"
  echo
  machine
  echo
  echo "Commands (at the repository root), in order:"
  echo
  echo '```'
  # The run itself with every option resolved, so that it replays from the root.
  show "$me" --furet-bin "$furet_bin" --qrels "$qrels" --articles "$articles" \
    --work "$work" ${skip_peers:+--skip-peers}
  printf '%s\n' "${commands[@]}"
  echo '```'
  echo
  echo "Step times: $(printf '%s; ' "${timings[@]}" | sed 's/; $//')."
  echo
} > "$section"

# Replace the "## Relevance" section of bench/RESULTS.md (up to the next "## "
# heading), or append it: the file may hold other benchmarks' sections.
results=bench/RESULTS.md
if [ -f "$results" ]; then
  awk -v sec="$section" '
    function put(  l) { while ((getline l < sec) > 0) print l; done = 1 }
    /^## Relevance[[:space:]]*$/ { put(); skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
    END { if (!done) { print ""; put() } }' "$results" > "$results.tmp"
  mv "$results.tmp" "$results"
else
  { echo "# Benchmark results"; echo; cat "$section"; } > "$results"
fi

echo
table
echo
echo "furet's losses with distractors:"; l=$(losses); echo "${l:-- none}"
echo
printf '%s\n' "${timings[@]}"
say "per-query scores in $work/scores/; table written to $results under '## Relevance'"
