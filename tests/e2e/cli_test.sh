#!/usr/bin/env bash
# furet-index and furet-search end to end: reports, incremental runs, output
# formats, exit statuses and error messages. Usage: cli_test.sh INDEXER SEARCHER CORPUS
set -euo pipefail
indexer=$1 searcher=$2 corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp -r "$corpus" corpus
passed=0 failed=0

check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
status_of() { set +e; "$@" >/dev/null 2>&1; local s=$?; set -e; echo $s; }

# First run, from the working directory, with no arguments: corpus/ into .furet
out=$("$indexer")
check "first run adds the corpus" contains "$out" "5 added, 0 updated, 0 removed, 0 unchanged"
check "the README is not an article" contains "$out" "0 skipped;"

out=$("$indexer")
check "second run touches nothing" contains "$out" "0 added, 0 updated, 0 removed, 5 unchanged"

printf 'Les puces Blackwell B30\nNvidia prépare la puce Blackwell B30 pour le marché chinois.\n' > corpus/new.txt
out=$("$indexer" -v)
check "a new file is added" contains "$out" "added     corpus/new.txt"
check "others are unchanged" contains "$out" "1 added, 0 updated, 0 removed, 5 unchanged"
check "the new article is found" contains "$("$searcher" --json B30)" '"doc":"corpus/new.txt"'

printf 'Alibaba présente Qwen 3.\n' > corpus/new.txt
touch -d '+2 seconds' corpus/new.txt
out=$("$indexer")
check "an edit is an update" contains "$out" "0 added, 1 updated, 0 removed, 5 unchanged"
check "the old text is gone" test "$(status_of "$searcher" B30)" = 1

rm corpus/new.txt
check "a deletion is a removal" contains "$("$indexer")" "0 added, 0 updated, 1 removed"

printf '%%PDF-1.4\n' > corpus/rapport.pdf
printf '{}\n' > corpus/data.json
printf '%%PDF-1.4\n' > corpus/annexe.pdf
check "files of other types are counted by extension" contains "$("$indexer")" \
  "0 skipped, 3 other files passed over (2 .pdf, 1 .json);"
rm corpus/rapport.pdf corpus/data.json corpus/annexe.pdf
status=$("$indexer" --status)
check "--status counts articles" contains "$status" "articles:  5"
check "--status names the analysis" contains "$status" "analysis:  fr-snowball/5"
check "progress lines when not a terminal" test -z "$("$indexer" 2>&1 >/dev/null)"

# The search the README shows, and its JSON form
json=$("$searcher" --json licence H200)
first=$(head -n1 <<<"$json")
check "licence H200: AFP article first" contains "$first" '"doc":"corpus/004_a22323992858b2dd.txt"'
for field in '"rank":1' '"score":' '"title":' '"passage":' '"highlights":[[' \
  '"source":"corpus"' '"date_from_file":true'; do
  check "json has $field" contains "$first" "$field"
done
check "json: one object per line" test "$(wc -l <<<"$json")" -ge 2

text=$("$searcher" licence H200)
check "piped text has no escapes" test "$(grep -c $'\033' <<<"$text" || true)" = 0
check "text shows the article path" contains "$text" "corpus/004_a22323992858b2dd.txt"
check "text shows the source" contains "$text" "corpus/004_a22323992858b2dd.txt · corpus  (score"
check "--color always bolds" contains "$("$searcher" --color always H200)" $'\033[1m'"H200"

err=$("$searcher" Nvidea 2>&1 >/dev/null)
check "a typo is corrected, and says so" contains "$err" "showing results for 'Nvidia'"
check "--exact searches as typed" test "$(status_of "$searcher" --exact Nvidea)" = 1
summary=$("$searcher" --json Nvidea | tail -n1)
check "json summary: query and searched" contains "$summary" '"hits":10,"query":"Nvidea","searched":"Nvidia"}}'

# Every argument from the first query word on is query text, dashes included
set +e
out=$("$searcher" -n 100 --json Nvidia -Chine); status=$?
set -e
passages=$(grep -o '"passage":"[^"]*"' <<<"$out" || true)
check "an exclusion after a word: exit 0" test "$status" = 0
check "an exclusion after a word finds Nvidia" contains "$passages" "Nvidia"
check "an exclusion removes every passage with the word" test "$(grep -ciw 'chine' <<<"$passages" || true)" = 0
check "a query may begin with an exclusion" test "$(status_of "$searcher" "-Chine Nvidia")" = 0
check "an option after the query is query text" test "$(status_of "$searcher" Nvidia -n 1)" = 0
check "-- ends the options" test "$(status_of "$searcher" -- -n Nvidia)" = 0
explained=$("$searcher" -n 1 --explain licence H200)
check "--explain splits the score" contains "$explained" "bm25 by term: h200"
check "--explain names the synonym" contains "$explained" "synonym: licence -> autorisation"
check "--explain in JSON" contains "$("$searcher" -n 1 --json --explain H200)" '"explain":{'
check "exit 0 on hits" test "$(status_of "$searcher" puces)" = 0
check "exit 1 on no hits" test "$(status_of "$searcher" zzzyyyxxx)" = 1
check "exit 2 on a bad option" test "$(status_of "$searcher" --no-such-option x)" = 2
check "exit 0 on --help" test "$(status_of "$searcher" --help)" = 0
check "--help teaches the syntax" contains "$("$searcher" --help)" '-experts'

