#!/usr/bin/env python3
"""How far would whole-article evidence move furet's ranking? A re-ranking simulation.

Usage: article_rerank.py QRELS INDEX CORPUS [CORPUS ...] --out RESULTS.jsonl
                         [--furet-search BIN] [--mode bm25|coverage] [--power P]

For each judged query, takes furet's 50 best passages (furet-search --json -n 50), scores
each passage's whole article against the query, and re-orders the 50 by
furet's score x (article score / query weight) ^ P; writes the 10 best per query for
score.py --results. The article side is deliberately plain, independent of furet's
analysis: words folded (case, accents), cut to their first six letters, a few dozen French
function and question words left out, idf over the files of CORPUS; --mode bm25 is BM25
(k1 1.2, b 0.75) over the whole article, --mode coverage the idf share of the query's
words the article holds. --power 0 keeps furet's order (the baseline of the same run).
"""
import argparse, collections, glob, json, math, os, re, subprocess, unicodedata

FUNCTION_WORDS = set("""le la les l un une des de du d et ou à a au aux en dans sur pour par avec
ce ces cet cette qui que qu quoi quel quelle quels quelles est sont être c s se sa son ses mon
ma mes ton ta tes votre vos notre nos leur leurs je tu il elle on nous vous ils elles me te y
ne pas plus comment pourquoi quand où faire peut peux puis dois doit""".split())

def words(text):
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [w[:6] for w in re.findall(r"\w+", text) if w not in FUNCTION_WORDS and len(w) > 1]

def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("qrels"); ap.add_argument("index"); ap.add_argument("corpus", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--furet-search", default="build/bin/furet-search")
    ap.add_argument("--mode", choices=("bm25", "coverage"), default="bm25")
    ap.add_argument("--power", type=float, default=1.0)
    a = ap.parse_args()
    files = [f for d in a.corpus for f in glob.glob(os.path.join(d, "**", "*"), recursive=True)
             if os.path.isfile(f)]
    tf, length, df = {}, {}, collections.Counter()
    for f in files:
        counts = collections.Counter(words(open(f, encoding="utf-8", errors="replace").read()))
        tf[os.path.abspath(f)] = counts; length[os.path.abspath(f)] = sum(counts.values())
        df.update(counts.keys())
    n = len(files); avg = sum(length.values()) / max(n, 1)
    idf = lambda w: math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
    with open(a.out, "w", encoding="utf-8") as out:
        for line in open(a.qrels, encoding="utf-8"):
            judged = json.loads(line)
            run = subprocess.run([a.furet_search, "--index", a.index, "--json", "-n", "50",
                                  judged["query"]], capture_output=True, text=True).stdout
            hits = [json.loads(l) for l in run.splitlines() if l.startswith('{"begin') or '"passage"' in l]
            query = set(words(judged["query"]))
            weight = sum(idf(w) for w in query) or 1.0
            for h in hits:
                counts = tf.get(os.path.abspath(h["doc"]))
                if counts is None: h["factor"] = 1.0; continue
                if a.mode == "coverage":
                    s = sum(idf(w) for w in query if counts[w])
                else:
                    norm_len = 0.25 + 0.75 * length[os.path.abspath(h["doc"])] / avg
                    s = sum(idf(w) * counts[w] * 2.2 / (counts[w] + 1.2 * norm_len) for w in query)
                h["factor"] = (s / weight) ** a.power
            hits.sort(key=lambda h: -h["score"] * h["factor"])
            out.write(json.dumps({"id": judged["id"], "hits": [
                {"doc": h["doc"], "passage": h["passage"]} for h in hits[:10]]}) + "\n")

if __name__ == "__main__":
    main()
