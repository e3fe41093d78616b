#!/usr/bin/env bash
# Benchmark: build sites of N Reuters-21578 stories (pages + Lucene index) and print wall time,
# pages per second and peak memory. Needs ../shared/corpus (not part of a user's clone).
#   bench/build-reuters.sh [md|wire] [N ...]        e.g.  bench/build-reuters.sh md 1000 10000
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$here/../shared/corpus/reuters21578.tar.gz}"
[[ -f "$corpus" ]] || { echo "no corpus at $corpus; skipping" >&2; exit 0; }
form="${1:-md}"; shift || true
sizes=("${@:-1000 10000}")
work="${TMPDIR:-/tmp}/broadsheet-bench"
mkdir -p "$work"
[[ -d "$work/corpus/reuters" ]] || { mkdir -p "$work/corpus" && tar xzf "$corpus" -C "$work/corpus"; }
jar="$here/site-gen/target/broadsheet.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package)
dir="reuters"; ext="md"
[[ "$form" == "wire" ]] && { dir="reuters-wire"; ext="txt"; }
printf '%-6s %8s %8s %10s %10s %12s %10s\n' form articles pages wall_s pages/s peak_rss_MB exit
for n in ${sizes[@]}; do
  site="$work/site-$form-$n"
  rm -rf "$site" && mkdir -p "$site/content"
  printf 'title: "Reuters %s"\nbaseUrl: "https://example.org/"\npageSize: 20\n' "$n" > "$site/site.yaml"
  (set +o pipefail; ls "$work/corpus/$dir" | grep "\.$ext$" | head -n "$n" | sed "s|^|$work/corpus/$dir/|" | xargs cp -t "$site/content")
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o "$work/rss" java ${BENCH_JAVA_OPTS:--Xmx4g} -jar "$jar" build --source "$site" > "$work/out" 2> "$work/err"
  code=$?
  set -e
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc -l)
  pages=$(find "$site/public" -name '*.html' | wc -l)
  articles=$(find "$site/public/articles" -name index.html | wc -l)
  rss=$(( $(tail -1 "$work/rss") / 1024 ))
  printf '%-6s %8d %8d %10.2f %10.0f %12d %10d\n' "$form" "$articles" "$pages" "$wall" "$(echo "$pages / $wall" | bc -l)" "$rss" "$code"
  tail -1 "$work/err" | sed 's/^/       /'
done
