#!/usr/bin/python3
"""Peers of furet-extract-bench on lxml: readability-lxml, and all visible text.

Usage: /usr/bin/python3 lxml_peers.py readability|visible [--list FILE] [FILE ...]

  readability  readability-lxml's Document(html).summary(), as text (Debian package
               python3-readability, for Debian's /usr/bin/python3)
  visible      every text node a browser renders: the whole <body> less script, style,
               noscript, template and hidden elements, a floor for precision (lxml alone;
               bytes decoded as a browser does, see decoded())

For each page prints {"page": "<file name>", "text": "..."}, the format of
../shared/html-eval/score.py. readability-lxml decodes the raw bytes itself (<meta>
charset, else chardet); visible as decoded() says.
Block elements end with a newline in the text, so the words of two paragraphs stay
apart. Ends with one JSON line on stderr: {"timing": {"files", "bytes", "seconds",
"mb_per_s"}}, the seconds of parsing and extraction alone (one pass).
"""
import json, os, re, sys, time

try:
    import lxml.html
except ImportError:
    sys.exit("lxml_peers.py: needs lxml for this python3 (apt-get install python3-lxml)")

BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
          "td", "th", "tr", "ul"}
INVISIBLE = {"script", "style", "noscript", "template", "head", "title"}


def text_of(root):
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:  # not comments
            el.tail = "\n" + (el.tail or "")
    return re.sub(r"\s*\n\s*", "\n", root.text_content()).strip()


META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)


def decoded(html):
    """The page's text as a browser decodes it: a BOM, else the <meta> charset of the first
    1024 bytes, else (where a browser guesses from the bytes) UTF-8 for valid UTF-8 and
    windows-1252 otherwise."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if html.startswith(bom):
            return html.decode(codec, "replace")
    m = META_CHARSET.search(html[:1024])
    if m:
        try:
            return html.decode(m.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp1252", "replace")


def visible(html):
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decoded(html))  # lxml refuses str with a declaration
    root = lxml.html.document_fromstring(text)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if (el.tag.lower() in INVISIBLE or el.get("hidden") is not None
                or "display:none" in style or el.get("aria-hidden") == "true"):
            el.drop_tree()
    body = root.find("body")
    return text_of(body if body is not None else root)


def readability_summary(html):
    from readability import Document
    summary = Document(html).summary()
    return text_of(lxml.html.fromstring(summary)) if summary.strip() else ""


def main():
    args = sys.argv[1:]
    if not args or args[0] not in ("readability", "visible"):
        sys.exit(__doc__)
    mode, files, i = args[0], [], 1
    while i < len(args):
        if args[i] == "--list":
            files += [l for l in open(args[i + 1], encoding="utf-8").read().split("\n") if l]
            i += 2
        else:
            files.append(args[i]); i += 1
    if mode == "readability":
        try:
            import readability  # noqa: F401
        except ImportError:
            sys.exit("lxml_peers.py: needs readability-lxml (apt-get install python3-readability)")
    extract = readability_summary if mode == "readability" else visible
    total_bytes, seconds = 0, 0.0
    for f in files:
        html = open(f, "rb").read()
        total_bytes += len(html)
        start = time.perf_counter()
        try:
            text = extract(html) if html.strip() else ""
        except Exception as e:  # a page the peer cannot parse keeps nothing
            print(f"lxml_peers.py: {mode} failed on '{f}': {e}", file=sys.stderr)
            text = ""
        seconds += time.perf_counter() - start
        print(json.dumps({"page": os.path.basename(f), "text": text}, ensure_ascii=False))
    print(json.dumps({"timing": {"files": len(files), "bytes": total_bytes, "seconds": [seconds],
                                 "median_seconds": seconds,
                                 "mb_per_s": total_bytes / 1e6 / seconds if seconds else 0}}),
          file=sys.stderr)


if __name__ == "__main__":
    main()
