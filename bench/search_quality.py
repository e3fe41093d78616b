#!/usr/bin/env python3
"""Helper of bench/search-quality.sh: runs one collection's queries against /api/search and scores
them, and runs a sample of them through the site's browser search to check that it ranks exactly as
/api/search does (one JSON line per collection on stdout); or (--table) prints the table of those
lines and exits 1 when browser parity failed anywhere.

BROWSER=0 skips the browser part; BROWSER=js checks the JavaScript fallback instead of WasmGC."""
import json
import math
import os
import re
import struct
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import webdriver

BASELINE = {"cacm": (0.334, 0.485), "cisi": (0.208, 0.371), "med": (0.532, 0.700),
            "npl": (0.291, 0.449), "cran": (0.305, 0.356)}
STOP = set("a an and are as at be but by for if in into is it no not of on or such that the their then "
           "there these they this to was will with what which who how i am we".split())
WORD = re.compile(r"[a-z0-9]+")
PARITY_SAMPLE = 15


def api(base, query, limit):
    """/api/search's whole answer, or None (and a line on stderr) when it refused the query."""
    url = base + "/api/search?" + urllib.parse.urlencode({"q": query, "limit": limit})
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.stderr.write("search-quality: %s answered %d for %r\n" % (base, e.code, query[:60]))
        return None


def search(base, query, limit=1000):
    answer = api(base, query, limit)
    return [h["id"] for h in answer["hits"]] if answer else []


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
    qrels = trec_eval.load_qrels(coll + "/qrels.tsv")
    df = doc_freq(coll)
    judged = [text for qid, text in queries if any(g > 0 for g in qrels.get(qid, {}).values())]
    # The browser check runs beside the scoring, so that Chromium's start-up costs (almost) no wall time.
    browser = ThreadPoolExecutor(1).submit(browser_parity, base, parity_sample(judged, df))
    run_path = coll + "/../run-%s.txt" % name
    with open(run_path, "w") as out:
        for qid, text in queries:
            for rank, doc in enumerate(search(base, text)):
                out.write("%s Q0 %s %d %f broadsheet\n" % (qid, doc, rank + 1, 1000.0 - rank))
    summary, _ = trec_eval.evaluate(coll, run_path)
    short = []
    for qid, text in queries:
        rel = {d for d, g in qrels.get(qid, {}).items() if g > 0}
        if not rel:
            continue
        words = WORD.findall(text.lower())
        if len(words) <= 3:
            short.append((text, rel))
        short.extend((q, rel) for q in rarest_words(words, df))
    p10 = sum(len(set(search(base, q, 10)) & rel) / 10 for q, rel in short) / max(1, len(short))
    print(json.dumps({"name": name, "MAP": summary["MAP"], "nDCG": summary["nDCG@10"], "queries": summary["queries"],
                      "zero": summary["zero_n"], "shortP10": p10, "short": len(short),
                      "browser": browser.result()}), flush=True)


def rarest_words(words, df):
    """The 2- and 3-word queries made of a query's rarest words (stop words and unknown words left out)."""
    rare = sorted({w for w in words if w not in STOP and df[w] > 0}, key=lambda w: (df[w], w))
    return [" ".join(rare[:n]) for n in (2, 3) if len(rare) >= n]


