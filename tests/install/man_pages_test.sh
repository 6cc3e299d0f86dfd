#!/usr/bin/env bash
# Each program's man page documents every long option its --help prints, has
# the sections a reader looks for, renders without a groff warning, and keeps
# its French (UTF-8, as man-db's preconv reads it).
# Usage: man_pages_test.sh MAN_DIR PROGRAM...
set -euo pipefail
man_dir=$1; shift
export LC_ALL=C.UTF-8
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
has_line() { grep -qx -- "$2" <<<"$1"; }
# An option as a whole word: --lang must not pass for --language.
names_option() { grep -qE -- "(^|[^a-z0-9-])$2([^a-z0-9-]|$)" <<<"$1"; }
same_words() {  # every word of the source with a non-ASCII letter, in the rendering
  local word
  while IFS= read -r word; do
    grep -qF -- "$word" <<<"$2" || { echo "not rendered: $word"; return 1; }
  done < <(grep -v '^\.\\"' "$1" | sed -E 's/\\(\(..|\[[^]]*\]|f.)//g' |
             grep -oP '\w*[^\x00-\x7F]\w*' | sort -u)
}

for program in "$@"; do
  name=$(basename "$program")
  page=$man_dir/$name.1
  if [ ! -f "$page" ]; then
    check "$name has a man page" false
    continue
  fi
  check "$name.1 is UTF-8 and says so for preconv" \
    sh -c "iconv -f UTF-8 -t UTF-8 '$page' >/dev/null && head -n1 '$page' | grep -q 'coding: UTF-8'"
  warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
  check "$name.1 renders without warnings${warnings:+: $warnings}" test -z "$warnings"
  # One paragraph a line (a long line length): no option is cut at a line end.
  text=$(groff -k -man -Tutf8 -rLL=2000n -P-cbou "$page")
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLES "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO"; do
    check "$name.1 has $section" has_line "$text" "$section"
  done
  check "$name.1 keeps its accented words" same_words "$page" "$text"
  help=$("$program" --help)
  options=$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u)
  check "$name --help prints options" test -n "$options"
  for option in $options; do
    check "$name.1 documents $option" names_option "$text" "$option"
  done
done
echo "$passed passed, $failed failed"
test "$failed" = 0
