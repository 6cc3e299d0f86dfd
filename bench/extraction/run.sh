#!/usr/bin/env bash
# run.sh — furet's text extraction against peers, in one run.
#
# Usage: bench/extraction/run.sh [--furet-bin DIR] [--work DIR] [--pages N] [--sample N]
#                                [--data FILE --pages-tar FILE] [--corpus DIR]
#                                [--skip-peers] [--no-results-md]
#   --furet-bin DIR    where furet-index, furet-search and furet-extract-bench are
#                      (default build/bin; furet-extract-bench needs -DFURET_BUILD_BENCH=ON)
#   --work DIR         cache, kept texts, indexes and logs (default $WORK, else
#                      /tmp/furet-extraction)
#   --pages N          the first N pages of the page set only (default: all)
#   --sample N         prose lines sampled per corpus for fidelity (default 400)
#   --data FILE        strings to keep and drop, as score.py reads them (default
#                      ../shared/html-eval/dev.json); give --pages-tar with it
#   --pages-tar FILE   the pages of --data, pages/NAME.html in a tar (default
#                      ../shared/html-eval/pages.tar.xz)
#   --corpus DIR       the Debian-documentation corpus, built or refreshed by
#                      ../shared/bench/make-corpus.sh (default WORK/corpus-full)
#   --skip-peers       measure furet alone
#   --no-results-md    leave bench/RESULTS.md alone (the table is still printed)
#
# Steps: (a) unpack the pages once (cached by the tar's checksum); (b) furet-extract-bench
# on every page: the text furet makes searchable, and ArticleReader's MB/s (median of 3
# passes); (c) the peers on the same pages, Mozilla Readability on jsdom (npm packages of
# peers/package.json, installed with npm ci into WORK/npm) and readability-lxml and all
# visible text (peers/lxml_peers.py; Debian package python3-readability); (d) score each
# engine with ../shared/html-eval/score.py; (e) prose fidelity of furet
# (../shared/fidelity/fidelity.py: prose lines searched as phrases) on the Debian corpus,
# the CNIL corpus and corpus/; (f) the seed chrome check: how many lines of
# seed_chrome.txt furet makes searchable in corpus/ (target 0). Prints one table and
# writes it, with the commands, step times, date, commit and machine, into bench/RESULTS.md
# under "## Extraction" (replacing that section if present).  Kept texts, to inspect
# misses with `score.py KEPT --show N`: WORK/kept/SET/ENGINE.jsonl (SET: the --data file's
# name); scores with 30 misses each: WORK/scores/SET/; fidelity misses, each marked
# dropped by extraction or not found by search: WORK/fidelity/CORPUS.misses.txt.
# Paths are relative to the repository root, where the script runs.
# Environment: FURET_SHARED (the shared/ folder, default ../shared).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
me=bench/extraction/run.sh

die() { echo "run.sh: error: $*" >&2; exit 2; }
say() { echo "run.sh: $*" >&2; }
usage() { sed -n '4,21p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

# Options given relative to the caller's folder are resolved before moving to
# the repository root; the defaults are relative to the root.
abs() { realpath -m -- "$1"; }
furet_bin=build/bin work=${WORK:-/tmp/furet-extraction} npages='' sample=400
data='' pages_tar='' corpus='' skip_peers='' results_md=1
while [ $# -gt 0 ]; do
  case $1 in
    --furet-bin) [ $# -ge 2 ] || die "option '--furet-bin' needs a folder"; furet_bin=$(abs "$2"); shift 2 ;;
    --work) [ $# -ge 2 ] || die "option '--work' needs a folder"; work=$2; shift 2 ;;
    --pages) [ $# -ge 2 ] || die "option '--pages' needs a number"; npages=$2; shift 2 ;;
    --sample) [ $# -ge 2 ] || die "option '--sample' needs a number"; sample=$2; shift 2 ;;
    --data) [ $# -ge 2 ] || die "option '--data' needs a file"; data=$(abs "$2"); shift 2 ;;
    --pages-tar) [ $# -ge 2 ] || die "option '--pages-tar' needs a file"; pages_tar=$(abs "$2"); shift 2 ;;
    --corpus) [ $# -ge 2 ] || die "option '--corpus' needs a folder"; corpus=$(abs "$2"); shift 2 ;;
    --skip-peers) skip_peers=1; shift ;;
    --no-results-md) results_md=''; shift ;;
    -h|--help) usage 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
