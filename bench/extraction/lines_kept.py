#!/usr/bin/env python3
"""What extraction keeps of a corpus that has no chrome: every line of every
file, and every judged answer, checked against the searchable text.

Usage: lines_kept.py EXTRACT_BENCH CORPUS [QRELS]
  EXTRACT_BENCH  furet-extract-bench (a build with -DFURET_BUILD_BENCH=ON)
  CORPUS         a folder of .txt, .md and .html files
  QRELS          judged queries as score.py reads them (answers: doc, text)
Prints each line not found in its file's searchable text and each judged
answer not found in its article's, then
  lines_lost=N lines=M answers_lost=K answers=L
Words are compared as fidelity.py compares them (case, Unicode form,
apostrophes, punctuation and spacing ignored).
"""
import glob, json, os, re, subprocess, sys, unicodedata

def norm(text):
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(re.findall(r"\w+", text))

def main():
    if len(sys.argv) not in (3, 4): sys.exit(__doc__)
    bench, corpus = sys.argv[1], sys.argv[2]
    files = sorted(f for ext in ("txt", "md", "html", "htm")
                   for f in glob.glob(os.path.join(corpus, "**", "*." + ext), recursive=True))
    run = subprocess.run([bench, "--list", "/dev/stdin"], input="".join(f + "\n" for f in files),
                         capture_output=True, text=True, check=True)
    texts = [norm(json.loads(line)["text"]) for line in run.stdout.splitlines()]
    if len(texts) != len(files): sys.exit(f"{bench}: {len(texts)} texts for {len(files)} files")
    lost = total = 0
    for path, text in zip(files, texts):
        for line in open(path, encoding="utf-8", errors="replace"):
            words = norm(line)
            if not words: continue
            total += 1
            if words not in text:
                lost += 1
                print(f"lost  {os.path.relpath(path, corpus)}: {line.strip()[:160]}")
    by_stem = {os.path.splitext(os.path.basename(f))[0]: t for f, t in zip(files, texts)}
    answers_lost = answers = 0
    if len(sys.argv) == 4:
        for line in open(sys.argv[3], encoding="utf-8"):
            for a in json.loads(line)["answers"]:
                answers += 1
                if norm(a["text"]) not in by_stem.get(a["doc"], ""):
                    answers_lost += 1
                    print(f"answer lost  {a['doc']}: {a['text'][:160]}")
    print(f"lines_lost={lost} lines={total} answers_lost={answers_lost} answers={answers}")

if __name__ == "__main__":
    main()
