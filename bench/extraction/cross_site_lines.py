#!/usr/bin/env python3
"""Would lines that several sites repeat around their articles be chrome? A simulation.

Usage: cross_site_lines.py KEPT.jsonl DATA.json [--zone 4] [--max-words 12]
  KEPT.jsonl  what an extractor keeps per page ({"page", "text"} lines: furet-extract-bench)
  DATA.json   the html-eval strings ({"NNNN.html": {"with": [...], "without": [...]}})

A page's zone is the first and last --zone lines of its kept text. For each count k, the
lines of at most --max-words words held by the zones of k pages or more are taken out of
those zones; prints how many chrome strings ('without') that takes out of what was kept,
and how many article strings ('with') it loses. Strings compare as html-eval/score.py
compares them (imported from the folder of DATA.json).
"""
import argparse, collections, json, os, sys

def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("kept"); ap.add_argument("data")
    ap.add_argument("--zone", type=int, default=4); ap.add_argument("--max-words", type=int, default=12)
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(a.data)))
    from score import norm
    data = json.load(open(a.data, encoding="utf-8"))
    pages = collections.defaultdict(list)
    for line in open(a.kept, encoding="utf-8"):
        o = json.loads(line)
        pages[o["page"]] += [x.strip() for x in o["text"].split("\n") if x.strip()]
    def zone(lines):
        n = len(lines)
        return [i for i in range(n) if (i < a.zone or i >= n - a.zone)
                and len(lines[i].split()) <= a.max_words]
    held = collections.Counter()
    for lines in pages.values():
        held.update({norm(lines[i]) for i in zone(lines)})
    for k in (2, 3, 4, 5):
        common = {line for line, c in held.items() if c >= k}
        chrome_out = article_lost = 0
        for page, strings in data.items():
            lines = pages.get(page, [])
            out = {i for i in zone(lines) if norm(lines[i]) in common}
            before = "\n".join(norm(x) for x in lines)
            after = "\n".join(norm(x) for i, x in enumerate(lines) if i not in out)
            chrome_out += sum(norm(s) in before and norm(s) not in after for s in strings["without"])
            article_lost += sum(norm(s) in before and norm(s) not in after for s in strings["with"])
        print(f"held by >= {k} pages: chrome strings out {chrome_out}, article strings lost {article_lost}")

if __name__ == "__main__":
    main()
