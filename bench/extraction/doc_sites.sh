#!/usr/bin/env bash
# doc_sites.sh — French HTML documentation sites from Debian packages, many
# pages per site with the same navigation: the input that shows what a
# per-source template would take once the page structure has done its work.
#
# Usage: bench/extraction/doc_sites.sh OUTDIR
#   OUTDIR/PACKAGE/NNNNN.html   one folder per site, its pages numbered in the
#                               package's sorted order (links to the unpacked files)
# The packages are fetched with `apt-get download` into OUTDIR/.debs and
# unpacked into OUTDIR/.root: nothing is installed. A second run reuses them.
# Then, for instance:
#   bench/extraction/template_lines.py OUTDIR --extract-bench build/bin/furet-extract-bench
set -euo pipefail

[ $# -eq 1 ] || { sed -n '6,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out=$(realpath -m -- "$1")
mkdir -p "$out/.debs" "$out/.root"

# package                    its pages, relative to the package root (** recurses)
SITES='
debian-handbook              usr/share/doc/debian-handbook/html/fr-FR/*.html
gimp-help-fr                 usr/share/gimp/2.0/help/fr/*.html
libreoffice-help-fr          usr/share/libreoffice/help/fr/text/**/*.html
installation-guide-amd64     usr/share/doc/installation-guide-amd64/fr/*.html
debian-reference-fr          usr/share/debian-reference/*.fr.html
lilypond-doc-html-fr         usr/share/doc/lilypond/html/Documentation/*/*.fr.html
texworks-help-fr             usr/share/texworks-help/fr/*.html
maint-guide-fr               usr/share/doc/maint-guide-fr/html/*.html
'

shopt -s globstar nullglob
while read -r package pattern; do
  [ -n "$package" ] || continue
  if ! compgen -G "$out/.debs/${package}_*.deb" > /dev/null; then
    (cd "$out/.debs" && apt-get download "$package" > /dev/null) ||
      { echo "doc_sites.sh: error: cannot download package '$package'" >&2; exit 2; }
  fi
  debs=("$out/.debs/${package}"_*.deb)
  dpkg-deb -x "${debs[0]}" "$out/.root"
  rm -rf "${out:?}/$package"
  mkdir -p "$out/$package"
  # shellcheck disable=SC2206  # the pattern is a glob, expanded here (sorted)
  pages=("$out/.root"/$pattern)
  n=0
  for page in "${pages[@]}"; do
    ln -s "$page" "$out/$package/$(printf '%05d' "$n").html"
    n=$((n + 1))
  done
  echo "$package: $n pages"
done <<< "$SITES"
