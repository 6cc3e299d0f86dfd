#!/usr/bin/env python3
"""How far the ranking formula's constants can take furet, and whether it carries over.

Searches the nine constants of the re-ranking (docs/ranking.md) for the best
mean nDCG@10 on one judged set, over an index of corpus/ alone and one with
distractors, then scores the best setting on a second set that took no part in
the choice. First uniformly at random over wide ranges, then around the best
setting so far. Every setting tried goes to OUT as a JSON line.

Usage (at the repository root):
  bench/relevance/tune.py --furet-search BIN --alone IDX --distracted IDX
                          [--qrels FILE] [--check FILE] [--samples N] [--seed S]
                          [--jobs N] [--out FILE]

BIN must come from a build configured with -DFURET_RANKING_TUNING=ON, the only
one that reads the FURET_TUNE_* variables. The defaults: --qrels
../shared/relevance/dev.jsonl, --check bench/relevance/heldout.jsonl, 300
random then 300 local samples, seed 1, one job per core, --out
/tmp/furet-tune.jsonl.
Environment: FURET_SHARED (the shared/ folder, default ../shared).
"""
import argparse
import concurrent.futures
import json
import os
import random
import subprocess
import sys

SHARED = os.environ.get("FURET_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
SCORE_PY = os.path.join(SHARED, "relevance", "score.py")

# Ranges searched, wide around each constant's current value, by the names the
# constants give tunable() in searcher/src.
RANGES = {
    "COVERAGE_FLOOR": (0.0, 0.6),
    "COVERAGE_EXPONENT": (0.5, 5.0),
    "PROXIMITY_GAIN": (0.0, 1.5),
    "ARTICLE_FLOOR": (0.0, 1.0),
    "TITLE_COVERAGE": (0.0, 1.0),
    "SYNONYM_WEIGHT": (0.2, 1.0),
    "BM25_K1": (0.5, 2.5),
    "BM25_B": (0.3, 1.0),
    "ARTICLE_BM25_EXPONENT": (0.0, 1.5),
    "OPENING_GAIN": (1.0, 2.0),
}


def ndcg(binary, index, qrels, setting):
    env = dict(os.environ, **{f"FURET_TUNE_{k}": f"{v:.3f}" for k, v in setting.items()})
    out = subprocess.run([sys.executable, SCORE_PY, qrels, "--", binary, "--index", index, "--json", "{query}"],
                         capture_output=True, text=True, env=env, check=True).stdout
    return float(out.strip().splitlines()[-1].split()[0].split("=")[1])


def evaluate(args, setting):
    """nDCG@10 of both sets on both indexes; 'fit' is what the search maximises."""
    row = {"setting": setting}
    for name, qrels in (("qrels", args.qrels), ("check", args.check)):
        for where, index in (("alone", args.alone), ("distracted", args.distracted)):
            row[f"{name}_{where}"] = ndcg(args.furet_search, index, qrels, setting)
    row["fit"] = (row["qrels_alone"] + row["qrels_distracted"]) / 2
    return row


def is_tuning_build(binary):
    probe = subprocess.run([binary, "--version"], capture_output=True, text=True,
                           env=dict(os.environ, FURET_TUNE_BM25_K1="not-a-number"))
    return probe.returncode != 0


def line(label, row):
    return (f"{label:<28} {row['qrels_alone']:.3f}  {row['qrels_distracted']:.3f}  "
            f"{row['check_alone']:.3f}  {row['check_distracted']:.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--furet-search", required=True)
    p.add_argument("--alone", required=True, help="index of corpus/ alone")
    p.add_argument("--distracted", required=True, help="index of corpus/ and the distractors")
    p.add_argument("--qrels", default=os.path.join(SHARED, "relevance", "dev.jsonl"))
    p.add_argument("--check", default="bench/relevance/heldout.jsonl")
    p.add_argument("--samples", type=int, default=300, help="random samples, then as many local ones")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count())
    p.add_argument("--out", default="/tmp/furet-tune.jsonl")
    args = p.parse_args()
    if not is_tuning_build(args.furet_search):
        sys.exit(f"tune.py: {args.furet_search} ignores FURET_TUNE_*: "
                 "build it with cmake -DFURET_RANKING_TUNING=ON")

    rng = random.Random(args.seed)
    rows = []
    with open(args.out, "w", encoding="utf-8") as out, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        def run(settings):
            for row in pool.map(lambda s: evaluate(args, s), settings):
                out.write(json.dumps(row) + "\n")
                out.flush()
                rows.append(row)
        run([{}])  # the constants as built
        run([{k: rng.uniform(lo, hi) for k, (lo, hi) in RANGES.items()} for _ in range(args.samples)])
        defaults = rows[0]
        best = max(rows[1:], key=lambda r: r["fit"])["setting"]
        run([{k: min(max(best[k] + rng.gauss(0, 0.12 * (hi - lo)), lo), hi)
              for k, (lo, hi) in RANGES.items()} for _ in range(args.samples)])

    chosen = max(rows, key=lambda r: r["fit"])
    print(f"{len(rows)} settings; nDCG@10 of {os.path.basename(args.qrels)} alone / +distractors, "
          f"then {os.path.basename(args.check)} alone / +distractors")
    print(line("as built", defaults))
    print(line("best on the first set", chosen))
    print("  " + (" ".join(f"{k}={v:.3f}" for k, v in chosen["setting"].items()) or "(as built)"))
    for key in ("qrels_alone", "qrels_distracted", "check_alone", "check_distracted"):
        print(f"highest {key:<18} {max(r[key] for r in rows):.3f}")


if __name__ == "__main__":
    main()
