#!/usr/bin/env python3
"""Tests of bench/phone.py, the queries, request log and table of bench/phone.sh: python3 bench/phone_test.py"""
import base64
import os
import random
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone  # noqa: E402


def phone_cdp_missing():
    import cdp
    return cdp.available() is not None

STORIES = [("BAHIA COCOA REVIEW", "Showers continued throughout the week in the Bahia cocoa zone."),
           ("COCOA EXPORTS RISE IN BAHIA", "Cocoa exports from Bahia rose in March, traders said."),
           ("OIL PRICES FALL ON OPEC TALKS", "Oil prices fell as OPEC ministers met in Geneva."),
           ("OPEC MINISTERS MEET ON OIL PRICES", "The ministers of OPEC discuss crude oil output."),
           ("JAPAN TRADE SURPLUS WIDENS", "Japan's trade surplus widened in February, the ministry said."),
           ("JAPAN CUTS OIL IMPORTS", "Japan cut its crude oil imports in March.")] * 7


def tool(before=(1000, 3), first_bytes=(5000, 7000, 9000), first_ms=(200, 250, 300), later_ms=(30, 40, 60),
         later_bytes=(2000, 3000, 4000), no_hits=0):
    """One tool's figures; each list is [best, median, worst]."""
    def condition(name, slow):
        return {"name": name,
                "first": {"bytes": list(first_bytes), "requests": [4, 5, 6], "per_file": [1, 2, 2],
                          "ms": [x * slow for x in first_ms], "failed": []},
                "later": {"bytes": list(later_bytes), "requests": [2, 2, 3], "per_file": [1, 1, 3],
                          "ms": [x * slow for x in later_ms], "failed": []}}
    return {"before": {"bytes": before[0], "requests": before[1], "files": []},
            "conditions": [condition(n, s) for n, s in (("unthrottled", 1), ("slow 4G", 10), ("phone", 12))],
            "no_hits": no_hits, "questions": 10}


def result(protocol="HTTP/1.1", **pagefind):
    return {"protocol": protocol, "queries": 40, "first_runs": 5, "broadsheet": tool(),
            "pagefind": tool(**pagefind)}


def row(rows, label):
    return next(r for r in rows if r[0].startswith(label))


class QueriesTest(unittest.TestCase):
    def test_title_queries_come_first_then_ten_long_questions_and_none_repeats(self):
        qs = phone.make_queries(STORIES, 30)
        self.assertEqual(30, len(qs))
        self.assertEqual(len(qs), len(set(qs)))
        self.assertTrue(all(len(q.split()) <= 3 for q in qs[:20]), qs[:20])
        self.assertTrue(all(len(q.split()) >= 10 for q in qs[20:]), qs[20:])

    def test_no_story_holds_every_word_of_a_long_question(self):
        texts = [set(phone.words(t + " " + b)) for t, b in STORIES]
        for q in phone.make_queries(STORIES, 30)[20:]:
            terms = set(phone.words(q)) - phone.STOP
            self.assertFalse(any(terms <= t for t in texts), q)

    def test_the_same_stories_give_the_same_queries(self):
        self.assertEqual(phone.make_queries(STORIES, 24), phone.make_queries(STORIES, 24))

    def test_a_title_query_is_lower_case_and_neither_end_is_a_stop_word(self):
        common = {"cocoa", "exports", "bahia"}
        for seed in range(20):
            q = phone.title_query("COCOA EXPORTS RISE IN BAHIA", random.Random(seed), common)
            ws = q.split()
            self.assertEqual(q, q.lower())
            self.assertIn(ws[0], common)
            self.assertIn(ws[-1], common)

    def test_a_title_of_stop_words_and_rare_words_gives_none(self):
        self.assertIsNone(phone.title_query("SHR 1.20 VS 1.10 <XYZQ>", random.Random(1), {"cocoa"}))

    def test_few_queries_keep_half_for_titles(self):
        qs = phone.make_queries(STORIES, 6)
        self.assertEqual(6, len(qs))
        self.assertTrue(all(len(q.split()) <= 3 for q in qs[:3]), qs)


class RequestLogTest(unittest.TestCase):
    def test_each_take_sums_the_requests_logged_since_the_last_and_leaves_a_partial_line(self):
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("1\tHTTP/1.1\t/search/index.html\t-\t200\t1200\n")
        try:
            log = phone.RequestLog(f.name)   # starts at the end: earlier requests are not ours
            with open(f.name, "a") as f2:
                f2.write("2\tHTTP/2.0\t/search/lucene/_2.fdt\tbytes=0-99\t206\t100\n"
                         "3\tHTTP/2.0\t/pagefind/pagefind.js\t-\t200\t900\n4\tHTTP/2.0\t/x")
            self.assertEqual((1000, 2), log.take(settle=0.01)[:2])
            with open(f.name, "a") as f2:
                f2.write("\t-\t404\t50\n")
            bytes_, n, entries = log.take(settle=0.01)
            self.assertEqual((50, 1), (bytes_, n))
            self.assertEqual(("/x", "-", 404, 50), entries[0])
        finally:
            os.unlink(f.name)