work=$(abs "$work")
[ -z "${FURET_SHARED:-}" ] || FURET_SHARED=$(abs "$FURET_SHARED")
cd "$root"
shared=${FURET_SHARED:-../shared}
[ -n "$data" ] || [ -z "$pages_tar" ] || die "option '--pages-tar' goes with '--data' (the strings of those pages)"
[ -z "$data" ] || [ -n "$pages_tar" ] || die "option '--data' goes with '--pages-tar' (the pages of those strings)"
data=${data:-$shared/html-eval/dev.json}
pages_tar=${pages_tar:-$shared/html-eval/pages.tar.xz}
corpus=${corpus:-$work/corpus-full}
score_py=$shared/html-eval/score.py
fidelity_py=$shared/fidelity/fidelity.py
make_corpus=$shared/bench/make-corpus.sh
cnil=$shared/relevance/ext/cnil/corpus
chrome_list=bench/extraction/seed_chrome.txt
peers_dir=bench/extraction/peers

[[ -z $npages || $npages =~ ^[1-9][0-9]*$ ]] || die "option '--pages': '$npages' is not a positive number"
[[ $sample =~ ^[1-9][0-9]*$ ]] || die "option '--sample': '$sample' is not a positive number"
for f in furet-index furet-search furet-extract-bench; do
  [ -x "$furet_bin/$f" ] || die "no program '$furet_bin/$f' (option '--furet-bin'; build with:" \
    "cmake -S . -B build -DFURET_BUILD_BENCH=ON && cmake --build build)"
done
[ -r "$data" ] || die "cannot read '$data' (option '--data')"
[ -r "$pages_tar" ] || die "cannot read '$pages_tar' (option '--pages-tar')"
for f in "$score_py" "$fidelity_py" "$make_corpus"; do
  [ -f "$f" ] || die "no '$f' (set FURET_SHARED to the shared/ folder)"
done
[ -d "$cnil" ] || die "no CNIL corpus '$cnil' (set FURET_SHARED to the shared/ folder)"
command -v python3 >/dev/null || die "python3 is required to run '$score_py'"

mkdir -p "$work/kept" "$work/scores" "$work/fidelity" "$work/logs"

# --- what the peers need --------------------------------------------------------------
# readability-lxml is Debian's python3-readability, for Debian's /usr/bin/python3 (not a
# python3 found first on PATH); Mozilla Readability and jsdom come from npm, whose jsdom 29
# needs Node.js 20.19 or later.
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
  apt-cache show "${missing[0]}" >/dev/null 2>&1 || "${sudo[@]}" apt-get update -q >/dev/null
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}
if [ -z "$skip_peers" ]; then
  ensure_packages python3-readability
  /usr/bin/python3 -c 'import readability, lxml.html' ||
    die "/usr/bin/python3 cannot import readability-lxml (Debian package python3-readability)"
  { command -v node && command -v npm; } >/dev/null ||
    die "Mozilla Readability needs Node.js 20.19 or later and npm (Debian packages nodejs, npm)"
  node -e 'const [a, b] = process.versions.node.split(".").map(Number);
           process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
    die "jsdom 29 needs Node.js 20.19 or later, not $(node --version)"
fi

