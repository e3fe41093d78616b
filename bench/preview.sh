#!/usr/bin/env bash
# Preview benchmark on a 10,000-article site (Reuters-21578, from ../shared/corpus):
#   1. edit one article -> time until the rebuilt page is served (median of 15 runs)
#   2. edit templates/article.ftlh (used by every article page) -> same (median of 5 runs)
#   3. 64 connections for 30 s on loopback (wrk): requests/s and errors, against the preview
#      server and against `broadsheet serve DIR` of a regular build.
# Usage: bench/preview.sh [ARTICLES]   (default 10000; needs wrk: apt-get install -y wrk)
#   EDIT_RUNS=15 TEMPLATE_RUNS=5 LOAD=1: how many runs of each; LOAD=0 skips the load tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-10000}"
corpus="${CORPUS:-$here/../shared/corpus/reuters21578.tar.gz}"
[[ -f "$corpus" ]] || corpus=/work/shared/corpus/reuters21578.tar.gz
work="$(mktemp -d "${TMPDIR:-/tmp}/broadsheet-bench.XXXXXX")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
jar="$here/site-gen/target/broadsheet.jar"
"$here/broadsheet" --version >/dev/null   # builds the jar when stale

echo "== site: $count Reuters articles"
mkdir -p "$work/reuters" "$work/site/content" "$work/site/templates"
tar xzf "$corpus" -C "$work/reuters"
stories=("$work"/reuters/reuters/*.md)
cp -t "$work/site/content/" "${stories[@]:0:$count}"
printf 'title: "Reuters bench"\nbaseUrl: "https://example.org/"\nlanguage: en\npageSize: 20\n' > "$work/site/site.yaml"
unzip -p "$jar" broadsheet/theme/article.ftlh > "$work/article.ftlh"
cp "$work/article.ftlh" "$work/site/templates/article.ftlh"
article="$(basename "${stories[$((count / 2))]}")"
slug="${article%.md}"

port=$((20000 + RANDOM % 20000))
echo "== preview: broadsheet serve (full build of $count articles first)"
start=$(date +%s.%N)
java ${BROADSHEET_JAVA_OPTS:--Xmx4g} -jar "$jar" serve "$work/site" --port "$port" >"$work/serve.log" 2>&1 &
pids+=($!)
until grep -q '^previewing at' "$work/serve.log"; do
  sleep 0.5
  kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
done
printf 'preview ready after %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
url="http://127.0.0.1:$port/articles/$slug/"
curl -sf -o /dev/null "$url" || { echo "no page at $url" >&2; exit 1; }

java "$here/bench/PreviewBench.java" article "$work/site/content/$article" "$url" "${EDIT_RUNS:-15}"
echo "-- the preview's own account of its last article rebuilds:"
grep -E '^content/.* in [0-9]+ ms' "$work/serve.log" | tail -n 3
if [[ "${TEMPLATE_RUNS:-5}" -gt 0 ]]; then
  java "$here/bench/PreviewBench.java" template "$work/site/templates/article.ftlh" "$url" "${TEMPLATE_RUNS:-5}" \
    "$work/article.ftlh"
  echo "-- the preview's own account of its last template rebuilds (every article page):"
  grep -E '^templates/.* in [0-9]+ ms' "$work/serve.log" | tail -n 3
fi
[[ "${LOAD:-1}" == 1 ]] || exit 0

paths=(/ /page/2/ "/articles/$slug/" /tags/ /archive/ /feed.xml "/api/search?q=oil+prices")
for f in "${stories[@]:0:40}"; do f="$(basename "$f")"; paths+=("/articles/${f%.md}/"); done

echo "== load: 64 connections, 30 s, preview server"
wrk -t2 -c64 -d30s --latency -s "$here/bench/pages.lua" "http://127.0.0.1:$port" -- "${paths[@]}" \
  | grep -E 'Requests/sec|Non-2xx|Socket errors|errors:|requests/s:|requests in'
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

echo "== load: 64 connections, 30 s, broadsheet serve DIR (a regular build)"
java ${BROADSHEET_JAVA_OPTS:--Xmx4g} -jar "$jar" build --source "$work/site" --out "$work/public" 2>&1 | tail -n 1
port=$((port + 1))
java ${BROADSHEET_JAVA_OPTS:--Xmx2g} -jar "$jar" serve "$work/public" --port "$port" >"$work/static.log" 2>&1 &
pids+=($!)
until grep -q '^serving' "$work/static.log"; do sleep 0.2; done
for p in "${paths[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$port$p"; done   # warm up
wrk -t2 -c64 -d30s --latency -s "$here/bench/pages.lua" "http://127.0.0.1:$port" -- "${paths[@]}" \
  | grep -E 'Requests/sec|Non-2xx|Socket errors|errors:|requests/s:|requests in'
