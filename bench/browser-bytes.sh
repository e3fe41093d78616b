#!/usr/bin/env bash
# Bytes and times of browser search on a 10,000-story Reuters site, in headless Chromium:
# runtime gzip bytes, first-query and later-query index bytes (median/worst), total index size,
# first/later query times. Needs ../shared/corpus (or BROADSHEET_CORPUS) and Debian's chromium.
# Options: STORIES=10000 PAGE_SIZE=1024 QUERIES=60
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl search-web -am verify ${MVN_ARGS:-} -Dtest=BrowserBytesBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbroadsheet.bench=true -Dbroadsheet.stories="${STORIES:-10000}" -Dbroadsheet.pageSize="${PAGE_SIZE:-1024}" \
  -Dbroadsheet.queries="${QUERIES:-60}" -DtrimStackTrace=false
cat search-web/target/surefire-reports/org.broadsheet.web.BrowserBytesBench-output.txt 2>/dev/null || true
