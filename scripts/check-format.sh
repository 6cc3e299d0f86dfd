#!/usr/bin/env bash
# Fails, naming the files, when a C or C++ file of the repository differs
# from .clang-format (Debian 12's clang-format 14). `clang-format -i FILE`
# mends one.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format.sh: clang-format is missing" >&2; exit 2; }
unformatted=()
while IFS= read -r file; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done < <(git ls-files '*.cc' '*.h' '*.c')
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check-format.sh: not formatted as .clang-format says (clang-format -i FILE):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format.sh: every C and C++ file follows .clang-format"
