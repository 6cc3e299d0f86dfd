#!/usr/bin/env python3
"""The table of bench/perf/run.sh, from the files it leaves in its results directory.

    report.py RESULTS_DIR [--results-md FILE]

Reads furet's figures from RESULTS_DIR/furet/ (GNU time -v files, index sizes, the
furet-query-bench summary, the cold-start median, Google Benchmark JSON) and the peers'
from RESULTS_DIR/peers/results.json, which the shared harness's report.py writes.
Prints the "## Performance" section (Markdown); with --results-md, also puts it in FILE
in place of the previous one, leaving the file's other sections as they are.
"""
import argparse
import json
import os
import re
import sys

SECTION = "## Performance"


def read_kv(path):
    """'key value...' lines (space or tab) as a dict; {} if the file is missing."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        pairs = (line.split(None, 1) for line in fh if line.strip())
        return {p[0]: p[1].strip() if len(p) > 1 else "" for p in pairs}


def read_number(path):
    """The number a file holds (index sizes); None if the file is missing."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return int(fh.read().split()[0])


def gnu_time(path):
    """Wall and CPU seconds, peak RSS (kB) from a `/usr/bin/time -v` file; None if absent."""
    if not os.path.exists(path):
        return None
    fields = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    return {"wall": wall,
            "cpu": float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]),
            "rss_kb": int(fields["Maximum resident set size (kbytes)"]),
            "cpu_share": fields.get("Percent of CPU this job got", "?")}


def analyzer_mb_s(path):
    """MB/s (10^6 bytes) of each benchmark in a Google Benchmark JSON file."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return {b["name"]: b["bytes_per_second"] / 1e6 for b in data["benchmarks"]}


def furet_row(d):
    f = os.path.join(d, "furet")
    build = gnu_time(os.path.join(f, "build.time"))
    if not build:
        sys.exit("report.py: no furet build timing in %s/build.time" % f)
    q = read_kv(os.path.join(f, "query.txt"))
    incr, noop = gnu_time(os.path.join(f, "incr.time")), gnu_time(os.path.join(f, "noop.time"))
    cold = read_kv(os.path.join(f, "cold.cold"))
    return {"name": "**furet** (this tree)", "wall": build["wall"], "cpu": build["cpu"],
            "cpu_share": build["cpu_share"],
            "rss_kb": build["rss_kb"], "index_bytes": read_number(os.path.join(f, "index_bytes")),
            "incr": incr["wall"] if incr else None, "noop": noop["wall"] if noop else None,
            "lat": tuple(float(q[k]) for k in ("p50_ms", "p95_ms", "p99_ms")) if q else None,
            "qps": float(q["qps"]) if q else None,
            "cold_ms": float(cold["median_ms"]) if cold else None,
            "cold_runs": cold.get("runs_ms", "")}


# The shared harness's peers, and what their cold-start command is, for the notes.
COLD_NOTE = {"sphinx": " (mysql client)", "pg": " (psql client)"}


def peer_rows(d):
    path = os.path.join(d, "peers", "results.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh)
    out = []
    for r in rows:
        a = r.get("and")
        out.append({"name": r["name"], "peer": r["peer"], "wall": r["wall"], "cpu": r["cpu"],
                    "rss_kb": r["rss_kb"], "index_bytes": r["index_bytes"],
                    "incr": r["incr_wall"], "noop": None,
                    "lat": (a["p50_ms"], a["p95_ms"], a["p99_ms"]) if a else None,
                    "qps": a["qps"] if a else None, "cold_ms": r["cold_ms"],
                    "cold_runs": r.get("cold_runs", ""),
                    "cold_note": COLD_NOTE.get(r["peer"], "")})
    return out


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def table(rows, corpus_bytes):
    lines = ["| engine | build wall s | build CPU s | input MB/s | peak RSS MB "
             "| index MB (× input) | incremental s | no-op s | warm p50 / p95 / p99 ms "
             "| QPS | cold CLI ms |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        size = r["index_bytes"]
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["name"], fmt(r["wall"], ".1f"), fmt(r["cpu"], ".1f"),
            fmt(corpus_bytes / 1e6 / r["wall"], ".2f"), fmt(r["rss_kb"] / 1024, ".0f"),
            "%.1f (%.2f×)" % (size / 1e6, size / corpus_bytes) if size else "n/a",
            fmt(r["incr"], ".2f"), fmt(r["noop"], ".2f"),
            " / ".join("%.2f" % x for x in r["lat"]) if r["lat"] else "n/a",
            fmt(r["qps"], ".0f"), fmt(r["cold_ms"], ".1f") + r.get("cold_note", "")))
    return lines


def step_durations(d):
    """(step, seconds) from steps.tsv, with each peer's share of the peer step."""
    steps = []
    path = os.path.join(d, "steps.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            next(fh)
            steps = [(name, int(sec)) for name, sec in (l.rstrip("\n").split("\t") for l in fh)]
    # run_all.log: "[HH:MM:SS] === PEER ===" ... "[HH:MM:SS] PEER rc=N".
    log = os.path.join(d, "peers", "run_all.log")
    if os.path.exists(log):
        start = {}
        with open(log, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = re.match(r"\[(\d+):(\d+):(\d+)\] (?:=== (\S+) ===|(\S+) rc=)", line)
                if not m:
                    continue
                t = int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])
                if m[4]:
                    start[m[4]] = t
                elif m[5] in start:
                    steps.append(("  peer %s" % m[5], (t - start[m[5]]) % 86400))
    return steps