# --- step bookkeeping: every command is timed and recorded as run ----------------------
commands=() timings=()
show() {
  local out='' a
  for a in "$@"; do
    if [[ $a =~ ^[][A-Za-z0-9_./{}@:=+-]+$ ]]; then out+=" $a"; else out+=" $(printf '%q' "$a")"; fi
  done
  printf '%s\n' "${out# }"
}
# step LABEL LOG COMMAND...: runs COMMAND with its output in LOG (stdout and stderr).
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
# extract LABEL OUT LOG COMMAND...: like step, stdout (JSON lines) into OUT, stderr into LOG.
extract() {
  local label=$1 out=$2 log=$3 t0=$SECONDS; shift 3
  commands+=("$(show "$@") > $out")
  say "$label ..."
  if ! "$@" > "$out" 2> "$log"; then
    tail -n 20 "$log" >&2
    die "$label failed: $(show "$@") (log: $log)"
  fi
  timings+=("$label: $((SECONDS - t0)) s")
}

# --- (a) the pages, unpacked once per tar -------------------------------------------------
t0=$SECONDS
tar_sum=$(sha256sum < "$pages_tar" | cut -c1-16)
pages_dir=$work/pages-$tar_sum
if [ ! -f "$pages_dir/.done" ]; then
  say "unpacking $pages_tar ..."
  rm -rf "$pages_dir"
  mkdir -p "$pages_dir"
  tar -xf "$pages_tar" -C "$pages_dir"
  touch "$pages_dir/.done"
fi
commands+=("tar -xf $pages_tar -C $pages_dir   # once per tar")
timings+=("unpack pages: $((SECONDS - t0)) s")

# The pages judged: every page of --data (the first N with --pages), found by file name
# in the tar; scoring uses the same subset of the data.
set_name=$(basename "$data" .json)${npages:+-first$npages}
scored_data=$work/$set_name.data.json
page_list=$work/$set_name.pages
python3 - "$data" "$pages_dir" "${npages:-0}" "$scored_data" "$page_list" <<'EOF'
import json, os, sys
data_file, pages_dir, n, out_data, out_list = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
data = json.load(open(data_file, encoding="utf-8"))
names = sorted(data)[:n] if n else sorted(data)
where = {}
for d, _, files in os.walk(pages_dir):
    for f in files: where.setdefault(f, os.path.join(d, f))
missing = [p for p in names if p not in where]
if missing: sys.exit(f"run.sh: error: {len(missing)} pages of {data_file} not in the tar, e.g. {missing[0]}")
json.dump({p: data[p] for p in names}, open(out_data, "w", encoding="utf-8"), ensure_ascii=False)
open(out_list, "w").write("".join(where[p] + "\n" for p in names))
EOF
npages_scored=$(grep -c . "$page_list")
page_bytes=$(xargs -d '\n' stat -c %s < "$page_list" | awk '{s += $1} END {print s}')

# --- (b, c, d) extraction and scores ---------------------------------------------------------
declare -A metric speed label
engines=()
# Kept texts and scores of each page set apart, so a held-out run keeps the dev set's.
kept=$work/kept/$set_name scores=$work/scores/$set_name
mkdir -p "$kept" "$scores"
# score ENGINE: score.py over the kept texts, with up to 30 lost and 30 kept-chrome strings.
score() {
  local engine=$1 out=$scores/$1.txt last
  step "score $engine" "$out" python3 "$score_py" "$kept/$engine.jsonl" --data "$scored_data" --show 30
  last=$(tail -n 1 "$out")
  [[ $last == P=* ]] || die "no final line from '$score_py' in '$out'"
  metric[$engine]=$(sed -E 's/^P=([^ ]+) R=([^ ]+) acc=([^ ]+) F1=([^ ]+).*/\1 \2 \3 \4/' <<< "$last")
}
# mbps LOG: the MB/s of the timing line an extractor wrote on stderr.
mbps() {
  python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if l.startswith("{\"timing\""): t = json.loads(l)["timing"]
print("%.1f" % t["mb_per_s"])' "$1" || die "no timing line in '$1'"
}

furet_version=$("$furet_bin/furet-search" --version)
engines+=(furet)
label[furet]="furet ${furet_version##* } (passages)"
extract "furet-extract-bench (pages)" "$kept/furet.jsonl" "$work/logs/furet-extract.log" \
  "$furet_bin/furet-extract-bench" --timing --passes 3 --list "$page_list"
