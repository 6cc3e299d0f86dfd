#!/usr/bin/env bash
# Builds the .deb packages with CPack and checks what each holds and depends on.
# Usage: package_test.sh CPACK BUILD_DIR SOURCE_DIR
set -euo pipefail
cpack=$1 build=$2 source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
has() { grep -q -- "$2" <<<"$1"; }
lacks() { ! grep -q -- "$2" <<<"$1"; }

# An install rule without a component would be in no package.
check "every install rule names its component" \
  sh -c "! grep -rl --include=cmake_install.cmake 'Unspecified' '$build'"

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; exit 1; }
version=$(dpkg-parsechangelog -l "$source/packaging/changelog" -S Version)
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
libdir=usr/lib/$multiarch
python=$(compgen -G "$build/python/furet.cpython-*.so" || true)
expected="furet libfuret-dev libfuret0${python:+ python3-furet}"
found=$(cd "$work" && ls ./*.deb | sed 's|^\./||; s|_.*||' | sort | xargs)
check "the packages are $expected (found: $found)" test "$found" = "$expected"

declare -A info contents
for package in $expected; do
  deb=$work/${package}_${version}_$arch.deb
  if [ ! -f "$deb" ]; then
    check "$deb exists, named by the changelog's version" false
    continue
  fi
  info[$package]=$(dpkg-deb --info "$deb")
  contents[$package]=$(dpkg-deb --contents "$deb")
  check "$package: Package field" has "${info[$package]}" "Package: $package\$"
  check "$package: copyright" has "${contents[$package]}" "\./usr/share/doc/$package/copyright\$"
  check "$package: changelog" has "${contents[$package]}" "\./usr/share/doc/$package/changelog.Debian.gz\$"
  mkdir "$work/$package"
  dpkg-deb --extract "$deb" "$work/$package"
  # No debug information in the programs and shared libraries.
  while IFS= read -r elf; do
    check "$package: ${elf#"$work/"} is stripped" sh -c "! readelf -S '$elf' | grep -q '\.debug_info'"
  done < <(find "$work/$package" -type f \( -perm -u+x -o -name '*.so*' \) -exec sh -c \
             'head -c4 "$1" | grep -q ELF' sh {} \; -print)
done

# furet: the programs and their man pages; static, so no libfuret0.
for path in usr/bin/furet-index usr/bin/furet-search usr/share/man/man1/furet-index.1.gz \
            usr/share/man/man1/furet-search.1.gz; do
  check "furet holds $path" has "${contents[furet]}" "\./$path\$"
done
if [ -x "$build/bin/furet-serve" ]; then
  check "furet holds furet-serve" has "${contents[furet]}" "\./usr/bin/furet-serve\$"
  check "furet holds furet-serve.1.gz" has "${contents[furet]}" "\./usr/share/man/man1/furet-serve.1.gz\$"
  check "furet depends on libcpp-httplib" has "${info[furet]}" "Depends:.*libcpp-httplib"
fi
check "furet depends on libxapian30" has "${info[furet]}" "Depends:.*libxapian30"
check "furet depends on libicu72" has "${info[furet]}" "Depends:.*libicu72"
check "furet does not depend on libfuret0" lacks "${info[furet]}" "Depends:.*libfuret0"
check "furet holds no header" lacks "${contents[furet]}" "usr/include"
check "furet holds no library" lacks "${contents[furet]}" "\.a\$"

# libfuret0: the shared library alone, in the multiarch directory.
check "libfuret0 holds libfuret.so.0" has "${contents[libfuret0]}" "\./$libdir/libfuret\.so\.0 -> "
check "libfuret0 holds libfuret.so.${version%-*}" \
  has "${contents[libfuret0]}" "\./$libdir/libfuret\.so\.${version%-*}\$"
check "libfuret0 holds no libfuret.so link" lacks "${contents[libfuret0]}" "libfuret\.so -> "
check "libfuret0 holds no program" lacks "${contents[libfuret0]}" "usr/bin"
check "libfuret0 depends on libxapian30" has "${info[libfuret0]}" "Depends:.*libxapian30"
check "libfuret0 has a shlibs file" has "${info[libfuret0]}" " shlibs *$"
check "libfuret0 triggers ldconfig" has "${info[libfuret0]}" " triggers *$"

# libfuret-dev: what a program is built with.
for path in usr/include/furet/furet.h usr/include/furet/searcher.h "$libdir/libfuret.so -> " \
            "$libdir/libfuret_searcher.a" "$libdir/cmake/furet/furetConfig.cmake" \
            "$libdir/cmake/furet/furet-shared-targets.cmake" "$libdir/pkgconfig/furet.pc"; do
  check "libfuret-dev holds $path" has "${contents[libfuret-dev]}" "\./$path"
done
check "libfuret-dev depends on libfuret0 (= $version)" \
  has "${info[libfuret-dev]}" "Depends:.*libfuret0 (= $version)"

if [ -n "$python" ]; then
  check "python3-furet holds the module" \
    has "${contents[python3-furet]}" "\./usr/lib/python3/dist-packages/furet\.cpython-.*\.so\$"
  check "python3-furet depends on its python3" has "${info[python3-furet]}" "Depends:.*python3 (>= 3\."
  check "python3-furet does not depend on libfuret0" lacks "${info[python3-furet]}" "Depends:.*libfuret0"
fi
echo "$passed passed, $failed failed"
test "$failed" = 0