def section(d):
    corpus = read_kv(os.path.join(d, "corpus.txt"))
    corpus_bytes, corpus_files = int(corpus["bytes"]), int(corpus["files"])
    machine = read_kv(os.path.join(d, "machine.txt"))
    with open(os.path.join(d, "invocation.txt"), encoding="utf-8") as fh:
        invocation = fh.read().strip()
    rows = [furet_row(d)] + peer_rows(d)
    f = os.path.join(d, "furet")
    query = read_kv(os.path.join(f, "query.txt"))

    out = [SECTION, "",
           "`%s`, %s: corpus of %d articles, %.1f MB of French text (the shared "
           "`make-corpus.sh%s`), %s queries, one engine at a time." % (
               invocation, machine.get("date", "date unknown"), corpus_files,
               corpus_bytes / 1e6, (" " + corpus["options"]) if corpus.get("options") else "",
               query.get("queries", "1000")), ""]
    out += table(rows, corpus_bytes)
    out += ["",
            "- Build: the whole corpus into an empty index (GNU `time -v`, input in the page "
            "cache); CPU = user + system; index size = `du` of the index directory (PostgreSQL: "
            "table + GIN index).",
            "- Incremental: furet re-runs `furet-index` over the corpus with 10 new articles, "
            "1 changed and 1 deleted (one commit); the peers' harness adds the 10 new "
            "articles only (omindex re-run; Sphinx delta index + merge; PostgreSQL COPY).",
            "- No-op: `furet-index` again with nothing changed (every file checked by size "
            "and mtime); the peer harness does not measure it.",
            "- Warm queries: the 1,000 queries of the shared `gen_queries.py`, top 10, one "
            "long-lived process, second of two passes; nearest-rank percentiles, QPS = "
            "queries / time in queries (one client). furet: `furet-query-bench` (library, "
            "default options: passages, ranked by coverage and proximity, synonyms on); "
            "peers: AND queries through the harness's `xq`, `sq` and `pgq`.",
            "- Cold CLI: a fresh process per query (start, open, search, print), median of "
            "5; furet: `furet-search --json -n 10`, Xapian: `quest`; Sphinx and PostgreSQL "
            "figures are client round trips to an already running server.",
            "- Only figures of one run compare: the machine is shared and noisy. furet's build "
            "got %s of a core (GNU time), the rest of its wall time going to other processes: "
            "build CPU s is the steadier figure." % rows[0]["cpu_share"]]

    matching = read_kv(os.path.join(f, "matching.txt"))
    if matching:
        out += ["", "The floor under furet's warm queries (`furet-query-bench --matching-only`, "
                "same queries and index): Xapian's BM25 top 10 for the OR of each query's "
                "analysed words over furet's passages, with nothing else (no synonyms, title "
                "terms, re-ranking, stored text or highlights), takes p50 / p95 / p99 "
                "%s / %s / %s ms." % (matching["p50_ms"], matching["p95_ms"],
                                      matching["p99_ms"])]

    mb = analyzer_mb_s(os.path.join(f, "analyzer_repo.json"))
    mb_corpus = analyzer_mb_s(os.path.join(f, "analyzer_corpus.json"))
    if mb or mb_corpus:
        out += ["", "Analysis chain alone (`furet-analyzer-bench`, `Analyzer::analyze`, one "
                "thread): %s MB/s paragraph by paragraph on `corpus/` (%s MB/s whole "
                "articles); %s MB/s paragraph by paragraph on the first 8 MB of the "
                "benchmark corpus." % (
                    fmt(mb.get("analyze/paragraphs"), ".2f"),
                    fmt(mb.get("analyze/whole_articles"), ".2f"),
                    fmt(mb_corpus.get("analyze/paragraphs"), ".2f"))]

    profile = os.path.join(f, "profile.txt")
    if os.path.exists(profile):
        with open(profile, encoding="utf-8") as fh:
            lines = [l.rstrip() for l in fh if l.strip()]
        out += ["", "Where a full build's CPU goes (`perf record` of a second full build; "
                "%s/furet/profile.txt):" % d, "", "```"] + lines[:30] + ["```"]

    out += ["", "Duration of each step (s): " + ", ".join(
        "%s %d" % (name.strip(), sec) for name, sec in step_durations(d)) + "."]
    out += ["", "Machine: " + "; ".join(
        "%s %s" % (k, machine[k]) for k in ("cpu", "memory", "os", "compiler", "xapian",
                                            "furet", "loadavg_at_start") if k in machine) + "."]
    with open(os.path.join(d, "commands.txt"), encoding="utf-8") as fh:
        commands = fh.read().rstrip("\n")
    out += ["", "Commands (furet's; the peers' are in `shared/bench/peers/peers/*.sh`):", "",
            "```", commands, "```", ""]
    return "\n".join(out)


def replace_section(path, text):
    """Puts `text` in place of the file's "## Performance" section (up to the next "## "
    heading), or at its end; other sections stay as they are."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read()
    else:
        old = "# Benchmark results\n\n"
    pattern = re.compile(r"^%s\n.*?(?=^## |\Z)" % re.escape(SECTION), re.M | re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(new.rstrip("\n") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results_dir")
    parser.add_argument("--results-md", help="Markdown file whose Performance section to replace")
    args = parser.parse_args()
    if not os.path.isdir(args.results_dir):
        sys.exit("report.py: no results directory %s" % args.results_dir)
    text = section(args.results_dir)
    print(text)
    if args.results_md:
        replace_section(args.results_md, text)
        print("report.py: wrote the Performance section of %s" % args.results_md, file=sys.stderr)


if __name__ == "__main__":
    main()
