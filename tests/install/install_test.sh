#!/usr/bin/env bash
# Installs the build into a staging prefix, then builds and runs the examples
# against it as outside programs would: C++ with find_package and with
# pkg-config, C with find_package and with pkg-config, Python with the furet
# module (when it is built: PYTHON names its interpreter). The C program is
# built as with libfuret-dev alone: neither its CMake configuration nor
# pkg-config may ask for the development files of Xapian, ICU, xxhash, gumbo
# or nlohmann-json, which only the static C++ libraries need.
# Usage: install_test.sh CMAKE BUILD_DIR SOURCE_DIR INDEXER [PYTHON]
set -euo pipefail
cmake=$1 build=$2 source=$3 indexer=$4 python=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
passed=0 failed=0

check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@" >"$work/last.log" 2>&1; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name"; cat "$work/last.log"; failed=$((failed + 1))
  fi
}
# The command's first hit must be the AFP article. (Its whole output is read:
# a pipe closed after the first line would fail the command with SIGPIPE.)
finds_afp() { "$@" >"$work/hits.txt" && head -n1 "$work/hits.txt" | grep -q 004_a22323992858b2dd; }
query=("$work/index" "licence H200")

"$cmake" --install "$build" --prefix "$prefix" >/dev/null
"$indexer" --quiet --index "$work/index" "$source/corpus"
libdir=$(dirname "$(find "$prefix" -name 'libfuret.so' | head -n1)")
export LD_LIBRARY_PATH=$libdir

check "headers installed" test -f "$prefix/include/furet/searcher.h" -a -f "$prefix/include/furet/furet.h"
check "static and shared libraries installed" test -f "$libdir/libfuret_searcher.a" -a -f "$libdir/libfuret.so"
check "programs installed" test -x "$prefix/bin/furet-index" -a -x "$prefix/bin/furet-search"

# Each installed header stands alone, in the C++ standard the targets
# advertise (C++17), warnings as errors; the C API's also in C99.
compiles_alone() {  # compiles_alone COMPILER FLAGS... -- HEADER
  local header=${*: -1}
  printf '#include "%s"\n' "$header" | "${@:1:$#-1}" -I"$prefix/include" -fsyntax-only -
}
while IFS= read -r header; do
  check "$header alone in C++17" compiles_alone c++ -std=c++17 -Wall -Wextra -Werror -x c++ "$header"
done < <(cd "$prefix/include" && find furet -name '*.h' | sort)
check "furet/furet.h alone in C99" compiles_alone cc -std=c99 -Wall -Wextra -Werror -x c furet/furet.h

build_cmake() {  # build_cmake EXAMPLE_DIR OUT_DIR [CMAKE_ARGS...]
  "$cmake" -S "$1" -B "$2" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release "${@:3}" &&
    "$cmake" --build "$2"
}
# find_package() of these fails at once (REQUIRED), so does pkg_check_modules
# without PkgConfig: what the static libraries need.
cxx_dependencies_refused=(-DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_ICU=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON)
check "C++ example builds with find_package" build_cmake "$source/examples/find_package" "$work/cxx"
check "C++ example (find_package) finds the answer" finds_afp "$work/cxx/furet-example" "${query[@]}"

# pkg-config sees the staged furet.pc alone: it may require no other .pc file.
furet_pc() { PKG_CONFIG_LIBDIR=$libdir/pkgconfig pkg-config "$@"; }
check "pkg-config knows furet, alone" furet_pc --exists furet
pc_flags=$(furet_pc --cflags --libs furet || true)
check "C++ example builds with pkg-config" \
  sh -c "c++ -std=c++17 '$source/examples/find_package/main.cc' -o '$work/cxx-pc' $pc_flags"
check "C++ example (pkg-config) finds the answer" finds_afp "$work/cxx-pc" "${query[@]}"

check "C example builds with find_package, without the C++ libraries' dependencies" \
  build_cmake "$source/examples/c" "$work/c" "${cxx_dependencies_refused[@]}"
fails() { ! "$@" >/dev/null 2>&1; }
check "the C++ example cannot, so the refusal works" \
  fails build_cmake "$source/examples/find_package" "$work/cxx-refused" "${cxx_dependencies_refused[@]}"
check "C example (find_package) finds the answer" finds_afp "$work/c/furet-c-example" "${query[@]}"
check "C example builds with pkg-config" \
  sh -c "cc -std=c99 -Wall -Werror '$source/examples/c/search.c' -o '$work/c-pc' $pc_flags"
check "C example (pkg-config) finds the answer" finds_afp "$work/c-pc" "${query[@]}"

if [ -n "$python" ]; then
  module=$(find "$prefix" -name 'furet.cpython-*.so' | head -n1)
  check "Python module installed" test -n "$module"
  check "Python example finds the answer" \
    finds_afp env PYTHONPATH="$(dirname "$module")" "$python" "$source/examples/python/search.py" "${query[@]}"
fi
echo "$passed passed, $failed failed"
test "$failed" = 0
