#!/usr/bin/env python3
"""Helper of bench/phone.sh: Broadsheet's browser search beside Pagefind's on the same built site, in
headless Chromium driven through the DevTools protocol (bench/cdp.py), both served by one Jetty
(bench/PhoneServer.java) whose request log counts the bytes.

  phone.py queries CONTENT N            the N queries (N - 10 from titles, 10 long questions), one a line
  phone.py run SITE LOG PLAIN TLS OUT   measures (options from the environment, see phone.sh); writes OUT (JSON)
  phone.py table OUT                    the side-by-side table of a run

Both tools are driven through their search page only: a query is typed into the box (value set, an
`input` event, then the form submitted, as Enter does) and is done when the page shows its result
list or says there is none. The pure parts (queries, statistics, the table) are tested by
python3 bench/phone_test.py."""
import base64
import hashlib
import json
import os
import random
import re
import ssl
import statistics
import subprocess
import sys
import time

STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
says said say mln pct dlrs dlr cts vs year qtr shr shrs oper avg inc corp co ltd net plc nv""".split())

WORD = re.compile(r"[a-z][a-z']+")
QUESTIONS = 10

# The three network/CPU conditions of issue 12: (name, latency ms, download bit/s, CPU slowdown)
CONDITIONS = [("unthrottled", 0, 0, 1), ("slow 4G", 150, 1.6e6, 1), ("slow 4G + 4x CPU", 150, 1.6e6, 4)]


# ---- the queries ------------------------------------------------------------------------------------------

def read_stories(content):
    """(title, text) of every Markdown story under content, in name order."""
    stories = []
    for name in sorted(os.listdir(content)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(content, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', text, re.M)
        body = text.split("\n---", 1)[-1]
        stories.append((title.group(1) if title else "", body))
    return stories


def words(text):
    return WORD.findall(text.lower())


def title_query(title, rng, common):
    """One to three consecutive words of a title, lower case, each end a word found in several titles
    (not a stop word, a ticker or a typo); None if it has none."""
    ws = [w.strip("'") for w in words(title)]

    def good(w):
        return w not in STOP and len(w) > 3 and w in common

    starts = [i for i, w in enumerate(ws) if good(w)]
    if not starts:
        return None
    i = rng.choice(starts)
    ends = [j for j in range(i, min(i + 3, len(ws))) if good(ws[j])]
    return " ".join(ws[i:rng.choice(ends) + 1])


def question(rng, vocabulary):
    """A long natural question over words of several titles."""
    a, b, c, d, e = rng.sample(vocabulary, 5)
    return rng.choice([
        "what did the %s minister say about %s and %s before the %s %s talks",
        "why are %s prices falling while %s and %s exports rise after the %s %s deal",
        "how will the %s decision on %s affect %s growth and %s %s next year",
        "who is buying %s shares now that %s and %s reported lower %s %s earnings",
    ]) % (a, b, c, d, e)


def make_queries(stories, n, seed=12):
    """n distinct queries: n - 10 drawn from titles, then 10 long questions that no single story holds
    all the words of (so a tool that needs every word finds nothing, one that ranks finds something)."""
    rng = random.Random(seed)
    questions = min(QUESTIONS, n // 2)
    out, seen = [], set()
    titles = [t for t, _ in stories if t]
    counts = {}
    for t in titles:
        for w in set(words(t)):
            counts[w] = counts.get(w, 0) + 1
    common = {w for w, c in counts.items() if c >= 3}
    while len(out) < n - questions and len(seen) < 50 * n:
        q = title_query(rng.choice(titles), rng, common)
        if q and q not in seen:
            out.append(q)
        seen.add(q)
    often = max(2, min(20, len(titles) // 500))   # 20 titles of 10,000: plain news words
    vocabulary = sorted(w for w, c in counts.items() if c >= often and w not in STOP and len(w) > 3 and "'" not in w)
    texts = [set(words(t + " " + b)) for t, b in stories]
    asked = []
    while len(asked) < questions:
        q = question(rng, vocabulary)
        terms = set(words(q)) - STOP
        if q not in asked and not any(terms <= t for t in texts):
            asked.append(q)
    return out + asked


# ---- statistics and the table -------------------------------------------------------------------------

def median(xs):
    return statistics.median(xs) if xs else None


def worst(xs):
    return max(xs) if xs else None


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def kb(n):
    return "-" if n is None else "%.0f KB" % (n / 1000) if n >= 10000 else "%.1f KB" % (n / 1000)


def ms(n):
    return "-" if n is None else "%.2f s" % (n / 1000) if n >= 1000 else "%.0f ms" % n


def fmt_ratio(r):
    return "-" if r is None else "%.2f" % r


def rows(result):
    """The table's rows for one protocol: (label, Broadsheet, Pagefind, ratios, target, met or None)."""
    b, p = result["broadsheet"], result["pagefind"]
    h1 = result["protocol"] == "HTTP/1.1"

    def mw(xs):
        return [median(xs), worst(xs)]

    def count(x):
        return "-" if x is None else "%g" % x

    def cond(i, phase, key):
        return lambda t: mw(t["conditions"][i][phase][key])

    def before(t):
        return [t["before"]["bytes"]]

    def total_first(t):  # what a reader downloads up to their first results, whenever a tool loads it
        return mw([t["before"]["bytes"] + x for x in t["conditions"][0]["first"]["bytes"]])

    spec = [("bytes before the first query", before, kb, "<= 200 KB", lambda vb, r: vb[0] <= 200_000),
            ("requests before the first query", lambda t: [t["before"]["requests"]], count, "", None),
            ("first query: bytes median / worst", cond(0, "first", "bytes"), kb, "ratio <= 1.0", None),
            ("first query: requests median / worst", cond(0, "first", "requests"), count, "", False),
            ("before + first query: bytes median / worst", total_first, kb, "ratio <= 1.0", None),
            ("later queries: bytes median / worst", cond(0, "later", "bytes"), kb, "ratio <= 1.0", None),
            ("later queries: requests median / worst", cond(0, "later", "requests"), count, "", False),
            ("requests for one file in a query, first / later: worst", lambda t: [
                worst(t["conditions"][0]["first"]["per_file"]), worst(t["conditions"][0]["later"]["per_file"])],
             count, "", False)]
    for i, c in enumerate(b["conditions"]):
        spec.append(("first results, %s: median / worst" % c["name"], cond(i, "first", "ms"), ms,
                     "ratio <= 1.0" + (" (aim: 1.5 s)" if i == 2 else ""), None))
        if i == 0 and h1:
            spec.append(("later query, %s: median / worst" % c["name"], cond(i, "later", "ms"), ms,
                         "ratio <= 1.0, median <= 50 ms", lambda vb, r: vb[0] is not None and vb[0] <= 50))
        else:
            spec.append(("later query, %s: median / worst" % c["name"], cond(i, "later", "ms"), ms,
                         "ratio <= 1.0", None))
    out = []
    for label, key, fmt, target, extra in spec:
        vb, vp = key(b), key(p)
        r = [ratio(x, y) for x, y in zip(vb, vp)]
        if extra is False:
            met = None
        else:
            met = all(x is not None and x <= 1.0 for x in r) if target.startswith("ratio") else True
            if extra is not None:
                met = met and extra(vb, r)
        out.append((label, " / ".join(fmt(x) for x in vb), " / ".join(fmt(x) for x in vp),
                    " / ".join(fmt_ratio(x) for x in r), target, met if target else None))
    def failed(t):
        return sum(len(c[k]["failed"]) for c in t["conditions"] for k in ("first", "later"))

    out.append(("queries without results in %d s (left out above)" % result.get("limit_s", 0),
                "%d" % failed(b), "%d" % failed(p), "", "0", failed(b) == 0))
    out.append(("long questions with no hits", "%d of %d" % (b["no_hits"], b["questions"]),
                "%d of %d" % (p["no_hits"], p["questions"]), "", "", None))
    return out


