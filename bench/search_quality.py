#!/usr/bin/env python3
"""Helper of bench/search-quality.sh: runs one collection's queries against /api/search and scores
them (one JSON line per collection on stdout), or (--table) prints the table of those lines."""
import json
import math
import re
import sys
import urllib.parse
import urllib.request
from collections import Counter

BASELINE = {"cacm": (0.334, 0.485), "cisi": (0.208, 0.371), "med": (0.532, 0.700),
            "npl": (0.291, 0.449), "cran": (0.305, 0.356)}
STOP = set("a an and are as at be but by for if in into is it no not of on or such that the their then "
           "there these they this to was will with what which who how i am we".split())
WORD = re.compile(r"[a-z0-9]+")


def search(base, query, limit=1000):
    url = base + "/api/search?" + urllib.parse.urlencode({"q": query, "limit": limit})
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return [h["id"] for h in json.load(r)["hits"]]
    except urllib.error.HTTPError as e:
        sys.stderr.write("search-quality: %s answered %d for %r\n" % (base, e.code, query[:60]))
        return []


def doc_freq(coll):
    import glob
    df = Counter()
    for path in glob.glob(coll + "/docs/*.md"):
        df.update(set(WORD.findall(open(path, encoding="utf-8", errors="replace").read().lower())))
    return df


def run(coll, base, eval_dir, name):
    sys.path.insert(0, eval_dir)
    import trec_eval
    queries = [l.rstrip("\n").split("\t", 1) for l in open(coll + "/queries.tsv", encoding="utf-8") if l.strip()]
    run_path = coll + "/../run-%s.txt" % name
    with open(run_path, "w") as out:
        for qid, text in queries:
            for rank, doc in enumerate(search(base, text)):
                out.write("%s Q0 %s %d %f broadsheet\n" % (qid, doc, rank + 1, 1000.0 - rank))
    summary, _ = trec_eval.evaluate(coll, run_path)
    qrels = trec_eval.load_qrels(coll + "/qrels.tsv")
    df = doc_freq(coll)
    short = []
    for qid, text in queries:
        rel = {d for d, g in qrels.get(qid, {}).items() if g > 0}
        if not rel:
            continue
        words = WORD.findall(text.lower())
        if len(words) <= 3:
            short.append((text, rel))
        rare = sorted({w for w in words if w not in STOP and df[w] > 0}, key=lambda w: (df[w], w))
        for n in (2, 3):
            if len(rare) >= n:
                short.append((" ".join(rare[:n]), rel))
    p10 = sum(len(set(search(base, q, 10)) & rel) / 10 for q, rel in short) / max(1, len(short))
    print(json.dumps({"name": name, "MAP": summary["MAP"], "nDCG": summary["nDCG@10"], "queries": summary["queries"],
                      "zero": summary["zero_n"], "shortP10": p10, "short": len(short)}), flush=True)


def table():
    rows = [json.loads(l) for l in sys.stdin if l.startswith("{")]
    print("%-6s %7s %7s %9s %9s %7s %6s %12s" % ("", "MAP", "base", "nDCG@10", "base", "ratio", "zero", "P@10 short"))
    for r in rows:
        bm, bn = BASELINE.get(r["name"], (float("nan"), float("nan")))
        print("%-6s %7.3f %7.3f %9.3f %9.3f %7.3f %3d/%-3d %7.3f (%d)" % (
            r["name"], r["MAP"], bm, r["nDCG"], bn, r["nDCG"] / bn, r["zero"], r["queries"], r["shortP10"], r["short"]))
    if rows:
        mean = sum(r["nDCG"] for r in rows) / len(rows)
        base = sum(BASELINE[r["name"]][1] for r in rows) / len(rows)
        print("%-6s %7s %7s %9.3f %9.3f %7.3f" % ("mean", "", "", mean, base, mean / base))


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table()
    else:
        run(*sys.argv[1:5])
