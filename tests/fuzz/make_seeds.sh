#!/usr/bin/env bash
# Assembles the fuzz targets' seed corpora from text sources; nothing binary is committed.
# Usage: make_seeds.sh SOURCE_DIR OUT_DIR
#   SOURCE_DIR  the furet checkout (reads corpus/*.txt and tests/fuzz/seeds/)
#   OUT_DIR     receives analyzer/, query_parser/, article_reader/ and article_data/, one input
#               per file
# fuzz_article_reader's first byte picks the extension: '0' .txt, '1' .md, '2' .html
# (the byte modulo 3), so its seeds are the file's bytes behind that digit.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SOURCE_DIR OUT_DIR" >&2
  exit 2
fi
src=$1
out=$2
seeds=$src/tests/fuzz/seeds
for f in "$seeds/queries.txt" "$seeds/phrases.txt"; do
  [ -f "$f" ] || { echo "$0: missing seed list $f" >&2; exit 1; }
done
compgen -G "$src/corpus/*.txt" >/dev/null || { echo "$0: no articles in $src/corpus/" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/analyzer" "$out/query_parser" "$out/article_reader" "$out/article_data"

# lines_to_files LIST DIR PREFIX: one file per line of LIST, minus comments and blank lines.
lines_to_files() {
  local n=0 line
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '#'* | '') continue ;; esac
    n=$((n + 1))
    printf '%s' "$line" >"$2/$3_$(printf '%03d' "$n")"
  done <"$1"
}

# with_prefix DIGIT FILE OUT: FILE's bytes behind one extension-picking digit.
with_prefix() {
  { printf '%s' "$1"; cat "$2"; } >"$3"
}

# from_hex FILE OUT: the bytes spelled by FILE's hex digits; '#' lines are comments.
# Reproducers of crashes are kept this way so that they stay reviewable text.
from_hex() {
  local hex
  hex=$(grep -v '^#' "$1" | tr -d ' \t\r\n')
  if [[ ! $hex =~ ^([0-9a-fA-F]{2})*$ ]]; then
    echo "$0: $1 is not an even number of hex digits" >&2
    exit 1
  fi
  # printf's format turns each \xHH into its byte, NUL included; the format holds nothing else.
  local format="" i
  for ((i = 0; i < ${#hex}; i += 2)); do format+="\\x${hex:i:2}"; done
  # shellcheck disable=SC2059
  printf "$format" >"$2"
}

lines_to_files "$seeds/queries.txt" "$out/query_parser" query
lines_to_files "$seeds/phrases.txt" "$out/query_parser" phrase
lines_to_files "$seeds/queries.txt" "$out/analyzer" query
lines_to_files "$seeds/phrases.txt" "$out/analyzer" phrase

for article in "$src"/corpus/*.txt; do
  name=$(basename "$article" .txt)
  cp "$article" "$out/analyzer/corpus_$name"
  with_prefix 0 "$article" "$out/article_reader/txt_$name"
  # A path line, then the article: its title line and text, for the round trip.
  { printf 'corpus/%s.txt\n' "$name"; cat "$article"; } >"$out/article_data/fields_$name"
done
# The largest article once more as Markdown: prose through the Markdown parser.
largest=$(find "$src/corpus" -maxdepth 1 -name '*.txt' -printf '%s %p\n' | sort -n | tail -n1 |
  cut -d' ' -f2-)
with_prefix 1 "$largest" "$out/article_reader/md_$(basename "$largest" .txt)"
for sample in "$seeds"/md/*.md; do
  with_prefix 1 "$sample" "$out/article_reader/md_$(basename "$sample" .md)"
done
for sample in "$seeds"/html/*.html; do
  with_prefix 2 "$sample" "$out/article_reader/html_$(basename "$sample" .html)"
done

for target in analyzer query_parser article_reader article_data; do
  for hex in "$seeds/hex/$target"/*.hex; do
    [ -e "$hex" ] || continue
    from_hex "$hex" "$out/$target/hex_$(basename "$hex" .hex)"
  done
done

for target in analyzer query_parser article_reader; do
  echo "$target: $(find "$out/$target" -type f | wc -l) seeds in $out/$target"
done
