#!/usr/bin/env python3
"""What a site's template takes out of text dumps of whole web pages, chrome and all.

Usage: template_dumps.py SITES DUMPS --furet-bin DIR [--index DIR]
  SITES      HTML documentation sites, one folder per site (bench/extraction/doc_sites.sh)
  DUMPS      where to write each page's visible text, one line per block, as a browser's
             "save as text" gives it (written once; delete it to write it again)
  --furet-bin  furet-index and furet-index-text (a -DFURET_BUILD_BENCH=ON build)
  --index    the index to build over DUMPS (default DUMPS.index)

A site's repeated lines are the lines (words compared as fidelity.py compares them) that at
least 5 of its pages and half of them hold: its menus, banners and footers. Prints, per site
and in all, how many of their occurrences the index keeps searchable (a template keeps one
per site), and how many lines that only one page holds are not searchable (prose lost):
  repeated_searchable=N/M one_page_lost=K/L
"""
import argparse, collections, json, os, re, subprocess, sys, unicodedata
import lxml.html

BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
          "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li",
          "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
HIDDEN = {"head", "noscript", "script", "style", "template"}

def norm(text):
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(re.findall(r"\w+", text))

def visible_lines(element):
    lines, run = [], []
    def end_line():
        line = " ".join("".join(run).split())
        if line: lines.append(line)
        run.clear()
    def walk(e):
        if isinstance(e.tag, str) and e.tag not in HIDDEN:
            block = e.tag in BLOCKS
            if block: end_line()
            run.append(e.text or "")
            for child in e: walk(child)
            if block: end_line()
        run.append(e.tail or "")
    walk(element)
    end_line()
    return lines

def write_dumps(sites, dumps):
    for site in sorted(os.listdir(sites)):
        if site.startswith(".") or not os.path.isdir(os.path.join(sites, site)): continue
        os.makedirs(os.path.join(dumps, site), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(sites, site))):
            if not name.endswith(".html"): continue
            try: root = lxml.html.parse(os.path.join(sites, site, name)).getroot()
            except (OSError, ValueError, lxml.etree.LxmlError): continue
            if root is None: continue
            body = root.find("body")
            lines = visible_lines(body if body is not None else root)
            if lines:
                with open(os.path.join(dumps, site, name[:-5] + ".txt"), "w") as out:
                    out.write("\n\n".join(lines) + "\n")

def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("sites"); ap.add_argument("dumps")
    ap.add_argument("--furet-bin", required=True); ap.add_argument("--index")
    a = ap.parse_args()
    index = a.index or a.dumps.rstrip("/") + ".index"
    if not os.path.isdir(a.dumps): write_dumps(a.sites, a.dumps)
    subprocess.run([os.path.join(a.furet_bin, "furet-index"), "-q", "--rebuild", "--index", index,
                    a.dumps], check=True)
    kept = {}
    out = subprocess.run([os.path.join(a.furet_bin, "furet-index-text"), index],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        o = json.loads(line)
        kept[os.path.realpath(o["page"])] = {norm(x) for x in o["text"].split("\n") if norm(x)}
    totals = collections.Counter()
    for site in sorted(os.listdir(a.dumps)):
        folder = os.path.join(a.dumps, site)
        pages = {f: {norm(x) for x in open(os.path.join(folder, f), errors="replace") if norm(x)}
                 for f in sorted(os.listdir(folder))}
        held = collections.Counter(x for lines in pages.values() for x in lines)
        counts = collections.Counter()
        for f, lines in pages.items():
            searchable = kept.get(os.path.realpath(os.path.join(folder, f)), set())
            for x in lines:
                if held[x] >= 5 and 2 * held[x] >= len(pages):
                    counts["repeated"] += 1; counts["repeated_searchable"] += x in searchable
                elif held[x] == 1:
                    counts["one_page"] += 1
                    counts["one_page_lost"] += not any(x in y for y in searchable)
        print(f"{site}: {len(pages)} pages, repeated lines searchable "
              f"{counts['repeated_searchable']}/{counts['repeated']}, one-page lines lost "
              f"{counts['one_page_lost']}/{counts['one_page']}")
        totals.update(counts)
    print(f"repeated_searchable={totals['repeated_searchable']}/{totals['repeated']} "
          f"one_page_lost={totals['one_page_lost']}/{totals['one_page']}")

if __name__ == "__main__":
    sys.exit(main())
