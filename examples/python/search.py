#!/usr/bin/env python3
"""Searches a furet index from Python with the furet module.

Usage: search.py INDEX QUERY...

Prints one hit per line: the article's path and the passage, its matched
words in [brackets].
"""
import sys

import furet


def bracketed(hit):
    """The passage with each highlight (str indices) put in brackets."""
    out, last = [], 0
    for begin, end in hit.highlights:
        out += [hit.passage[last:begin], "[", hit.passage[begin:end], "]"]
        last = end
    out.append(hit.passage[last:])
    return "".join(out).replace("\n", " ")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip())
    try:
        result = furet.Searcher(sys.argv[1]).search(" ".join(sys.argv[2:]))
    except furet.Error as error:
        sys.exit(f"search.py: {error}")
    if result.corrected_query:
        print(f"showing results for: {result.corrected_query}", file=sys.stderr)
    for hit in result:
        print(f"{hit.path}: {bracketed(hit)}")
    return 0 if result.hits else 1


if __name__ == "__main__":
    sys.exit(main())