def notes(result):
    """What the reader of one protocol's table must know to read its times."""
    out = []
    load = result.get("load")
    if load:
        out.append("- Times on a shared machine: load average %.1f at the start and %.1f at the end of this "
                   "protocol's runs (%d cores)." % (load[0], load[1], result.get("cores", 0)))
    out.append("- 4x CPU: DevTools slows a page's main thread only, never a web worker, so in that condition "
               "both tools ran without their workers (Worker hidden; Pagefind's own fallback and Broadsheet's "
               "in-page engine search in the page) and all their work was slowed. Network throttling reached "
               "their workers in every condition.")
    out.append("- Requests: every request the server logged from the keystroke until the wire was quiet, "
               "the page's and its workers'; \"for one file\" = the most requests any one file got in a query.")
    each = result["broadsheet"]["before"].get("each")
    if each:
        out.append("- Broadsheet before the first query, each request (path, status, bytes as sent): %s." % "; ".join(
            "%s %d %s" % (path, status, "{:,}".format(size)) for path, status, size in each))
    for c in result["broadsheet"]["conditions"]:
        for k in ("first", "later"):
            summary = split_summary(c[k])
            if summary:
                out.append("- Broadsheet, %s, %s queries: %s." % (c["name"], k, summary))
    for tool in ("broadsheet", "pagefind"):
        for c in result[tool]["conditions"]:
            for k in ("first", "later"):
                for q, why in c[k]["failed"][:3]:
                    out.append("- %s, %s, %s query %r: %s" % (tool, c["name"], k, q, why))
    return out


