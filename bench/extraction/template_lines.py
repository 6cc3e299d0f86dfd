#!/usr/bin/env python3
"""What a per-source template would take: the lines a site's articles repeat.

The index's template learner (indexer/src/store/site_templates.h) calls
chrome the lines that recur across many articles of one site, where chrome
sits (the first and last lines of each article). This measures, on a
corpus, which lines a learner with given thresholds drops (the defaults are
the index's), so that its cost on text without chrome (documentation, help
pages) is known. The index names a line by its words (case, accents and
punctuation aside) and its site by the site a page declares, else the
folder that really holds the file (links resolved); this script compares
lines as they are and groups by the folder met in CORPUS.

Usage: template_lines.py CORPUS [--extract-bench BIN] [--zone N]
                         [--min-words W] [--min-articles A] [--min-share S]
  CORPUS           a folder; each sub-folder holding articles is one source
                   (files directly in CORPUS form one source too)
  --extract-bench  furet-extract-bench (a build with -DFURET_BUILD_BENCH=ON):
                   read each article's searchable text through it (needed for
                   .html); without it, .txt and .md files are read as they are
  --zone N         lines at each end of an article where a template may sit (4)
  --min-words W    shorter lines are never template (5)
  --min-articles A, --min-share S
                   a line is template when at least A articles and the share S
                   of its source's articles hold it in their zones (5, 0.5)
Prints, per source with template lines, its articles, the number of template
lines and the lines they would drop, with the most frequent examples; then
  lines=N dropped=D share=D/N
"""
import argparse, collections, glob, json, os, subprocess, sys


def article_lines(files, bench):
    if bench:
        run = subprocess.run([bench, "--list", "/dev/stdin"], input="".join(f + "\n" for f in files),
                             capture_output=True, text=True, check=True)
        texts = [json.loads(line)["text"] for line in run.stdout.splitlines()]
        if len(texts) != len(files): sys.exit(f"{bench}: {len(texts)} texts for {len(files)} files")
    else:
        texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
    return [[l.strip() for l in t.splitlines() if l.strip()] for t in texts]


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("corpus"); ap.add_argument("--extract-bench")
    ap.add_argument("--zone", type=int, default=4); ap.add_argument("--min-words", type=int, default=5)
    ap.add_argument("--min-articles", type=int, default=5); ap.add_argument("--min-share", type=float, default=0.5)
    a = ap.parse_args()
    exts = ("txt", "md", "html", "htm") if a.extract_bench else ("txt", "md")
    sources = collections.defaultdict(list)
    for ext in exts:
        for f in glob.glob(os.path.join(a.corpus, "**", "*." + ext), recursive=True):
            sources[os.path.relpath(os.path.dirname(f), a.corpus)].append(f)
    total = dropped = 0
    for source, files in sorted(sources.items()):
        articles = article_lines(sorted(files), a.extract_bench)
        held = collections.Counter()
        for lines in articles:
            zone = lines[:a.zone] + lines[-a.zone:]
            held.update({l for l in zone if len(l.split()) >= a.min_words})
        need = max(a.min_articles, a.min_share * len(articles))
        template = {l for l, n in held.items() if n >= need}
        drops = collections.Counter()
        for lines in articles:
            total += len(lines)
            for i, l in enumerate(lines):
                if (i < a.zone or i >= len(lines) - a.zone) and l in template: drops[l] += 1
        dropped += sum(drops.values())
        if drops:
            examples = "; ".join(f"{n}× {l[:60]}" for l, n in drops.most_common(3))
            print(f"{source}: {len(articles)} articles, {len(template)} template lines, "
                  f"{sum(drops.values())} lines dropped: {examples}")
    print(f"lines={total} dropped={dropped} share={dropped / max(total, 1):.4f}")


if __name__ == "__main__":
    main()
