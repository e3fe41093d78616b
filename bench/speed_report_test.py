#!/usr/bin/env python3
"""Tests of bench/speed_report.py, the parsing and table of bench/speed.sh: python3 bench/speed_report_test.py"""
import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import speed_report as sr  # noqa: E402

SUMMARY = ("built 200 articles, 246 files (2106 KiB) in 10238 ms; 0 errors, 523 warnings -> /dev/shm/x/b")


def run(case, tool, wall, cpu=1.0, rss_kib=102400, exit=0, files=738, bytes=8351009, summary=SUMMARY):
    return "run\t%s\t%s\t%d\t%.2f\t%.2f\t%d\t%d\t%d\t%s\n" % (case, tool, exit, wall, cpu, rss_kib, files, bytes,
                                                            summary if tool == "broadsheet" else "")


def same(case, what, site_differ=0, index_differ=16, queries_differ=0, first=""):
    return "same\t%s\t%s\t%d\t900\t%d\t%d\t5\t%s\n" % (case, what, site_differ, index_differ, queries_differ, first)


def cells(lines, case):
    """The table row of case, as a dict by column name."""
    table = sr.table(lines)
    names = [c.strip() for c in table[0].strip("|").split("|")]
    label = sr.label(case)
    row = next(r for r in table[2:] if r.startswith("| " + label + " "))
    return dict(zip(names, (c.strip() for c in row.strip("|").split("|"))))


class SummaryTest(unittest.TestCase):
    def test_the_files_and_kib_of_the_last_summary_line_among_the_warnings(self):
        log = "content/a.md:6:1: warning: unknown key\nbuilt 9 articles, 1 files (1 KiB) in 5 ms\n" + SUMMARY + "\n"
        self.assertEqual((246, 2106), sr.parse_summary(log))

    def test_a_log_without_a_summary_or_without_a_file_count_gives_none(self):
        self.assertEqual((None, None), sr.parse_summary("Exception in thread main java.lang.OutOfMemoryError"))
        self.assertEqual((None, None), sr.parse_summary("built 1 article in 5 ms; 0 errors, 0 warnings"))


class CompareTest(unittest.TestCase):
    def tree(self, files):
        root = tempfile.mkdtemp()
        self.addCleanup(lambda: __import__("shutil").rmtree(root))
        for path, text in files.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w") as f:
                f.write(text)
        return root

    site = {"index.html": "home", "articles/a/index.html": "a", "feed.xml": "<feed/>",
            "search/lucene/_0.si": "id 1", "search/ab.open": "x", "search/ab.query": "q",
            ".broadsheet-site": "marker"}

    def test_identical_trees_differ_nowhere_and_count_their_site_files(self):
        self.assertEqual((0, 3, 0, ""), sr.compare(self.tree(self.site), self.tree(self.site)))

    def test_a_changed_page_and_a_page_in_one_tree_only_are_site_differences(self):
        other = dict(self.site, **{"articles/a/index.html": "A", "articles/b/index.html": "b"})
        self.assertEqual((2, 4, 0, "articles/a/index.html"), sr.compare(self.tree(self.site), self.tree(other)))

    def test_lucene_files_and_their_browser_pages_count_apart_and_hidden_files_not_at_all(self):
        other = {k: v for k, v in self.site.items() if k not in ("search/ab.open", "search/ab.query")}
        other.update({"search/lucene/_0.si": "id 2", "search/cd.open": "y", "search/cd.query": "r",
                      ".broadsheet-site": "other", ".cache/hashes": "h"})
        self.assertEqual((0, 3, 5, ""), sr.compare(self.tree(self.site), self.tree(other)))


    def test_the_first_difference_is_shown_in_both_files_with_the_text_around_it(self):
        root = self.tree({"a.html": '{"publisher":{"name":"R","@type":"Organization"}}',
                          "b.html": '{"publisher":{"@type":"Organization","name":"R"}}'})
        where = sr.first_difference(os.path.join(root, "a.html"), os.path.join(root, "b.html"), width=20)
        self.assertEqual("""byte 15: 'lisher":{"name":"R",' / 'lisher":{"@type":"Or'""", where)

    def test_a_file_that_is_a_prefix_of_the_other_differs_where_it_ends(self):
        root = self.tree({"a": "abc", "b": "abcdef"})
        self.assertTrue(sr.first_difference(os.path.join(root, "a"), os.path.join(root, "b")).startswith("byte 3:"))


