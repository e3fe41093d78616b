#!/usr/bin/env python3
"""Tests of bench/search_quality.py's browser-parity check: python3 bench/search_quality_test.py"""
import io
import json
import os
import struct
import sys
import unittest
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_quality as sq  # noqa: E402


def answer(*hits, total=None):
    return {"total": len(hits) if total is None else total,
            "hits": [{"id": i, "title": "T" + i, "url": "articles/" + i + "/", "date": "", "score": s,
                      "snippet": "a <mark>b</mark>"} for i, s in hits]}


def next_float32(x):
    bits = struct.unpack("<I", struct.pack("<f", x))[0]
    return struct.unpack("<f", struct.pack("<I", bits + 1))[0]


class CompareTest(unittest.TestCase):
    def test_the_same_answer_is_identical_even_when_the_score_is_written_with_more_digits(self):
        api = answer(("a", 7.4563212), ("b", 3.25))
        browser = answer(("a", 7.456321239471436), ("b", 3.25))  # the same float32, printed as a double
        self.assertIsNone(sq.compare(api, json.dumps(browser)))

    def test_a_different_order_names_the_first_rank_that_differs(self):
        diff = sq.compare(answer(("a", 2.0), ("b", 1.0)), json.dumps(answer(("b", 2.0), ("a", 1.0))))
        self.assertEqual("hit 1 is b in the browser, a from /api/search", diff)

    def test_a_score_one_float32_step_apart_is_a_difference(self):
        diff = sq.compare(answer(("a", 2.5)), json.dumps(answer(("a", next_float32(2.5)))))
        self.assertIn("hit 1 (a) scores", diff)

    def test_totals_snippets_and_browser_errors_are_differences(self):
        self.assertIn("total 9 in the browser, 1", sq.compare(answer(("a", 1.0)), json.dumps(answer(("a", 1.0), total=9))))
        other = answer(("a", 1.0))
        other["hits"][0]["snippet"] = "a b"
        self.assertIn("snippet", sq.compare(answer(("a", 1.0)), json.dumps(other)))
        self.assertEqual("the browser failed: Error: boom", sq.compare(answer(), "ERROR Error: boom"))


class SampleTest(unittest.TestCase):
    judged = ["q%02d words here" % i for i in range(40)] + ['a "quoted phrase" query', "tiny",
                                                            "the longest query of them all, by far the longest"]
    df = Counter({"words": 5, "here": 3, **{"q%02d" % i: 1 for i in range(40)}})

    def test_the_sample_is_fixed_and_holds_the_edge_cases(self):
        sample = sq.parity_sample(self.judged, self.df)
        self.assertEqual(sample, sq.parity_sample(list(self.judged), Counter(self.df)))
        self.assertEqual(sq.PARITY_SAMPLE, len(set(sample)))
        for q in (self.judged[-1], "tiny", 'a "quoted phrase" query', "q21 here", "q32 here words", "q21*"):
            self.assertIn(q, sample)

    def test_a_small_collection_gives_each_query_once(self):
        self.assertEqual(["one", "two"], sorted(q for q in sq.parity_sample(["one", "two"], Counter()) if "*" not in q))


class TableTest(unittest.TestCase):
    row = {"name": "med", "MAP": 0.5, "nDCG": 0.7, "queries": 30, "zero": 0, "shortP10": 0.3, "short": 60}

    def table(self, *parities, env=None):
        rows = "".join(json.dumps(dict(self.row, browser=p)) + "\n" for p in parities)
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.object(sys, "stdin", io.StringIO(rows)), mock.patch.dict(os.environ, env or {}, clear=False), \
                redirect_stdout(out), redirect_stderr(err):
            code = sq.table()
        return code, out.getvalue(), err.getvalue()

    def test_identical_answers_pass(self):
        code, out, _ = self.table({"checked": 15, "same": 15, "runtime": "wasm-gc", "first": None, "seconds": 4})
        self.assertEqual(0, code)
        self.assertIn("15/15 identical (wasm-gc, 4s)", out)

    def test_a_difference_fails_and_prints_the_query(self):
        code, out, _ = self.table({"checked": 15, "same": 14, "runtime": "wasm-gc", "first": "'x y': hit 2 is b", "seconds": 4})
        self.assertEqual(1, code)
        self.assertIn("14/15 DIFFERENT", out)
        self.assertIn("med: browser parity FAILED on 'x y': hit 2 is b", out)

    def test_a_missing_browser_is_skipped_loudly_and_fails_on_ci(self):
        missing = {"skipped": "/usr/bin/chromium missing"}
        code, out, err = self.table(missing, env={"CI": "false"})
        self.assertEqual((0, True), (code, "WARNING: browser parity SKIPPED: /usr/bin/chromium missing" in err))
        self.assertEqual(1, self.table(missing, env={"CI": "true"})[0])
        self.assertEqual(0, self.table({"skipped": "BROWSER=0"}, env={"CI": "true"})[0])


if __name__ == "__main__":
    unittest.main()
