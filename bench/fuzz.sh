#!/usr/bin/env bash
# Fuzzes every parser with Jazzer, one target after the other, each in its own Maven/JVM run in
# fuzzing mode (JAZZER_FUZZ=1), and prints per target: executions, seconds, crashes found.
#
#   bench/fuzz.sh [SECONDS-PER-TARGET] [TARGET-FILTER]     (default 60 s each, every target)
#   bench/fuzz.sh 120 Markdown                              (only targets whose class matches)
#
# `mvn verify` replays only the committed inputs (regression mode). Here libFuzzer mutates them:
# the corpus it grows is kept in <module>/target/fuzz/corpus/ between runs (Jazzer wants it in
# <module>/.cifuzz-corpus/, where a plain `mvn verify` would replay it too, so it is only there while
# fuzzing), and each crashing input is written beside the seeds in
# <module>/src/test/resources/.../<Class>Inputs/<method>/crash-*: fix the parser, keep the file (it
# is a regression test from then on), and run again. A per-input time limit (the tests' @Timeout,
# 10 s) catches hangs; JUnit's own whole-run timeout is switched off. Under `mvn verify` that
# @Timeout runs each input in a thread of its own (SEPARATE_THREAD): a same-thread timeout only
# interrupts, which a spinning regex never checks, so a replayed hang would hang the build. Logs:
# <module>/target/fuzz/*.log. Targets: the parsers (core) and the importer's readers (importer).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
filter="${2:-}"
targets=( # module:class#method
  core:org.broadsheet.parse.FrontMatterFuzzTest#anyFrontMatterGivesMetadataOrAnErrorNeverAnException
  core:org.broadsheet.parse.MarkdownParserFuzzTest#anyFileGivesAnArticleOrAnErrorNeverAnException
  core:org.broadsheet.parse.WireTextParserFuzzTest#anyWireTextGivesAnArticleOrAnErrorNeverAnException
  core:org.broadsheet.parse.MetadataCsvFuzzTest#anyCsvGivesRowsOrDiagnosticsNeverAnException
  core:org.broadsheet.config.SiteConfigLoaderFuzzTest#anySiteYamlGivesSettingsOrDiagnosticsNeverAnException
  core:org.broadsheet.search.ArchiveSearchFuzzTest#anyQueryAnswersOrIsRefusedUpFront
  importer:org.broadsheet.importer.ImporterFuzzTest#anyInputImportsArticlesTheBuildReads
)
# coverage feedback from our code and the parsers it drives (Lucene and the JDK excluded: slow, not ours)
instrument='org.broadsheet.**,com.vladsch.flexmark.**,org.yaml.snakeyaml.**,org.mozilla.universalchardet.**'
instrument+=',org.jsoup.**,com.rometools.**,com.fasterxml.jackson.jr.**' # the importer's readers

mvn -B -o -q -pl core,importer test-compile >core/target/fuzz-compile.log 2>&1 \
  || { cat core/target/fuzz-compile.log; exit 1; }
# Jazzer wants its corpus in <module>/.cifuzz-corpus/, where a plain `mvn verify` would replay it
# too: it is there only while its module's targets run, and kept in <module>/target/fuzz/corpus/
for module in core importer; do
  mkdir -p "$module/target/fuzz/corpus"
  if [[ -d "$module/.cifuzz-corpus" ]]; then # left by an interrupted run
    cp -r "$module/.cifuzz-corpus/." "$module/target/fuzz/corpus/" && rm -rf "$module/.cifuzz-corpus"
  fi
  mv "$module/target/fuzz/corpus" "$module/.cifuzz-corpus"
done
trap 'for m in core importer; do mv "$m/.cifuzz-corpus" "$m/target/fuzz/corpus"; done' EXIT
printf '%-28s %12s %8s %8s %8s  %s\n' target executions exec/s seconds crashes result
for entry in "${targets[@]}"; do
  module="${entry%%:*}"
  target="${entry#*:}"
  class="${target%%#*}"
  name="${class##*.}"
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  log="$module/target/fuzz/$name.log"
  inputs="$module/src/test/resources/${class//.//}Inputs/${target##*#}"
  mkdir -p "$inputs"
  before=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' | wc -l)
  start=$(date +%s)
  set +e
  JAZZER_FUZZ=1 mvn -B -o -pl "$module" test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${seconds}s" -Djazzer.keep_going=100 -Djazzer.instrument="$instrument" \
    -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1
  code=$?
  set -e
  wall=$(( $(date +%s) - start ))
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log" | tail -1)
  execs="${runs% *}"; secs="${runs#* }"
  [[ -z "$runs" ]] && { execs=0; secs=$wall; }
  after=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' | wc -l)
  found=$(grep -cE '^== Java Exception|ERROR: libFuzzer: (timeout|out-of-memory|deadly signal)' "$log" || true)
  if [[ $code -eq 0 && $found -eq 0 ]]; then
    result=ok
  else
    result="FOUND: see $log; $((after - before)) new input(s) in $inputs"
  fi
  printf '%-28s %12s %8s %8s %8s  %s\n' "$name" "$execs" "$(( execs / (secs > 0 ? secs : 1) ))" "$secs" "$found" "$result"
done