def table(results):
    """Markdown lines: the site's search files, then one table per protocol."""
    lines = []
    files = results["files"]
    lines.append("| files the search feature adds | Broadsheet | Pagefind | ratio |")
    lines.append("|---|---|---|---|")
    b, p = files["broadsheet"], files["pagefind"]
    lines.append("| files | %d | %d | %s |" % (b["files"], p["files"], fmt_ratio(ratio(b["files"], p["files"]))))
    lines.append("| bytes | %.1f MB | %.1f MB | %s |" % (b["bytes"] / 1e6, p["bytes"] / 1e6,
                                                         fmt_ratio(ratio(b["bytes"], p["bytes"]))))
    for result in results["protocols"]:
        lines.append("")
        lines.append("%s, %d queries (%d long questions), first query cold %d times per condition" % (
            result["protocol"], result["queries"], result["broadsheet"]["questions"], result["first_runs"]))
        lines.append("")
        lines.append("| | Broadsheet | Pagefind | ratio B/P | target | met |")
        lines.append("|---|---|---|---|---|---|")
        for label, vb, vp, r, target, met in rows(result):
            lines.append("| %s | %s | %s | %s | %s | %s |" % (label, vb, vp, r, target,
                                                              "" if met is None else "yes" if met else "NO"))
        lines.append("")
        lines.extend(notes(result))
    return lines


# ---- the browser ----------------------------------------------------------------------------------------

