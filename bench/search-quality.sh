#!/usr/bin/env bash
# Search quality on the judged IR collections of ../shared/eval (cacm, cisi, med, npl, cran):
# builds a site of each, runs every judged query through the real search path (`/api/search` of
# `broadsheet serve SITE`, the same ArchiveSearch code as the CLI and the browser), scores the run
# with ../shared/eval/trec_eval.py, and prints MAP, nDCG@10, zero-hit queries and P@10 on short
# queries beside the Lucene BM25 baseline of ../shared/eval/README.md.
#
#   bench/search-quality.sh [COLLECTION…]        (default: all five; work folder: target/search-quality)
#
# Short queries: the judged queries of three words or fewer, plus a 2- and a 3-word query made of
# each query's rarest words (by document frequency in the collection, stop words and words in no
# document left out), judged with the original query's relevance judgments.
#
# Browser parity: 15 of each collection's judged queries (see parity_sample in search_quality.py) also
# go through window.broadsheet.search on the site's search page in headless Chromium (bench/webdriver.py),
# and must give /api/search's answer exactly: total, ids in order, float32 score bits, title, url, date,
# snippet. A difference is printed and the script exits 1. BROWSER=0 skips this, BROWSER=js checks the
# JavaScript fallback instead of WasmGC; without Chromium it is skipped with a warning (a failure if CI=true).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="${EVAL_DIR:-$here/../shared/eval}"
[[ -f "$eval_dir/ir-collections.tar.gz" ]] || { echo "search-quality: no $eval_dir/ir-collections.tar.gz" >&2; exit 2; }
work="$here/target/search-quality"
jar="$here/site-gen/target/broadsheet.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package)
mkdir -p "$work"
[[ -d "$work/ir/cacm" ]] || tar -xzf "$eval_dir/ir-collections.tar.gz" -C "$work" --one-top-level=ir
collections=("$@")
[[ ${#collections[@]} -gt 0 ]] || collections=(cacm cisi med npl cran)
port=$(( 20000 + RANDOM % 20000 ))
for c in "${collections[@]}"; do
  site="$work/site-$c"
  if [[ ! -f "$site/public/.broadsheet-site" || "$jar" -nt "$site/public/.broadsheet-site" ]]; then
    rm -rf "$site" && mkdir -p "$site"
    ln -s "$work/ir/$c/docs" "$site/content"
    printf 'title: %s\nlanguage: en\n' "$c" > "$site/site.yaml"
    java -jar "$jar" build --source "$site" > "$site/build.log" 2>&1 || true
  fi
  java -jar "$jar" serve "$site/public" --port "$port" > "$site/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  python3 "$here/bench/search_quality.py" "$work/ir/$c" "http://127.0.0.1:$port" "$eval_dir" "$c"
  kill "$server"; wait "$server" 2>/dev/null || true
done | python3 "$here/bench/search_quality.py" --table