class TableTest(unittest.TestCase):
    def test_the_notes_list_each_request_before_the_first_query_with_its_bytes(self):
        r = result()
        r["broadsheet"]["before"]["each"] = [["/search/index.html", 200, 2103],
                                             ["/search/runtime/search-en.wasm", 200, 218320]]
        line = next(n for n in phone.notes(r) if "before the first query" in n)
        self.assertIn("/search/index.html 200 2,103; /search/runtime/search-en.wasm 200 218,320", line)
        # results written before the list was kept still print
        del r["broadsheet"]["before"]["each"]
        self.assertFalse(any("before the first query" in n for n in phone.notes(r)))

    def test_ratios_are_broadsheet_over_pagefind_for_median_and_worst(self):
        r = row(phone.rows(result(first_bytes=(1000, 14000, 18000))), "first query: bytes")
        self.assertEqual(("7.0 KB / 9.0 KB", "14 KB / 18 KB", "0.50 / 0.50"), r[1:4])
        self.assertTrue(r[5])
        r = row(phone.rows(result(first_bytes=(1000, 3500, 4500))), "first query: bytes")
        self.assertEqual("2.00 / 2.00", r[3])
        self.assertFalse(r[5])

    def test_a_time_target_holds_only_when_median_and_worst_are_no_slower(self):
        rows = phone.rows(result(first_ms=(100, 250, 300)))
        self.assertTrue(row(rows, "first results, unthrottled")[5])
        rows = phone.rows(result(first_ms=(100, 250, 250)))
        self.assertFalse(row(rows, "first results, unthrottled")[5])

    def test_later_queries_over_http1_also_need_a_median_of_at_most_50_ms(self):
        slow = result(later_ms=(10, 100, 200))   # Broadsheet's 40 ms beats Pagefind's and is within 50 ms
        self.assertTrue(row(phone.rows(slow), "later query, unthrottled")[5])
        fast = result(later_ms=(10, 20, 100))   # a ratio of 2.0 on the median
        self.assertFalse(row(phone.rows(fast), "later query, unthrottled")[5])
        r = result()
        r["broadsheet"] = tool(later_ms=(60, 60, 60))
        r["pagefind"] = tool(later_ms=(70, 70, 70))
        self.assertFalse(row(phone.rows(r), "later query, unthrottled")[5])
        r["protocol"] = "HTTP/2 (TLS)"
        self.assertTrue(row(phone.rows(r), "later query, unthrottled")[5])

    def test_the_runtime_counts_before_the_first_results_whenever_a_tool_loads_it(self):
        r = result(before=(300, 4), first_bytes=(100000, 150700, 200000))   # Pagefind's runtime comes with its query
        self.assertEqual("0.05 / 0.05", row(phone.rows(r), "before + first query")[3])
        self.assertTrue(row(phone.rows(r), "bytes before the first query")[5])

    def test_the_long_questions_row_counts_questions_without_hits(self):
        self.assertEqual(("0 of 10", "9 of 10"), row(phone.rows(result(no_hits=9)), "long questions")[1:3])

    def test_the_most_requests_for_one_file_in_a_query_is_reported_worst_first_and_later(self):
        self.assertEqual(("2 / 3", "2 / 3"), row(phone.rows(result()), "requests for one file")[1:3])
        self.assertEqual(3, phone.most_per_file([("/a", "-", 200, 1), ("/b", "-", 200, 1), ("/a", "-", 206, 1),
                                                 ("/a", "-", 206, 1)]))

    def test_a_query_without_results_is_counted_as_failed_and_left_out_of_the_figures(self):
        c = phone.phase()
        phone.record(c, {"failed": "no results in 30 s"}, [("/a", "-", 200, 500)], "oil")
        phone.record(c, {"ms": 80, "total": 3}, [("/a", "-", 200, 500), ("/b", "-", 200, 100)], "gas")
        self.assertEqual([["oil", "no results in 30 s"]], c["failed"])
        self.assertEqual(([600], [2], [80]), (c["bytes"], c["requests"], c["ms"]))
        r = result()
        r["pagefind"]["conditions"][1]["later"]["failed"] = c["failed"]
        self.assertEqual(("0", "1"), row(phone.rows(r), "queries without results")[1:3])
        self.assertIn("- pagefind, slow 4G, later query 'oil': no results in 30 s", phone.notes(r))
        r["broadsheet"]["conditions"][0]["first"]["failed"] = c["failed"]
        self.assertFalse(row(phone.rows(r), "queries without results")[5])

    def test_a_later_querys_time_is_split_into_rounds_wasm_reads_and_the_page(self):
        c = phone.phase()
        phone.record(c, {"ms": 100, "total": 3, "split": {"rounds": 2, "wasm_ms": 10, "fetch_ms": 60}},
                     [("/a", "-", 206, 500)], "oil")
        phone.record(c, {"ms": 50, "total": 1, "split": {"rounds": 1, "wasm_ms": 20, "fetch_ms": 0}},
                     [], "gas")
        phone.record(c, {"ms": 70, "total": 1, "split": {"rounds": 3, "wasm_ms": 12, "fetch_ms": 40}},
                     [], "tin")
        self.assertEqual("median 2 rounds; wasm 12 ms, waiting on reads 40 ms, the rest (page) 30 ms",
                         phone.split_summary(c))
        self.assertIsNone(phone.split_summary(phone.phase()))  # Pagefind keeps no such counters
        r = result()
        r["broadsheet"]["conditions"][0]["later"] = c
        self.assertIn("- Broadsheet, unthrottled, later queries: median 2 rounds; wasm 12 ms, waiting on reads "
                      "40 ms, the rest (page) 30 ms.", phone.notes(r))

    def test_the_table_prints_the_files_and_one_block_per_protocol(self):
        results = {"files": {"broadsheet": {"files": 20, "bytes": 12_000_000},
                             "pagefind": {"files": 10_000, "bytes": 10_000_000}},
                   "protocols": [result(), result("HTTP/2 (TLS)")]}
        text = "\n".join(phone.table(results))
        self.assertIn("| files | 20 | 10000 | 0.00 |", text)
        self.assertIn("| bytes | 12.0 MB | 10.0 MB | 1.20 |", text)
        self.assertEqual(2, text.count("| | Broadsheet | Pagefind | ratio B/P | target | met |"))