# Each tool's search page and how a query runs on it: JS of a function (query) -> promise of
# {ms, total, shown}, timed from the first keystroke to the result list (or the "no results" message).
QUERY_JS = {
    "broadsheet": r"""
(function (q) {
  function count(text) { return +text.replace(/\D/g, ''); }  // "1,364" as a page may print it
  var box = document.getElementById('search-q'), status = document.getElementById('search-status');
  var app = document.getElementById('search-app'), list = document.getElementById('search-results');
  // search.js's running totals (window.broadsheet.stats), before and after: this query's share
  function totals() {
    var s = window.broadsheet && window.broadsheet.stats;
    return s ? {rounds: s.rounds, wasm: s.searchMillis, fetch: s.fetchMillis} : null;
  }
  return new Promise(function (resolve, reject) {
    var t0 = performance.now(), s0 = totals();
    var watch = new MutationObserver(function () {
      var t = status.textContent;
      if (t.indexOf('Search failed') === 0) { watch.disconnect(); reject(new Error(t)); return; }
      if (app.hasAttribute('aria-busy')) return;
      var m = /^([\d,.\s]+) results? \(/.exec(t);
      if (m || t.indexOf('No results for') === 0) {
        watch.disconnect();
        var s1 = totals(), ms = performance.now() - t0;
        resolve({ms: ms, total: m ? count(m[1]) : 0, shown: list.children.length,
                 split: s0 && s1 ? {rounds: s1.rounds - s0.rounds, wasm_ms: s1.wasm - s0.wasm,
                                     fetch_ms: s1.fetch - s0.fetch} : null});
      }
    });
    watch.observe(status, {childList: true, characterData: true, subtree: true});
    watch.observe(app, {attributes: true, attributeFilter: ['aria-busy']});
    box.focus();
    box.value = q;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.form.requestSubmit();
  });
})""",
    "pagefind": r"""
(function (q) {
  function count(text) { return +text.replace(/\D/g, ''); }  // Pagefind prints "1,364 results for q"
  var root = document.getElementById('search');
  var box = root.querySelector('.pagefind-ui__search-input');
  return new Promise(function (resolve, reject) {
    var t0 = performance.now();
    function check() {
      var message = root.querySelector('.pagefind-ui__message');
      var t = message ? message.textContent.trim() : '';
      var m = /^([\d,.\s]+) results? for (.*)$/.exec(t);
      var none = t.indexOf('No results for') === 0;
      if (!(m && m[2].indexOf(q) >= 0) && !(none && t.indexOf(q) >= 0)) return;
      var shown = root.querySelectorAll('.pagefind-ui__result').length;
      if (root.querySelector('.pagefind-ui__results .pagefind-ui__loading') || (m && shown === 0)) return;
      watch.disconnect();
      resolve({ms: performance.now() - t0, total: m ? count(m[1]) : 0, shown: shown});
    }
    var watch = new MutationObserver(check);
    watch.observe(root, {childList: true, characterData: true, subtree: true, attributes: true});
    box.focus();
    box.value = q;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.form && box.form.requestSubmit();
  });
})""",
}

PAGES = {"broadsheet": "search/index.html", "pagefind": "pagefind-search/index.html"}

# The Pagefind search page: its default UI as its documentation shows it, ten results a page like
# Broadsheet's and no debounce (Broadsheet's box searches at once on Enter, which the benchmark sends).
PAGEFIND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search</title><link href="../pagefind/pagefind-ui.css" rel="stylesheet">
<script src="../pagefind/pagefind-ui.js"></script></head>
<body><main><h1>Search</h1><div id="search"></div></main>
<script>window.addEventListener('DOMContentLoaded', function () {
  new PagefindUI({element: '#search', showSubResults: false, showImages: false, pageSize: 10, debounceTimeoutMs: 0});
});</script></body></html>
"""


class RequestLog:
    """The server's request log, read from where the last take left off."""

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path) if os.path.exists(path) else 0

    def take(self, settle=0.1, limit=2.0):
        """Requests logged since the last take, once the log has been quiet for settle seconds:
        (bytes, requests, [(path, range, status, bytes)])."""
        deadline = time.monotonic() + limit
        size = os.path.getsize(self.path)
        while time.monotonic() < deadline:
            time.sleep(settle)
            now = os.path.getsize(self.path)
            if now == size:
                break
            size = now
        with open(self.path, encoding="utf-8") as f:
            f.seek(self.offset)
            text = f.read()
        complete = text[:text.rfind("\n") + 1]
        self.offset += len(complete.encode("utf-8"))
        entries = []
        for line in complete.splitlines():
            _, _, path, rng, status, size_ = line.split("\t")
            entries.append((path, rng, int(status), int(size_)))
        return sum(e[3] for e in entries), len(entries), entries


# A query that shows no results within the limit resolves {timeout: true}: recorded, not fatal.
LIMIT_JS = """
(function (query, q, limit) {
  var t0 = performance.now();
  return Promise.race([query(q), new Promise(function (resolve) {
    setTimeout(function () { resolve({timeout: true, ms: performance.now() - t0}); }, limit);
  })]);
})"""


