#!/usr/bin/env python3
"""How far new weights for furet's own ranking factors can take it.

furet's score is a product of factors (docs/ranking.md): BM25, coverage,
proximity, article coverage, the whole article's BM25 and the opening gain.
`--explain` gives each candidate's raw values, so the 50 best candidates of
every query can be ordered again, outside the engine, under other exponents
and constants, and scored as score.py scores them (same matching, same nDCG).

The search: coordinate ascent over a grid of each constant, maximising the
mean nDCG@10 of one half of the TRAIN set (every other query) while no GUARD
set falls more than TOLERANCE below furet's own figure; the other half of
TRAIN, never seen by the search, says whether the gain holds. With
--no-guard the guard sets are only reported: that is the ceiling of the
factors alone, whatever it costs elsewhere.

Usage (at the repository root):
  bench/relevance/factor_bound.py --furet-search build/bin/furet-search \\
      --set cnil=../shared/relevance/ext/cnil.jsonl:IDX_CNIL \\
      --set dev=../shared/relevance/dev.jsonl:IDX_SEEDS \\
      --set dev+2000=../shared/relevance/dev.jsonl:IDX_PLUS \\
      --train cnil [--tolerance 0.002] [--no-guard] [--features position,length]

Every set but TRAIN is a guard. --features adds factors the engine does
not have: the passage's place in its article (1 + 500 / (500 + byte
offset)) and its length in bytes, each with an exponent searched from 0.
Environment: FURET_SHARED (the shared/ folder, default ../shared).
"""
import argparse
import json
import math
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

SHARED = os.environ.get("FURET_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
sys.path.insert(0, os.path.join(SHARED, "relevance"))
import score  # noqa: E402  (the shared scorer: its matching and nDCG are the benchmark's)
from reorder_bound import answers_in  # noqa: E402  (which answers a hit holds, as score.py matches)

CANDIDATES = 50
# The engine's constants (searcher/src/ranker.cc), and the values tried for each.
ENGINE = {"bm25": 1.0, "floor": 0.25, "coverage": 4.0, "proximity": 0.25, "article": 1.0,
          "whole": 0.5, "opening": 1.3, "position": 0.0, "length": 0.0}
GRID = {"bm25": [0.25, 0.5, 0.75, 1, 1.5], "floor": [0, 0.1, 0.25, 0.5, 0.75],
        "coverage": [0.5, 1, 2, 3, 4, 6], "proximity": [0, 0.25, 0.5, 1],
        "article": [0, 0.5, 1, 1.5, 2, 3], "whole": [0, 0.25, 0.5, 1, 1.5, 2],
        "opening": [1, 1.15, 1.3, 1.5, 1.75, 2, 2.5],
        "position": [0, 0.25, 0.5, 1, 2], "length": [-0.5, -0.25, 0, 0.25, 0.5]}
WHOLE_FLOOR = 0.05


def collect(furet_search, qrels, index):
    """Per judged query: its id, its candidates' factors and the answers each holds."""
    judged = [json.loads(line) for line in open(qrels, encoding="utf-8") if line.strip()]

    def run(query):
        argv = [furet_search, "--index", index, "--json", "--explain", "-n", str(CANDIDATES), query]
        out = subprocess.run(argv, capture_output=True, text=True, check=False).stdout
        hits = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return [h for h in hits if "summary" not in h]

    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(run, [j["query"] for j in judged]))
    queries = []
    for j, hits in zip(judged, results):
        answers = j["answers"]
        candidates = []
        for h in hits:
            held = [(i, answers[i]["grade"]) for i in answers_in(h, answers)]
            e = h["explain"]
            factors = {k: e[k] for k in ("bm25", "coverage", "proximity", "article", "article_bm25")}
            factors["opening"] = e["opening_factor"] > 1
            factors["begin"], factors["bytes"] = h["begin"], len(h["passage"])
            candidates.append((factors, held))
        ideal = sorted((a["grade"] for a in answers), reverse=True)[:score.K]
        idcg = sum((2 ** g - 1) / math.log2(r + 2) for r, g in enumerate(ideal))
        queries.append((j["id"], candidates, idcg))
    return queries


