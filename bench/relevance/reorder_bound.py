#!/usr/bin/env python3
"""How far ordering alone can take furet on judged queries.

For each query, takes every passage furet returns (all that hold a query word
or one of its synonyms), puts them in the order that earns the most under the
judgments (greedily: at each rank, the passage that adds the highest grade not
yet earned), and scores that order with the shared score.py. The mean is an
nDCG@10 that a ranking of the same passages can reach; furet's own score
below it is what ordering still loses.

Usage (at the repository root):
  bench/relevance/reorder_bound.py QRELS -- build/bin/furet-search --index IDX

The command gets "--json -n 100000 QUERY" appended.
Environment: FURET_SHARED (the shared/ folder, default ../shared).
"""
import json
import os
import subprocess
import sys

SHARED = os.environ.get("FURET_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
sys.path.insert(0, os.path.join(SHARED, "relevance"))
import score  # noqa: E402  (the shared scorer: its matching and nDCG are the benchmark's)


def answers_in(hit, answers):
    """Indexes of the answers a hit's passage holds, as score.py matches them."""
    doc = score.field(hit, "doc", "path", "id", "document")
    text = score.field(hit, "passage", "text", "snippet")
    if len(text) > score.MAX_PASSAGE:
        return set()
    passage = score.norm(text)
    return {i for i, a in enumerate(answers) if a["doc"] in doc and score.norm(a["text"]) in passage}


def best_order(judged, hits):
    """The hits reordered greedily by the grade each adds, answer-less ones last."""
    answers = judged["answers"]
    holds = [answers_in(h, answers) for h in hits]
    left = list(range(len(hits)))
    earned, order = set(), []
    while left and len(order) < score.K:
        def gain(k):
            return max((answers[i]["grade"] for i in holds[k] - earned), default=0)
        k = max(left, key=lambda k: (gain(k), -len(holds[k] - earned)))
        if gain(k) == 0:
            break
        order.append(hits[k])
        earned |= holds[k]
        left.remove(k)
    return order + [hits[k] for k in left]


def main():
    args = sys.argv[1:]
    if len(args) < 3 or args[1] != "--":
        sys.exit(__doc__)
    qrels, command = args[0], args[2:]
    total, n = 0.0, 0
    for line in open(qrels, encoding="utf-8"):
        if not line.strip():
            continue
        judged = json.loads(line)
        out = subprocess.run(command + ["--json", "-n", "100000", judged["query"]],
                             capture_output=True, text=True, check=False).stdout
        hits = score.parse_hits(out)
        s = score.score_query(judged, best_order(judged, hits))
        print(f"{judged['id']}  nDCG@10={s['ndcg']:.3f}  passages={len(hits)}  {judged['query']}")
        total += s["ndcg"]
        n += 1
    print(f"nDCG@10={total / max(n, 1):.3f} queries={n} (best order of the passages furet returns)")


if __name__ == "__main__":
    main()