def run_query(browser, tool, q, limit_s):
    """{ms, total, shown} of one query typed into the page; {failed: why} if the page showed no
    results within limit_s seconds (or the browser did not answer in limit_s + 30 s)."""
    try:
        r = browser.evaluate("%s(%s, %s, %d)" % (LIMIT_JS, QUERY_JS[tool], json.dumps(q), limit_s * 1000),
                             timeout=limit_s + 30)
    except Exception as e:  # cdp.CdpError: the page threw, or never answered
        return {"failed": str(e)[:200]}
    return {"failed": "no results in %d s" % limit_s} if r.get("timeout") else r


def most_per_file(entries):
    """The most requests a query made for any one file: issue 12 asks for one request per round for each
    file read, so more than the query's rounds means pages of one file were fetched one by one."""
    counts = {}
    for path, _, _, _ in entries:
        counts[path] = counts.get(path, 0) + 1
    return max(counts.values()) if counts else 0


def phase():
    return {"bytes": [], "requests": [], "per_file": [], "ms": [], "failed": [], "split": []}


def record(c, r, entries, q, base_bytes=0, base_requests=0):
    """Adds one query's figures to c (a phase); a failed query adds only its reason."""
    if "failed" in r:
        c["failed"].append([q, r["failed"]])
        return
    c["bytes"].append(max(0, sum(e[3] for e in entries) - base_bytes))
    c["requests"].append(max(0, len(entries) - base_requests))
    c["per_file"].append(most_per_file(entries))
    c["ms"].append(r["ms"])
    if r.get("split"):
        c.setdefault("split", []).append(dict(r["split"], ms=r["ms"]))


def split_summary(c):
    """Where a phase's time went in Broadsheet's page (search.js's counters), as medians: rounds of the
    search, the wasm's time (search calls and their JSON), the wait for a round's Range reads, and the
    rest (the page: events, rendering). None when the tool keeps no such counters."""
    split = c.get("split") or []
    if not split:
        return None
    rest = [x["ms"] - x["wasm_ms"] - x["fetch_ms"] for x in split]
    return "median %g rounds; wasm %s, waiting on reads %s, the rest (page) %s" % (
        median([x["rounds"] for x in split]), ms(median([x["wasm_ms"] for x in split])),
        ms(median([x["fetch_ms"] for x in split])), ms(median(rest)))


def fresh_page(browser, log, url):
    """url in an empty cache; its requests are taken from the log."""
    browser.clear_cache()
    browser.navigate("about:blank")
    log.take(settle=0.05)
    browser.navigate(url)


