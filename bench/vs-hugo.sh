#!/usr/bin/env bash
# Side by side with Hugo: builds the first N Reuters stories of ../shared/corpus with Broadsheet and
# with Hugo (../shared/bench/hugo-reuters.sh: minimal layouts), alternating runs on the same machine,
# output on tmpfs, and prints median wall time, CPU seconds and peak RSS of each, and their ratio.
# Broadsheet does more than Hugo's minimal site (feeds, five kinds of listing, a Lucene index, browser
# index pages, related articles); the ratio is what issue 11's targets are stated in.
#   bench/vs-hugo.sh [N ...]          default: 1000 10000; RUNS=3; BROADSHEET_JAVA_OPTS=-Xmx2g
# Broadsheet runs through ./broadsheet, the launcher users run (with its JVM options).
# Needs ../shared (corpus and bench) and the Debian package hugo; skips without them.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
[[ -f "$shared/corpus/reuters21578.tar.gz" ]] || { echo "vs-hugo: no $shared/corpus; skipping" >&2; exit 0; }
command -v hugo > /dev/null || { echo "vs-hugo: no hugo (apt-get install hugo); skipping" >&2; exit 0; }
runs="${RUNS:-3}"
sizes=("${@:-1000 10000}")
jar="$here/site-gen/target/broadsheet.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package)
work="${TMPDIR:-/tmp}/broadsheet-vs-hugo"
out="$(mktemp -d /dev/shm/vs-hugo.XXXXXX)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$work"
[[ -d "$work/corpus/reuters" ]] || { mkdir -p "$work/corpus" && tar xzf "$shared/corpus/reuters21578.tar.gz" -C "$work/corpus"; }

# one timed run: prints "wall cpu rss_mib"
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/log" 2>&1 || { cat "$work/log" >&2; return 1; }
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-8s %-11s %9s %9s %9s\n' stories tool wall_s cpu_s rss_MiB
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  if [[ ! -d "$site/content" ]] || [[ $(ls "$site/content" | wc -l) -ne $n ]]; then
    rm -rf "$site" && mkdir -p "$site/content"
    printf 'title: "Reuters %s"\nbaseUrl: "https://example.org/"\npageSize: 20\n' "$n" > "$site/site.yaml"
    (set +o pipefail; ls "$work/corpus/reuters" | grep '\.md$' | head -n "$n" | sed "s|^|$work/corpus/reuters/|" | xargs cp -t "$site/content")
  fi
  [[ -d "$work/hugo-$n" ]] || bash "$shared/bench/hugo-reuters.sh" "$n" "$work/hugo-$n" > /dev/null 2>&1
  : > "$work/b" && : > "$work/h"
  for _ in $(seq "$runs"); do
    rm -rf "$out/b" "$out/h"
    BROADSHEET_JAVA_OPTS="${BROADSHEET_JAVA_OPTS:--Xmx2g}" timed "$here/broadsheet" build --source "$site" --out "$out/b" >> "$work/b"
    timed hugo --quiet -s "$work/hugo-$n" -d "$out/h" >> "$work/h"
  done
  declare -A med
  for tool in b h; do
    for col in 1 2 3; do med[$tool$col]=$(cut -d' ' -f$col "$work/$tool" | median); done
    printf '%-8s %-11s %9s %9s %9s\n' "$n" "$([[ $tool == b ]] && echo broadsheet || echo hugo)" \
      "${med[${tool}1]}" "${med[${tool}2]}" "${med[${tool}3]}"
  done
  awk -v n="$n" -v bw="${med[b1]}" -v hw="${med[h1]}" -v bc="${med[b2]}" -v hc="${med[h2]}" -v br="${med[b3]}" -v hr="${med[h3]}" \
    'BEGIN { printf "%-8s %-11s %8.1fx %8.1fx %8.1fx\n", n, "ratio", bw / hw, bc / hc, br / hr }'
done
