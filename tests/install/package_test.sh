#!/usr/bin/env bash
# Builds the .deb with CPack and checks what it holds and depends on.
# Usage: package_test.sh CPACK BUILD_DIR
set -euo pipefail
cpack=$1 build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/furet_*.deb)
info=$(dpkg-deb --info "$deb")
contents=$(dpkg-deb --contents "$deb")
has() { grep -q -- "$2" <<<"$1"; }
check "package name" has "$info" "Package: furet"
check "depends on libxapian30" has "$info" "Depends:.*libxapian30"
check "depends on libicu72" has "$info" "Depends:.*libicu72"
for path in usr/bin/furet-index usr/bin/furet-search usr/include/furet/searcher.h \
            usr/include/furet/furet.h usr/lib/cmake/furet/furetConfig.cmake \
            usr/lib/pkgconfig/furet.pc "usr/lib/libfuret.so.0"; do
  check "holds $path" has "$contents" "\./$path"
done
if [ -x "$build/bin/furet-serve" ]; then
  check "holds furet-serve" has "$contents" "\./usr/bin/furet-serve"
  check "depends on libcpp-httplib" has "$info" "Depends:.*libcpp-httplib"
fi
if compgen -G "$build/python/furet.cpython-*.so" >/dev/null; then
  check "holds the Python module" has "$contents" "usr/lib/python3/dist-packages/furet.cpython-"
fi
if command -v help2man >/dev/null; then
  check "holds the man pages" has "$contents" "usr/share/man/man1/furet-search.1"
fi
echo "$passed passed, $failed failed"
test "$failed" = 0