def measure_tool(cdp, tool, base, log, queries, first_runs, limit_s, say, spki=None):
    """All conditions for one tool over one protocol (base: the server's URL; spki: the pin of its
    certificate over TLS)."""
    url = base + PAGES[tool]
    questions = set(queries[len(queries) - min(QUESTIONS, len(queries) // 2):])
    out = {"conditions": []}
    with cdp.Browser(spki=spki) as browser:
        # before the first query: the page, then what focusing its box loads, until the wire is quiet
        browser.navigate(url)
        browser.evaluate("(document.querySelector('#search-q, .pagefind-ui__search-input') || {focus: function"
                         " () {}}).focus()")
        time.sleep(1.0)
        bytes_, requests, entries = log.take(settle=0.5, limit=10)
        out["before"] = {"bytes": bytes_, "requests": requests, "files": [e[0] for e in entries],
                         "each": [[e[0], e[2], e[3]] for e in entries]}
        say("%s: %s before the first query in %d requests" % (tool, kb(bytes_), requests))
        picks = [queries[round(i * (len(queries) - 1) / max(1, first_runs - 1))] for i in range(first_runs)]
        for name, latency, down, cpu in CONDITIONS:
            c = {"name": name, "first": phase(), "later": phase()}
            browser.emulate(latency_ms=latency, down_bps=down, cpu_rate=cpu)
            # DevTools' CPU slowdown holds back a page's main thread only, never a web worker; with
            # Worker hidden, both tools search in the page (Pagefind's own fallback; search.js runs its
            # engine in the page where no worker can start), slowed as well
            browser.hide_workers(cpu != 1)
            for q in picks:
                fresh_page(browser, log, url)
                r = run_query(browser, tool, q, limit_s)
                _, _, entries = log.take()
                record(c["first"], r, entries, q, out["before"]["bytes"], out["before"]["requests"])
            # later queries: a fresh page, every query in turn after the first
            fresh_page(browser, log, url)
            log.take(settle=0.05)
            no_hits = 0
            for k, q in enumerate(queries):
                r = run_query(browser, tool, q, limit_s)
                _, _, entries = log.take()
                if k > 0:
                    record(c["later"], r, entries, q)
                if "failed" in r:  # the next query starts on a fresh page, whose loading is not counted
                    say("%s, %s: %r failed: %s" % (tool, name, q, r["failed"]))
                    fresh_page(browser, log, url)
                    run_query(browser, tool, queries[0], limit_s)
                    log.take()
                elif q in questions and r["total"] == 0:
                    no_hits += 1
            out["no_hits"], out["questions"] = no_hits, len(questions)
            failed = len(c["first"]["failed"]) + len(c["later"]["failed"])
            say("%s, %s: first results median %s, later median %s; %d of %d long questions without hits%s" % (
                tool, name, ms(median(c["first"]["ms"])), ms(median(c["later"]["ms"])), no_hits, len(questions),
                "; %d queries failed" % failed if failed else ""))
            if split_summary(c["later"]):
                say("%s, %s, later queries: %s" % (tool, name, split_summary(c["later"])))
            out["conditions"].append(c)
        browser.hide_workers(False)
    return out


def tree_size(root):
    files = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(folder, name))
    return {"files": files, "bytes": size}


def certificate_pin(host, port):
    """Base64 of the SHA-256 of the public key (SubjectPublicKeyInfo) of the server's certificate, as
    Chromium's --ignore-certificate-errors-spki-list takes it (openssl does the ASN.1)."""
    pem = ssl.get_server_certificate((host, port))
    key = subprocess.run(["openssl", "x509", "-pubkey", "-noout"], input=pem.encode(), capture_output=True,
                         check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=key, capture_output=True,
                         check=True).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def run(site, log_path, plain, tls, out_path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import cdp

    def say(text):
        print("phone: " + text, file=sys.stderr, flush=True)

    first_runs = int(os.environ.get("FIRST", "3"))
    limit_s = int(os.environ.get("LIMIT", "30"))
    protocols = os.environ.get("PROTOCOLS", "h1 h2").split()
    with open(os.path.join(site, "bench-queries.txt"), encoding="utf-8") as f:
        queries = [q for q in f.read().splitlines() if q]
    log = RequestLog(log_path)
    results = {"files": {"broadsheet": tree_size(os.path.join(site, "search")),
                         "pagefind": tree_size(os.path.join(site, "pagefind"))}, "protocols": []}
    for proto in protocols:
        base = "http://127.0.0.1:%s/" % plain if proto == "h1" else "https://127.0.0.1:%s/" % tls
        first_runs = min(first_runs, len(queries))
        result = {"protocol": "HTTP/1.1" if proto == "h1" else "HTTP/2 (TLS)", "queries": len(queries),
                  "first_runs": first_runs, "limit_s": limit_s}
        load = os.getloadavg()[0]
        spki = None if proto == "h1" else certificate_pin("127.0.0.1", int(tls))
        for tool in ("broadsheet", "pagefind"):
            say("%s over %s" % (tool, result["protocol"]))
            result[tool] = measure_tool(cdp, tool, base, log, queries, first_runs, limit_s, say, spki)
        result["load"], result["cores"] = [load, os.getloadavg()[0]], os.cpu_count()
        results["protocols"].append(result)
        with open(out_path, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return results


def main(argv):
    if len(argv) == 3 and argv[0] == "queries":
        for q in make_queries(read_stories(argv[1]), int(argv[2])):
            print(q)
    elif len(argv) == 6 and argv[0] == "run":
        run(*argv[1:])
    elif len(argv) == 2 and argv[0] == "table":
        with open(argv[1], encoding="utf-8") as f:
            print("\n".join(table(json.load(f))))
    elif len(argv) == 2 and argv[0] == "page":
        with open(argv[1], "w", encoding="utf-8") as f:
            f.write(PAGEFIND_PAGE)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
