#!/usr/bin/env python3
"""The scaling curve of bench/perf/scaling.sh: an SVG plot and a Markdown table.

    plot_scaling.py CSV SVG

CSV is scaling.sh's WORK/scaling.csv, one row per point (points = the divisor of the
full corpus, 1 = the full corpus; input and index in bytes, seconds, peak RSS in kB,
latencies in ms).  Writes SVG, three panels against the input size: indexing time,
index size, warm query p50 and p99, each with a dashed line through the origin and the
full-corpus point (the largest point when the full corpus is not among them), which is
what a cost proportional to the input would follow.  Prints the table for
bench/RESULTS.md.  Standard library only.
"""
import argparse
import csv
import math
import os
import sys
from xml.sax.saxutils import escape

PANEL_W, PANEL_H = 340, 330
# Plot area margins inside a panel; the bottom one holds the x label and, below it, the
# legend, which inside the plot would hide the points of a steep curve.
LEFT, RIGHT, TOP, BOTTOM = 58, 22, 34, 100
BLUE, ORANGE, GREEN, RED, GREY = "#1f77b4", "#e6780e", "#2ca02c", "#d62728", "#555555"


def read_rows(path):
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as e:
        sys.exit("plot_scaling.py: cannot read %s: %s" % (path, e.strerror))
    if not rows:
        sys.exit("plot_scaling.py: no point in %s" % path)
    for r in rows:
        try:
            for key in r:
                if key != "label":
                    r[key] = float(r[key])
        except (TypeError, ValueError):
            sys.exit("plot_scaling.py: %s: row '%s' is incomplete or not numeric"
                     % (path, r.get("label")))
        r["input_mb"] = r["input_bytes"] / 1e6
        r["index_mb"] = r["index_bytes"] / 1e6
    return sorted(rows, key=lambda r: r["input_bytes"])


def reference(rows):
    """The point the linear reference lines go through, and how the legend names it."""
    full = [r for r in rows if r["points"] == 1]
    return (full[0], "full corpus") if full else (rows[-1], "%.1f MB point" % rows[-1]["input_mb"])


def nice_ticks(top):
    """0, step, ... up to a round number at or above `top`: about five 1-2-5 steps."""
    top = top if top > 0 else 1
    raw = top / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    n = math.ceil(top / step - 1e-9)
    decimals = max(0, -math.floor(math.log10(step)))
    return [round(i * step, decimals) for i in range(n + 1)], decimals


def text(x, y, s, size=11, anchor="middle", extra=""):
    return ('<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s"%s>%s</text>'
            % (x, y, size, anchor, extra, escape(s)))


def panel(ox, title, ylabel, xs, series, ref_x, ref_name):
    """One panel at x offset `ox`. series: (name, colour, marker, ys, ref_y or None)."""
    w, h = PANEL_W - LEFT - RIGHT, PANEL_H - TOP - BOTTOM
    x0, y0 = ox + LEFT, TOP + h  # the origin, in pixels
    xticks, xdec = nice_ticks(max(xs))
    ymax = max(max(ys) for _, _, _, ys, _ in series)
    ymax = max([ymax] + [ry * max(xs) / ref_x for *_, ry in series if ry is not None])
    yticks, ydec = nice_ticks(ymax)
    px = lambda x: x0 + x / xticks[-1] * w
    py = lambda y: y0 - y / yticks[-1] * h
    out = [text(ox + PANEL_W / 2, 20, title, 13, extra=' font-weight="bold"')]
    for t in yticks:
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e4e4e4"/>'
                   % (x0, py(t), x0 + w, py(t)))
        out.append(text(x0 - 6, py(t) + 4, "%.*f" % (ydec, t), anchor="end"))
    for t in xticks:
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222"/>'
                   % (px(t), y0, px(t), y0 + 4))
        out.append(text(px(t), y0 + 17, "%.*f" % (xdec, t)))
    out.append('<path d="M%.1f %.1f V%.1f H%.1f" fill="none" stroke="#222"/>'
               % (x0, TOP, y0, x0 + w))
    out.append(text(x0 + w / 2, y0 + 36, "input MB (10⁶ bytes of text)"))
    out.append(text(ox + 14, TOP + h / 2, ylabel,
                    extra=' transform="rotate(-90 %.1f %.1f)"' % (ox + 14, TOP + h / 2)))
    legend = []
    for name, colour, marker, ys, ref_y in series:
        if ref_y is not None:
            end = max(xs)
            out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" '
                       'stroke-width="1.2" stroke-dasharray="5 4" opacity="0.7"/>'
                       % (px(0), py(0), px(end), py(ref_y * end / ref_x), colour))
        out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="1.8"/>' % (
            " ".join("%.1f,%.1f" % (px(x), py(y)) for x, y in zip(xs, ys)), colour))
        out += [marker_svg(marker, px(x), py(y), colour) for x, y in zip(xs, ys)]
        legend.append((name, colour, marker, False))
    if any(s[4] is not None for s in series):
        legend.append(("∝ input, through the " + ref_name, GREY, None, True))
    lx, ly = x0, y0 + 46
    for i, (name, colour, marker, dashed) in enumerate(legend):
        y = ly + 16 * i
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" '
                   'stroke-width="%s"%s/>' % (lx + 5, y - 4, lx + 21, y - 4, colour,
                                               "1.2" if dashed else "1.8",
                                               ' stroke-dasharray="5 4"' if dashed else ""))
        if marker:
            out.append(marker_svg(marker, lx + 13, y - 4, colour))
        out.append(text(lx + 25, y, name, 10, anchor="start"))
    return out