set +e
err=$("$searcher" --index "$work/nowhere" puces 2>&1 >/dev/null); status=$?
set -e
check "no index: exit 2" test "$status" = 2
check "no index: says how to build one" contains "$err" "furet-search: error: no index at '$work/nowhere': build one first; run: furet-index --index $work/nowhere PATH..."

mkdir -p bad
printf '' > bad/empty.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > bad/image.txt
err=$("$indexer" --index bad.idx bad corpus 2>&1 >/dev/null)
check "empty file named" contains "$err" "'bad/empty.txt': empty file"
check "binary file named" contains "$err" "'bad/image.txt': binary file"
check "the rest is indexed" test "$(status_of "$searcher" --index bad.idx H200)" = 0

# Counts are whole numbers, checked: never wrapped round to another count
set +e
err=$("$searcher" -n -1 puces 2>&1 >/dev/null); status=$?
set -e
check "-n -1: exit 2" test "$status" = 2
check "-n -1: says what -n wants" contains "$err" "--limit: wants a whole number, at least 1, not '-1'"
check "-n over 32 bits finds everything" test "$("$searcher" -n 4294967296 --json puces | wc -l)" -gt 10
check "--per-article -1: exit 2" test "$(status_of "$searcher" --per-article -1 puces)" = 2

# Articles, pages, totals
listed=$("$searcher" --json -l puces | grep -o '"doc":"[^"]*"')
check "-l lists articles once each" test "$(sort <<<"$listed" | uniq -d | wc -l)" = 0
check "-l lists every article" test "$(wc -l <<<"$listed")" = 5
check "--offset continues the ranks" contains "$("$searcher" --json -n 2 --offset 4 puces | head -n1)" '"rank":5,'
check "json summary: totals" contains "$("$searcher" --json puces | tail -n1)" '"estimated_articles":5,"estimated_passages":'

# Paths work from anywhere: stored absolute, shown relative below the
# working directory
mkdir -p elsewhere
check "below the working directory: relative" contains "$(cd corpus && "$searcher" --index ../.furet --json H200 | head -n1)" '"doc":"004_a22323992858b2dd.txt"'
check "elsewhere: absolute" contains "$(cd elsewhere && "$searcher" --index ../.furet --json H200 | head -n1)" "\"doc\":\"$(pwd -P)/corpus/004_a22323992858b2dd.txt\""

# Filters and the order by date
check "--source: the folder stands in" test "$(status_of "$searcher" --source corpus H200)" = 0
check "--source of none: no hit" test "$(status_of "$searcher" --source ailleurs H200)" = 1
check "--until before the files: no hit" test "$(status_of "$searcher" --until 1999 H200)" = 1
set +e
err=$("$searcher" --since 2025-13 H200 2>&1 >/dev/null); status=$?
set -e
check "--since no date: exit 2" test "$status" = 2
check "--since no date: says what is wanted" contains "$err" "'2025-13' is no date"
check "--sort date" test "$(status_of "$searcher" --sort date H200)" = 0

# A typo that stems like another word finds that word's passages: they are
# shown, and the correction is offered
mkdir -p typo
printf "On ne peut rien inférer de ce test.\n\nLe modèle sert à l'inférence.\n" > typo/a.txt
"$indexer" -q --index typo.idx typo
err=$("$searcher" --index typo.idx inférance 2>&1 >/dev/null)
check "a correction of a word with hits is offered" contains "$err" "did you mean 'inference'?"
check "json summary: suggestion" contains "$("$searcher" --index typo.idx --json inférance | tail -n1)" '"searched":"inférance","suggestion":"inference"'

# --check and --status on a sound index
check "--check: a sound index" contains "$("$indexer" --check)" "is sound: 5 articles"

# The library says what to do in words; furet-index says it as its command line
set +e
err=$("$indexer" --status --index "$work/nowhere" 2>&1 >/dev/null)
"$indexer" -q --index sharded.idx --shards 2 corpus
err_shards=$("$indexer" --index sharded.idx --shards 3 corpus 2>&1 >/dev/null)
set -e
check "--status, no index: the build command" contains "$err" "furet-index: error: no index at '$work/nowhere': build one first; run: furet-index --index $work/nowhere PATH..."
check "another shard count: a rebuild with it" contains "$err_shards" "rebuild it from its articles; run: furet-index --rebuild --shards 3 --index sharded.idx PATH..."

echo "$passed passed, $failed failed"
test "$failed" = 0
