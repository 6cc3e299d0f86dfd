#!/usr/bin/env python3
"""Runs a furet-search --json command and prints its output with each copy a hit
names in "also_in" as a hit of its own (same passage, the copy's path as "doc").

furet shows a passage that several articles hold once, naming the others in
"also_in"; fidelity.py reads only "doc", so a line whose article holds a copy
of a better-ranked passage would count as lost. Through this wrapper it counts
as found, as it is for a reader of the results.
Usage: copies_as_hits.py COMMAND [ARG ...]
"""
import json, subprocess, sys

def main():
    if len(sys.argv) < 2: sys.exit(__doc__)
    run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    for line in run.stdout.splitlines():
        print(line)
        try: hit = json.loads(line)
        except ValueError: continue
        for copy in hit.get("also_in", []) if isinstance(hit, dict) else []:
            print(json.dumps(dict(hit, doc=copy, also_in=[]), ensure_ascii=False))
    sys.stderr.write(run.stderr)
    sys.exit(run.returncode)

if __name__ == "__main__":
    main()