def marker_svg(marker, x, y, colour):
    if marker == "square":
        return ('<rect x="%.1f" y="%.1f" width="7" height="7" fill="%s"/>'
                % (x - 3.5, y - 3.5, colour))
    return '<circle cx="%.1f" cy="%.1f" r="3.8" fill="%s"/>' % (x, y, colour)


def svg(rows):
    ref, ref_name = reference(rows)
    xs = [r["input_mb"] for r in rows]
    col = lambda key: [r[key] for r in rows]
    panels = [
        ("Indexing time", "seconds", [
            ("wall", BLUE, "circle", col("index_wall_s"), ref["index_wall_s"]),
            ("CPU (user + system)", ORANGE, "square", col("index_cpu_s"), ref["index_cpu_s"])]),
        ("Index size", "index MB", [
            ("index (du)", GREEN, "circle", col("index_mb"), ref["index_mb"])]),
        ("Warm query latency", "ms per query", [
            ("p50", BLUE, "circle", col("p50_ms"), ref["p50_ms"]),
            ("p99", RED, "square", col("p99_ms"), ref["p99_ms"])]),
    ]
    width = PANEL_W * len(panels)
    body = []
    for i, (title, ylabel, series) in enumerate(panels):
        body += panel(i * PANEL_W, title, ylabel, xs, series, ref["input_mb"], ref_name)
    return "\n".join(
        ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" fill="#222">'
         % (width, PANEL_H, width, PANEL_H),
         '<rect width="100%" height="100%" fill="white"/>'] + body + ["</svg>", ""])


def exponent(rows, key):
    """Least-squares slope of log(key) against log(input): 1 = linear, below = sub-linear."""
    pts = [(math.log(r["input_bytes"]), math.log(r[key])) for r in rows if r[key] > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def table(rows, svg_name):
    lines = ["| corpus | articles | input MB | index wall s | index CPU s | CPU s per MB "
             "| peak RSS MB | index MB (× input) | warm p50 / p95 / p99 ms | QPS |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %d | %.1f | %.1f | %.1f | %.2f | %.0f | %.1f (%.2f×) "
                     "| %.2f / %.2f / %.2f | %.0f |" % (
                         r["label"], r["articles"], r["input_mb"], r["index_wall_s"],
                         r["index_cpu_s"], r["index_cpu_s"] / r["input_mb"],
                         r["peak_rss_kb"] / 1024, r["index_mb"],
                         r["index_bytes"] / r["input_bytes"], r["p50_ms"], r["p95_ms"],
                         r["p99_ms"], r["qps"]))
    slopes = [(name, exponent(rows, key)) for name, key in (
        ("index wall s", "index_wall_s"), ("index CPU s", "index_cpu_s"),
        ("index MB", "index_bytes"), ("peak RSS", "peak_rss_kb"), ("p50", "p50_ms"),
        ("p99", "p99_ms"))]
    lines += ["", "Growth exponent against the input size (least-squares slope in log-log "
              "over the points; 1 = linear, below 1 = sub-linear): " + ", ".join(
                  "%s %.2f" % (n, s) for n, s in slopes if s is not None) + ".",
              "", "![furet's scaling curve](%s)" % svg_name,
              "", "Each point: `furet-index --rebuild` into an empty index, the input in the "
              "page cache (GNU time; CPU = user + system); index size = `du` of the index; "
              "warm latency = `furet-query-bench -n 10` over the same 1,000 queries, made "
              "from the full corpus by the shared `gen_queries.py`, second of two passes. "
              "Fractions are `make-corpus.sh --max-mb` subsets of the full corpus; n× is the "
              "full corpus under n paths (hard links)."]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", help="scaling.sh's WORK/scaling.csv")
    parser.add_argument("svg", help="the plot to write (e.g. bench/scaling.svg)")
    args = parser.parse_args()
    rows = read_rows(args.csv)
    try:
        with open(args.svg, "w", encoding="utf-8") as fh:
            fh.write(svg(rows))
    except OSError as e:
        sys.exit("plot_scaling.py: cannot write %s: %s" % (args.svg, e.strerror))
    print(table(rows, os.path.basename(args.svg)))
    print("plot_scaling.py: wrote %s" % args.svg, file=sys.stderr)


if __name__ == "__main__":
    main()