class TableTest(unittest.TestCase):
    def test_medians_ratios_and_a_met_target(self):
        lines = [run("reuters:1000", "broadsheet", w, cpu=c) for w, c in ((1.9, 3.0), (1.5, 2.0), (2.5, 4.0))]
        lines += [run("reuters:1000", "hugo", w, cpu=0.5, rss_kib=51200) for w in (0.40, 0.30, 0.35)]
        row = cells(lines, "reuters:1000")
        self.assertEqual("3", row["runs"])
        self.assertEqual("1.90 s, 3.0 CPU-s, 100 MiB", row["Broadsheet"])
        self.assertEqual("0.35 s, 0.5 CPU-s, 50 MiB", row["Hugo"])
        self.assertEqual("5.4x wall, 6.0x CPU, 2.0x RSS", row["ratio"])
        self.assertEqual(("≤ 2.0 s wall", "met"), (row["target"], row["verdict"]))

    def test_the_median_of_an_even_count_is_a_measured_run(self):
        lines = [run("reuters:1000", "broadsheet", w) for w in (2.2, 1.8)]
        self.assertTrue(cells(lines, "reuters:1000")["Broadsheet"].startswith("1.80 s,"))

    def test_ten_thousand_is_measured_against_twice_hugo(self):
        lines = [run("reuters:10000", "broadsheet", 3.0), run("reuters:10000", "hugo", 1.6)]
        row = cells(lines, "reuters:10000")
        self.assertEqual(("≤ 2x Hugo's wall", "met"), (row["target"], row["verdict"]))
        lines = [run("reuters:10000", "broadsheet", 3.3), run("reuters:10000", "hugo", 1.6)]
        self.assertEqual("NOT met", cells(lines, "reuters:10000")["verdict"])

    def test_a_failed_run_is_shown_and_misses_the_target(self):
        lines = [run("synth:100000", "broadsheet", 30.0), run("synth:100000", "broadsheet", 50.0, exit=1),
                 run("synth:100000", "hugo", 97.0)]
        row = cells(lines, "synth:100000")
        self.assertEqual("exit 1 in 1/2 runs", row["Broadsheet"])
        self.assertEqual(("-", "NOT met (build failed)"), (row["ratio"], row["verdict"]))

    def test_a_million_without_hugo_shows_dashes_and_gib(self):
        lines = [run("synth:1000000", "broadsheet", 900.0, rss_kib=4 * 2 ** 20, files=14_000_000, bytes=40 * 2 ** 30,
                     summary="built 1000000 articles, 14000000 files (41943040 KiB) in 900000 ms")]
        row = cells(lines, "synth:1000000")
        self.assertEqual(("-", "-"), (row["Hugo"], row["ratio"]))
        self.assertEqual("900.00 s, 1.0 CPU-s, 4096 MiB", row["Broadsheet"])
        self.assertEqual(("14,000,000 files, 40.0 GiB", "14,000,000 files, 40.0 GiB"),
                         (row["Broadsheet wrote"], row["its summary line says"]))
        self.assertEqual("met", row["verdict"])

    def test_a_summary_that_counts_fewer_files_or_bytes_than_were_written_is_marked(self):
        row = cells([run("reuters:200", "broadsheet", 9.0)], "reuters:200")
        self.assertEqual("738 files, 8.0 MiB", row["Broadsheet wrote"])
        self.assertEqual("246 files, 2.1 MiB (undercounts)", row["its summary line says"])
        self.assertEqual(("-", "-"), (row["target"], row["verdict"]))

    def test_an_incremental_build_must_be_fast_and_equal_a_clean_build(self):
        fast = [run("incremental:10000", "broadsheet", 2.0)]
        row = cells(fast + [same("incremental:10000", "incremental")], "incremental:10000")
        self.assertEqual(("-", "met (identical)"), (row["Hugo"], row["verdict"]))
        row = cells(fast + [same("incremental:10000", "incremental", 3, queries_differ=1)], "incremental:10000")
        self.assertEqual("NOT met (3 files differ, 1/5 queries differ)", row["verdict"])
        row = cells([run("incremental:10000", "broadsheet", 3.5), same("incremental:10000", "incremental")],
                    "incremental:10000")
        self.assertEqual("NOT met (identical)", row["verdict"])

    def test_the_comparison_is_explained_below_and_the_control_only_when_clean_builds_differ(self):
        lines = [run("incremental:200", "broadsheet", 2.0),
                 same("incremental:200", "incremental", 2, first="articles/a/index.html"),
                 same("incremental:200", "control")]
        self.assertEqual("2 files differ, 0/5 queries differ", cells(lines, "incremental:200")["verdict"])
        notes = sr.table(lines)[3:]
        self.assertEqual(1, len(notes))
        self.assertIn("2 of 900 pages, feeds and other files differ (first: articles/a/index.html)", notes[0])
        self.assertIn("0/5 queries differ", notes[0])
        notes = sr.table(lines[:2] + [same("incremental:200", "control", 200)])[3:]
        self.assertIn("two clean builds of the same site differ from each other in 200 files", notes[1])

    def test_rows_keep_the_order_of_the_cases_and_columns_line_up(self):
        lines = [run("reuters:10000", "broadsheet", 30.0), run("reuters:1000", "broadsheet", 10.0)]
        table = sr.table(lines)
        self.assertTrue(table[2].startswith("| 10,000 Reuters stories"))
        self.assertEqual(1, len({len(r) for r in table[:4]}))


class MainTest(unittest.TestCase):
    def test_unknown_arguments_print_the_usage_and_exit_2(self):
        err = io.StringIO()
        with redirect_stderr(err):
            self.assertEqual(2, sr.main(["speed_report.py", "tabel", "x"]))
        self.assertIn("speed_report.py table RESULTS", err.getvalue())


if __name__ == "__main__":
    unittest.main()