def parity_sample(judged, df, size=PARITY_SAMPLE):
    """A fixed sample of queries for the browser: the longest and the shortest judged query, the first
    with a quote (a phrase), a 2- and a 3-word rarest-word query and a prefix query (the rarest word's
    first five letters and *) from the middle of the file, and judged queries spread evenly over it."""
    if not judged:
        return []
    middle = rarest_words(WORD.findall(judged[len(judged) // 2].lower()), df)
    later = rarest_words(WORD.findall(judged[(3 * len(judged)) // 4].lower()), df)
    picks = [max(judged, key=len), min(judged, key=len)] + [q for q in judged if '"' in q][:1]
    picks += middle[:1] + later[1:2]
    if middle:
        picks.append(middle[0].split()[0][:5] + "*")
    spread = size - len(picks)
    picks += [judged[i * len(judged) // spread] for i in range(spread)]
    sample = list(dict.fromkeys(picks))
    sample += [q for q in judged if q not in sample][:size - len(sample)]
    return sample[:size]


def browser_parity(base, sample):
    """Runs each sample query through window.broadsheet.search on the site's search page and compares it
    with /api/search: {"checked", "same", "runtime", "seconds", "first": first difference} or {"skipped": why}."""
    mode = os.environ.get("BROWSER", "1")
    if mode == "0":
        return {"skipped": "BROWSER=0"}
    missing = webdriver.available()
    if missing:
        return {"skipped": missing}
    started = time.monotonic()
    try:
        with webdriver.Chromium() as browser:
            runtime, same, first = run_in_browser(browser, base, sample, mode)
    except webdriver.WebDriverError as e:
        runtime, same, first = None, 0, "the browser failed: %s" % e
        sys.stderr.write("search-quality: %s\n" % first)
    return {"checked": len(sample), "same": same, "runtime": runtime, "first": first,
            "seconds": round(time.monotonic() - started, 1)}


def run_in_browser(browser, base, sample, mode):
    """(runtime, queries answered identically, first difference or None)."""
    browser.open(base + "/search/" + ("?runtime=js" if mode == "js" else ""))
    runtime = browser.run_async(
        "var done = arguments[arguments.length - 1];"
        "window.broadsheet.load().then(done, function (e) { done('ERROR ' + e); });")
    if str(runtime).startswith("ERROR"):
        return None, 0, "the browser runtime did not load: " + runtime[6:]
    same, first = 0, None
    for query in sample:
        found = browser.run_async(
            "var done = arguments[arguments.length - 1];"
            "window.broadsheet.search(arguments[0], {limit: 10})"
            ".then(function (r) { done(JSON.stringify(r)); }, function (e) { done('ERROR ' + e); });", query)
        difference = compare(api(base, query, 10), found)
        same += difference is None
        if difference and first is None:
            first = "%r: %s" % (query, difference)
            sys.stderr.write("search-quality: browser parity FAILED on %s\n" % first)
    return runtime, same, first


def float32_bits(score):
    return struct.unpack("<I", struct.pack("<f", float(score)))[0]


def compare(api_answer, browser_json):
    """The first difference between /api/search's and the browser's answer to one query, or None."""
    if browser_json.startswith("ERROR"):
        return "the browser failed: " + browser_json[6:]
    if api_answer is None:
        return "/api/search refused it, the browser answered"
    found = json.loads(browser_json)
    if found["total"] != api_answer["total"]:
        return "total %d in the browser, %d from /api/search" % (found["total"], api_answer["total"])
    if len(found["hits"]) != len(api_answer["hits"]):
        return "%d hits in the browser, %d from /api/search" % (len(found["hits"]), len(api_answer["hits"]))
    for rank, (b, a) in enumerate(zip(found["hits"], api_answer["hits"]), 1):
        if b["id"] != a["id"]:
            return "hit %d is %s in the browser, %s from /api/search" % (rank, b["id"], a["id"])
        if float32_bits(b["score"]) != float32_bits(a["score"]):
            return "hit %d (%s) scores %r in the browser, %r from /api/search" % (rank, a["id"], b["score"], a["score"])
        for key in ("title", "url", "date", "snippet"):
            if b.get(key) != a.get(key):
                return "hit %d (%s) %s %r in the browser, %r from /api/search" % (rank, a["id"], key, b.get(key), a.get(key))
    return None


def table():
    rows = [json.loads(l) for l in sys.stdin if l.startswith("{")]
    print("%-6s %7s %7s %9s %9s %7s %7s %-13s %s" % (
        "", "MAP", "base", "nDCG@10", "base", "ratio", "zero", "P@10 short", "browser parity"))
    for r in rows:
        bm, bn = BASELINE.get(r["name"], (float("nan"), float("nan")))
        print("%-6s %7.3f %7.3f %9.3f %9.3f %7.3f %3d/%-3d %-13s %s" % (
            r["name"], r["MAP"], bm, r["nDCG"], bn, r["nDCG"] / bn, r["zero"], r["queries"],
            "%.3f (%d)" % (r["shortP10"], r["short"]), parity_cell(r["browser"])))
    if rows:
        mean = sum(r["nDCG"] for r in rows) / len(rows)
        base = sum(BASELINE[r["name"]][1] for r in rows) / len(rows)
        print("%-6s %7s %7s %9.3f %9.3f %7.3f" % ("mean", "", "", mean, base, mean / base))
    return parity_summary([(r["name"], r["browser"]) for r in rows])


def parity_cell(p):
    if "skipped" in p:
        return "skipped"
    verdict = "identical" if p["same"] == p["checked"] and not p["first"] else "DIFFERENT"
    return "%d/%d %s (%s, %.0fs)" % (p["same"], p["checked"], verdict, p["runtime"] or "no runtime", p["seconds"])


def parity_summary(parities):
    """Prints what the browser column means, or why it is empty, and every failure; the exit code."""
    failed = [(name, p["first"]) for name, p in parities if "skipped" not in p and p["first"]]
    skipped = {p["skipped"] for _, p in parities if "skipped" in p}
    if parities and not skipped:
        print("browser parity: %d queries per collection (parity_sample) through window.broadsheet.search on "
              "SITE/search/ vs /api/search, limit 10: total, ids in order, float32 score bits, title, url, date, "
              "snippet" % max(p["checked"] for _, p in parities))
    for name, first in failed:
        print("%s: browser parity FAILED on %s" % (name, first))
    if skipped == {"BROWSER=0"}:
        print("browser parity skipped (BROWSER=0)")
    elif skipped:
        reason = "; ".join(sorted(skipped - {"BROWSER=0"}))
        sys.stderr.write("\n**********\n* WARNING: browser parity SKIPPED: %s\n**********\n" % reason)
        if os.environ.get("CI") == "true":
            return 1
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        sys.exit(table())
    else:
        run(*sys.argv[1:5])
