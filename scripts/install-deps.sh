#!/usr/bin/env bash
# Installs the Debian 12 packages furet needs to build, test and run.
# Uses sudo when not run as root. Safe to run again. --sanitizers adds clang
# and its runtimes, for the sanitizer build and the fuzz targets.
set -euo pipefail
packages=(
  cmake g++ make pkg-config          # toolchain
  libxapian-dev                      # index and retrieval
  libicu-dev                         # Unicode: normalisation, segmentation, charsets
  libcli11-dev                       # command line
  nlohmann-json3-dev                 # JSON output and document data
  libxxhash-dev                      # file and path hashes of the manifest
  libgumbo-dev                       # HTML5 parsing of web pages
  libmd4c-dev                        # Markdown parsing
  libcpp-httplib-dev                 # furet-serve's HTTP server
  libgtest-dev                       # tests
  groff-base                         # the man pages' test renders them
  dpkg-dev lintian                   # the .deb packages: dependencies, checks
  clang-format                       # the formatting check (scripts/check-format.sh)
  xapian-tools                       # xapian-tcpsrv, for the remote-shard test
  python3 python3-dev python3-pybind11  # the Python module
  python3-pytest                     # its tests and furet-serve's
  chromium chromium-driver python3-selenium  # the search page's test in a browser
)
if [ "${1:-}" = "--sanitizers" ]; then
  # The ASan/UBSan build and the libFuzzer targets (.ci/run, scripts/fuzz.sh).
  packages+=(clang libclang-rt-14-dev llvm)
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
