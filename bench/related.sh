#!/usr/bin/env bash
# Related articles over a built site's Lucene index: every article's list at once (RelatedLists)
# against the per-article MoreLikeThis queries Broadsheet ran before. Prints CPU and wall seconds of
# each (first run, and a warm third), how many articles get 0..4 related, and the share of related
# pairs whose articles share a topic (front-matter topics:/tags:).
#
#   bench/related.sh SITE_OUT CONTENT_DIR [old] [print]
#     SITE_OUT: a built site (its search/lucene/ is read); CONTENT_DIR: its Markdown, for the topics
#   bench/related.sh --index GENERATED_MD_DIR INDEX_DIR       index gen_corpus.py stories the quick way
#
# e.g. ./broadsheet build --source /tmp/broadsheet-vs-hugo/site-10000 --out /tmp/r10k
#      bench/related.sh /tmp/r10k /tmp/broadsheet-vs-hugo/site-10000/content old
# Runs the JVM as ./broadsheet does (C1 only).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${TMPDIR:-/tmp}/broadsheet-related-bench"
mkdir -p "$work"
mvn -B -q -o -pl core test-compile
mvn -B -q -o -pl core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat "$work/cp.txt")"
if [ "${1:-}" = "--index" ]; then
  exec java -Xmx3g -cp "$cp" org.broadsheet.bench.RelatedBenchIndex "$2" "$3"
fi
index="$1/search/lucene"
[ -d "$index" ] || index="$1"
shift
exec java -Xmx2g -XX:TieredStopAtLevel=1 -cp "$cp" org.broadsheet.search.RelatedBench "$index" "$@"
