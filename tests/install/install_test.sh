#!/usr/bin/env bash
# Installs the build into a staging prefix, builds the find_package example
# against it, and runs it on an index of the corpus.
# Usage: install_test.sh CMAKE BUILD_DIR SOURCE_DIR INDEXER
set -euo pipefail
cmake=$1 build=$2 source=$3 indexer=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cmake" --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/furet/searcher.h"
test -f "$work/prefix/lib/cmake/furet/furetConfig.cmake" ||
  test -n "$(find "$work/prefix" -name furetConfig.cmake)"

"$cmake" -S "$source/examples/find_package" -B "$work/example" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
"$cmake" --build "$work/example" >/dev/null

"$indexer" --quiet --index "$work/index" "$source/corpus"
out=$("$work/example/furet-example" "$work/index" "licence H200")
grep -q "004_a22323992858b2dd" <<<"$(head -n1 <<<"$out")"
echo "1 passed, 0 failed"