def scorer(p):
    """The log of a candidate's score under constants `p`."""
    log_opening = math.log(p["opening"])

    def s(x):
        return (p["bm25"] * math.log(max(x["bm25"], 1e-9))
                + math.log(p["floor"] + (1 - p["floor"]) * x["coverage"] ** p["coverage"])
                + math.log(1 + p["proximity"] * x["proximity"])
                + p["article"] * math.log(max(x["article"], 1e-9))
                + p["whole"] * math.log(max(x["article_bm25"], WHOLE_FLOOR))
                + (log_opening if x["opening"] else 0.0)
                + p["position"] * math.log(1 + 500 / (500 + x["begin"]))
                + p["length"] * math.log(x["bytes"] + 50))
    return s


def ndcg(queries, p, keep=lambda i: True):
    """Mean nDCG@10 and S@1 of the queries kept, ordered under `p` (ties: furet's order).

    score.score_query's reckoning, on answers found once per candidate: called
    per setting, it would normalise every passage again."""
    s = scorer(p)
    total = firsts = n = 0
    for i, (_, candidates, idcg) in enumerate(queries):
        if not keep(i):
            continue
        scores = [s(f) for f, _ in candidates]
        order = sorted(range(len(candidates)), key=lambda k: -scores[k])
        credited, dcg = set(), 0.0
        for rank, k in enumerate(order[:score.K]):
            gain = 0
            for a, g in candidates[k][1]:
                if a not in credited:
                    credited.add(a)
                    gain = max(gain, g)
            dcg += (2 ** gain - 1) / math.log2(rank + 2)
            firsts += rank == 0 and gain == 2
        total += dcg / idcg if idcg else 0.0
        n += 1
    return total / max(n, 1), firsts / max(n, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--furet-search", required=True)
    ap.add_argument("--set", action="append", required=True, metavar="NAME=QRELS:INDEX")
    ap.add_argument("--train", required=True, help="the set whose even half is searched on")
    ap.add_argument("--tolerance", type=float, default=0.002)
    ap.add_argument("--no-guard", action="store_true")
    ap.add_argument("--features", default="", help="position,length: factors the engine lacks")
    args = ap.parse_args()

    sets = {}
    for spec in args.set:
        name, _, rest = spec.partition("=")
        qrels, _, index = rest.rpartition(":")
        if not (name and qrels and index):
            ap.error(f"--set {spec!r}: expected NAME=QRELS:INDEX")
        sets[name] = collect(args.furet_search, qrels, index)
    if args.train not in sets:
        ap.error(f"--train {args.train!r} names no --set")
    train = sets[args.train]
    even, odd = (lambda i: i % 2 == 0), (lambda i: i % 2 == 1)
    guards = [n for n in sets if n != args.train]
    engine = {n: ndcg(q, ENGINE) for n, q in sets.items()}
    extra = [f for f in args.features.split(",") if f]
    searched = [k for k in GRID if k not in ("position", "length") or k in extra]

    def objective(p):
        fall = 0.0 if args.no_guard else sum(
            max(0.0, engine[n][0] - ndcg(sets[n], p)[0] - args.tolerance) for n in guards)
        return ndcg(train, p, even)[0] - 5 * fall

    best, best_value = dict(ENGINE), objective(ENGINE)
    for _ in range(3):
        moved = False
        for k in searched:
            for v in GRID[k]:
                trial = dict(best, **{k: v})
                value = objective(trial)
                if value > best_value + 1e-4:
                    best, best_value, moved = trial, value, True
        if not moved:
            break

    print("constants: " + ", ".join(f"{k} {best[k]:g}" for k in searched)
          + f"  (engine: " + ", ".join(f"{k} {ENGINE[k]:g}" for k in searched) + ")")
    print(f"{'set':<12} {'engine nDCG@10 / S@1':>22} {'new weights':>16}")
    rows = [(f"{args.train} even", train, even), (f"{args.train} odd (unseen)", train, odd)]
    rows += [(n, sets[n], lambda i: True) for n in guards]
    for label, queries, keep in rows:
        a, b = ndcg(queries, ENGINE, keep), ndcg(queries, best, keep)
        print(f"{label:<22} {a[0]:.3f} / {a[1]:.3f}    {b[0]:.3f} / {b[1]:.3f}")


if __name__ == "__main__":
    main()