# Stand-ins for the two search pages: they print their result count as the real ones do ("1,364
# results for q" is Pagefind's; Broadsheet's has no separator) or never answer (?silent).
STUB_PAGES = {
    "pagefind": """<div id="search"><form><input class="pagefind-ui__search-input"></form>
<p class="pagefind-ui__message"></p><ol class="pagefind-ui__results"></ol></div><script>
var box = document.querySelector('input'), root = document.getElementById('search');
box.form.addEventListener('submit', function (e) { e.preventDefault(); });
box.addEventListener('input', function () { if (!location.hash) setTimeout(function () {
  root.querySelector('.pagefind-ui__results').innerHTML = '<li class="pagefind-ui__result">a</li>';
  root.querySelector('.pagefind-ui__message').textContent = '1,364 results for ' + box.value; }, 50); });
</script>""",
    "broadsheet": """<div id="search-app"><form><input id="search-q"></form><p id="search-status"></p>
<ol id="search-results"></ol></div><script>
var box = document.getElementById('search-q');
box.form.addEventListener('submit', function (e) { e.preventDefault(); if (!location.hash) setTimeout(function () {
  document.getElementById('search-results').innerHTML = '<li>a</li>';
  document.getElementById('search-status').textContent = '1364 results (12 ms)'; }, 50); });
</script>"""}


@unittest.skipIf(os.environ.get("CI") != "true" and phone_cdp_missing(), "no Chromium")
class BrowserTest(unittest.TestCase):
    """The query scripts and the browser client in headless Chromium (skipped without it)."""

    @classmethod
    def setUpClass(cls):
        import cdp
        cls.cdp = cdp
        cls.browser = cdp.Browser(timeout=30).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()

    def open(self, tool, silent=False):
        url = "data:text/html;base64," + base64.b64encode(STUB_PAGES[tool].encode()).decode()
        self.browser.navigate("about:blank")
        self.browser.navigate(url + ("#silent" if silent else ""))

    def test_a_result_count_with_a_thousands_separator_ends_the_query(self):
        for tool in ("pagefind", "broadsheet"):
            self.open(tool)
            r = phone.run_query(self.browser, tool, "board", 5)
            self.assertNotIn("failed", r, tool)
            self.assertEqual((1364, 1), (r["total"], r["shown"]), tool)

    def test_a_page_that_never_shows_results_gives_a_failed_query_not_an_error(self):
        self.open("pagefind", silent=True)
        started = time.monotonic()
        self.assertEqual({"failed": "no results in 1 s"}, phone.run_query(self.browser, "pagefind", "board", 1))
        self.assertLess(time.monotonic() - started, 10)

    def test_hidden_workers_are_missing_only_from_pages_loaded_while_hidden(self):
        self.browser.hide_workers(True)
        self.open("pagefind")
        self.assertEqual("undefined", self.browser.evaluate("typeof Worker"))
        self.browser.hide_workers(False)
        self.open("pagefind")
        self.assertEqual("function", self.browser.evaluate("typeof Worker"))


if __name__ == "__main__":
    unittest.main()