speed[furet]=$(mbps "$work/logs/furet-extract.log")
score furet

if [ -z "$skip_peers" ]; then
  # npm ci into the work folder, again only when the lock file changed.
  npm_dir=$work/npm
  if ! cmp -s "$peers_dir/package-lock.json" "$npm_dir/package-lock.json" ||
     [ ! -d "$npm_dir/node_modules/jsdom" ]; then
    rm -rf "$npm_dir"
    mkdir -p "$npm_dir"
    cp "$peers_dir/package.json" "$peers_dir/package-lock.json" "$npm_dir/"
    step "npm ci (Mozilla Readability, jsdom)" "$work/logs/npm.log" \
      npm ci --prefix "$npm_dir" --no-audit --no-fund
  fi
  readability_version=$(node -p "require('$npm_dir/node_modules/@mozilla/readability/package.json').version")
  jsdom_version=$(node -p "require('$npm_dir/node_modules/jsdom/package.json').version")
  engines+=(readability-js)
  label[readability-js]="Mozilla Readability $readability_version on jsdom $jsdom_version"
  extract "Mozilla Readability (pages)" "$kept/readability-js.jsonl" "$work/logs/readability-js.log" \
    env NODE_PATH="$npm_dir/node_modules" node "$peers_dir/readability.js" --list "$page_list"
  speed[readability-js]=$(mbps "$work/logs/readability-js.log")
  score readability-js

  lxml_version=$(dpkg-query -W -f='${Version}' python3-readability)
  engines+=(readability-lxml visible)
  label[readability-lxml]="readability-lxml $lxml_version (Debian python3-readability)"
  label[visible]="all visible text (lxml, peers/lxml_peers.py)"
  for engine in readability-lxml visible; do
    mode=$engine; [ "$engine" != readability-lxml ] || mode=readability
    extract "$engine (pages)" "$kept/$engine.jsonl" "$work/logs/$engine.log" \
      /usr/bin/python3 "$peers_dir/lxml_peers.py" "$mode" --list "$page_list"
    speed[$engine]=$(mbps "$work/logs/$engine.log")
    score "$engine"
  done
fi

# --- (e) prose fidelity of furet on three corpora -----------------------------------------
# make-corpus.sh keeps a build key (package versions, options, its scripts): with the
# folder up to date it returns at once, so the cache is its own.
step "Debian corpus" "$work/logs/make-corpus.log" "$make_corpus" "$corpus"
corpus_mb=$(sed -n 's/^statistics:.*//; s/^  total *\([0-9]*\) articles *\([0-9.]*\) MB.*/\2/p' "$corpus/.build-info" | head -n 1)

