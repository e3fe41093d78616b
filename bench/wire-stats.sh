#!/usr/bin/env bash
# Wire-copy parser figures over the 21,578 Reuters-21578 wire texts, and timings on 5-50 MB
# single-line files. Prints crashes, stories with a body -> articles, the dateline rate among
# stories that open with one, bodies still holding a "Reuter" sign-off, and throughput.
#
#   bench/wire-stats.sh [CORPUS.tar.gz]      (default: ../shared/corpus/reuters21578.tar.gz)
#   SKIP_BIG=1 bench/wire-stats.sh           (Reuters figures only)
#
# The corpus is research-only: it is extracted to $TMPDIR and never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/reuters21578.tar.gz}"
work="${TMPDIR:-/tmp}/broadsheet-wire-stats"
if [ ! -d "$work/reuters-wire" ]; then
  mkdir -p "$work"
  tar xzf "$corpus" -C "$work"
fi
mvn -B -q -pl core test-compile
mvn -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat "$work/cp.txt")"
echo "== Reuters-21578 wire texts ($work/reuters-wire)"
java -Xmx2g -cp "$cp" org.broadsheet.bench.WireStats "$work/reuters-wire"
if [ -z "${SKIP_BIG:-}" ]; then
  echo "== large single-line files (read + decode + parse)"
  java -Xmx4g -cp "$cp" org.broadsheet.bench.WireBigFiles
fi