# index SET DIR: a furet index of DIR in WORK/index-SET, rebuilt unless the same
# furet-index binary already indexed the same files (names, sizes, times).
furet_sum=$(sha256sum < "$furet_bin/furet-index" | cut -c1-16)
index() {
  local set=$1 dir=$2 idx=$work/index-$1 key t0=$SECONDS
  key=$furet_sum-$(find -L "$dir" -type f -printf '%P %s %T@\n' | LC_ALL=C sort | sha256sum | cut -c1-16)
  if [ -d "$idx" ] && [ "$(cat "$idx.key" 2>/dev/null)" = "$key" ]; then
    commands+=("$(show "$furet_bin/furet-index" --index "$idx" --rebuild "$dir")   # cached: same binary, same files")
    timings+=("furet-index ($set): cached")
    return
  fi
  rm -f "$idx.key"
  step "furet-index ($set)" "$work/logs/furet-index.$set.log" \
    "$furet_bin/furet-index" --index "$idx" --rebuild "$dir"
  echo "$key" > "$idx.key"
}
declare -A fidelity
# fidelity_of SET DIR: fidelity.py over DIR, each phrase searched in WORK/index-SET.
fidelity_of() {
  local set=$1 dir=$2 out=$work/fidelity/$1.txt last
  index "$set" "$dir"
  step "fidelity ($set)" "$out" python3 "$fidelity_py" --sample "$sample" --show 100000 "$dir" -- \
    "$furet_bin/furet-search" --index "$work/index-$set" --json -n 50 --exact '{query}'
  last=$(tail -n 1 "$out")
  [[ $last == fidelity=* ]] || die "no final line from '$fidelity_py' in '$out'"
  fidelity[$set]=$(sed -E 's/^fidelity=([^ ]+) found=([^ ]+) sampled=([^ ]+).*/\1 (\2\/\3)/' <<< "$last")
  # Which misses extraction made: the line's phrase (chosen as fidelity.py chooses it) is
  # not in furet-extract-bench's text of its file; the others are search misses.
  local dropped
  dropped=$(python3 - "$out" "$dir" "$furet_bin/furet-extract-bench" "$work/fidelity/$set.misses.txt" <<'EOF'
import json, os, re, subprocess, sys, unicodedata
WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")            # fidelity.py's words and norm()
norm = lambda t: " ".join(WORD.findall(unicodedata.normalize("NFKC", t).casefold().replace("\u2019", "'")))
out, corpus, bench, report = sys.argv[1:5]
misses = [l[len("missing  "):].rstrip("\n").split(": ", 1) for l in open(out, encoding="utf-8")
          if l.startswith("missing  ")]
files = sorted({f for f, _ in misses})
texts = {}
if files:
    run = subprocess.run([bench] + [os.path.join(corpus, f) for f in files], capture_output=True, text=True)
    for l in run.stdout.splitlines():
        o = json.loads(l); texts[o["page"]] = norm(o["text"])
dropped = 0
with open(report, "w", encoding="utf-8") as rep:
    for f, shown in misses:                     # fidelity.py shows a line's first 160 characters
        lines = open(os.path.join(corpus, f), encoding="utf-8", errors="replace").read().split("\n")
        line = next((l.strip() for l in lines if l.strip().startswith(shown)), shown)
        words = WORD.findall(line); k = max(0, len(words) // 2 - 3)
        lost = norm(" ".join(words[k:k + 6])) not in texts.get(os.path.basename(f), "")
        dropped += lost
        rep.write(("dropped by extraction  " if lost else "in a passage, not found  ") + f + ": " + line[:200] + "\n")
print(dropped)
EOF
  ) || die "could not classify the fidelity misses of $set ($out)"
  fidelity[$set]+="; $(grep -c '^missing  ' "$out" || true) misses: $dropped dropped by extraction"
  # A passage several articles hold is shown once, naming the others in also_in, which
  # fidelity.py does not read: the same sample again, those copies counted as found.
  step "fidelity ($set, copies counted)" "$out.copies" python3 "$fidelity_py" --sample "$sample" \
    "$dir" -- bench/extraction/copies_as_hits.py "$furet_bin/furet-search" --index "$work/index-$set" \
    --json -n 50 --exact '{query}'
  fidelity[$set]+="; $(tail -n 1 "$out.copies" | sed -E 's/^fidelity=([^ ]+).*/\1/') with the copies a hit names"
}
# The seeds are the articles of corpus/, copied without its README.md, which furet passes
# over but fidelity.py would sample.
mapfile -t seeds < <(find corpus -maxdepth 1 -type f \( -iname '*.txt' -o -iname '*.md' -o -iname '*.markdown' \
  -o -iname '*.html' -o -iname '*.htm' \) ! -name 'README*' ! -name '.*' | LC_ALL=C sort)
[ ${#seeds[@]} -gt 0 ] || die "no article in corpus/"
seeds_dir=$work/seeds
rm -rf "$seeds_dir"
mkdir -p "$seeds_dir"
cp -p "${seeds[@]}" "$seeds_dir/"
commands+=("cp -p $(show "${seeds[@]}") $seeds_dir/   # corpus/ without its README")

fidelity_of debian "$corpus"
fidelity_of cnil "$cnil"
fidelity_of seeds "$seeds_dir"

# --- (f) the seeds' chrome: listed lines furet makes searchable ------------------------------
extract "furet-extract-bench (seeds)" "$work/kept/furet.seeds.jsonl" "$work/logs/furet-extract.seeds.log" \
  "$furet_bin/furet-extract-bench" "${seeds[@]}"
# A listed line counts when it is a whole line of the searchable text (passages keep or
# drop whole lines of a .txt) or, for a line long enough to be cut at sentence ends, a
# substring of it; whitespace runs, no-break spaces included, compare as one space.
# Fidelity's sampled lines that are listed chrome are counted too: missing them is right.
seed_check=$work/seed-chrome.txt
python3 - "$chrome_list" "$work/kept/furet.seeds.jsonl" "$work/fidelity/seeds.txt" > "$seed_check" <<'EOF'
import json, re, sys
norm = lambda s: re.sub(r"\s+", " ", s).strip()
listed = [norm(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
texts = [json.loads(l)["text"] for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
lines = {norm(l) for t in texts for l in t.split("\n")}
flat = "\n".join(norm(t) for t in texts)
kept = [c for c in listed if c in lines or (len(c) > 200 and c in flat)]
misses = [m.split(": ", 1)[1] for m in open(sys.argv[3], encoding="utf-8") if m.startswith("missing ")]
chrome_misses = sum(any(norm(c)[:160] == norm(m) for c in listed) for m in misses)
print(f"kept={len(kept)} listed={len(listed)} fidelity_misses={len(misses)} chrome_misses={chrome_misses}")
for c in kept: print("kept  " + c)
EOF
read -r seed_kept seed_listed seed_chrome_misses < <(head -n 1 "$seed_check" |
  sed -E 's/kept=([0-9]+) listed=([0-9]+) fidelity_misses=[0-9]+ chrome_misses=([0-9]+)/\1 \2 \3/')
fidelity[seeds]+=", $seed_chrome_misses listed chrome"

# --- the table ----------------------------------------------------------------------------------
table() {
  echo "| engine | P | R | acc | F1 | MB/s | fidelity: Debian | CNIL | seeds | seed chrome searchable |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  local e
  for e in "${engines[@]}"; do
    if [ "$e" = furet ]; then
      echo "| ${label[$e]} | ${metric[$e]// / | } | ${speed[$e]} | ${fidelity[debian]} | ${fidelity[cnil]} | ${fidelity[seeds]} | $seed_kept of $seed_listed |"
    else
      echo "| ${label[$e]} | ${metric[$e]// / | } | ${speed[$e]} | – | – | – | – |"
    fi
  done
}

machine() {
  echo "- nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- free -m: $(free -m | awk '/^Mem:/ {print "total " $2 " MB, available " $7 " MB"}')"
  echo "- system: $(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"'), kernel $(uname -r); node $(node --version 2>/dev/null || echo none); /usr/bin/python3 $(/usr/bin/python3 -c 'import platform; print(platform.python_version())' 2>/dev/null || echo none)"
  echo "- packages: $(dpkg-query -W -f='${db:Status-Abbrev}${Package} ${Version}\n' \
      'libxapian[0-9]*' 'libicu[0-9]*' python3-readability python3-lxml nodejs 2>/dev/null |
      awk '$1 == "ii" {sub(/^ii */, ""); print}' | paste -sd ';' | sed 's/;/; /g')"
  # The binaries' own checkout says what was measured (it may be another clone than the
  # one running this script, or none): the folder's, or that of the CMake build's sources.
  local src from=$furet_bin
  if ! git -C "$from" rev-parse 2>/dev/null; then
    from=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$furet_bin/../CMakeCache.txt" 2>/dev/null || true)
  fi
  if [ -n "$from" ] && src=$(git -C "$from" rev-parse --short HEAD 2>/dev/null); then
    [ -z "$(git -C "$from" status --porcelain --untracked-files=no)" ] || src+=" with uncommitted changes"
    src="built from $from, at $src now"
  else
    src="outside any git checkout"
  fi
  echo "- furet: $furet_version in $furet_bin, $src; benchmark scripts at $(git rev-parse --short HEAD 2>/dev/null || echo '(no git)')"
  echo "- pages: $npages_scored pages, $(awk -v b="$page_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB of HTML, from $pages_tar; Debian corpus: $corpus (${corpus_mb:-?} MB)"
}

section=$work/extraction-section.md
{
  echo "## Extraction"
  echo
  echo "\`$me\` ($(date -u '+%F %H:%M UTC')): the text each engine keeps of $npages_scored real web"
  echo "pages, scored by \`$score_py\` against \`$data\` (strings of article text that must be"
  echo "kept, of chrome that must go; trafilatura's rules). For furet, kept means searchable:"
  echo "the passages \`furet-extract-bench\` gets from ArticleReader, as \`furet-index\` indexes"
  echo "them (the title, indexed as title terms only, left out); Mozilla Readability's text is"
  echo "its textContent, readability-lxml's its summary(), each page's bytes decoded by its"
  echo "BOM or <meta> charset, else as UTF-8 when valid (\`bench/extraction/peers/\`; reference"
  echo "figures measured alike: \`$shared/html-eval/README.md\`). MB/s: megabytes of HTML per"
  echo "second of extraction in the engine's own process, file reading and start-up left out;"
  echo "furet's is the median of 3 passes of ArticleReader::read (decoding, HTML extraction,"
  echo "chrome rules and the analysis they need, passages), the peers' one pass. Fidelity"
  echo "(furet only, \`$fidelity_py --sample $sample\`): prose lines of each corpus, searched as"
  echo "a 6-word phrase with \`furet-search --exact\`, found / sampled: the Debian-documentation"
  echo "corpus (\`$make_corpus\`), the CNIL help-centre answers (\`$cnil\`) and corpus/, whose"
  echo "sampled lines include some of the chrome listed in \`$chrome_list\` (a miss there is"
  echo "right). Seed chrome: lines of that list furet makes searchable in corpus/ (target 0)."
  echo
  table
  echo
  if [ "$seed_kept" != 0 ]; then
    echo "Seed chrome still searchable:"; echo; sed -n 's/^kept  /- /p' "$seed_check"; echo
  fi
  echo "Machine:"
  echo
  machine
  echo
  echo "Commands (at the repository root), in order:"
  echo
  echo '```'
  show "$me" --furet-bin "$furet_bin" --work "$work" ${npages:+--pages "$npages"} --sample "$sample" \
    --data "$data" --pages-tar "$pages_tar" --corpus "$corpus" ${skip_peers:+--skip-peers} \
    ${results_md:---no-results-md}
  printf '%s\n' "${commands[@]}"
  echo '```'
  echo
  echo "Step times: $(printf '%s; ' "${timings[@]}" | sed 's/; $//')."
  echo
} > "$section"

# Replace the "## Extraction" section of bench/RESULTS.md (up to the next "## " heading),
# or append it: the file holds other benchmarks' sections.
results=bench/RESULTS.md
if [ -n "$results_md" ]; then
  if [ -f "$results" ]; then
    awk -v sec="$section" '
      function put(  l) { while ((getline l < sec) > 0) print l; done = 1 }
      /^## Extraction[[:space:]]*$/ { put(); skip = 1; next }
      skip && /^## / { skip = 0 }
      !skip { print }
      END { if (!done) { print ""; put() } }' "$results" > "$results.tmp"
    mv "$results.tmp" "$results"
  else
    { echo "# Benchmark results"; echo; cat "$section"; } > "$results"
  fi
fi

echo
table
echo
[ "$seed_kept" = 0 ] || { echo "Seed chrome still searchable:"; sed -n 's/^kept  /- /p' "$seed_check"; echo; }
printf '%s\n' "${timings[@]}"
say "kept texts in $kept/ (score.py KEPT --data $scored_data --show N), misses in $scores/ and $work/fidelity/; section in $section${results_md:+, written to $results under '## Extraction'}"
