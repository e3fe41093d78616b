#!/usr/bin/env bash
# The Spark build against the single-machine build, on synthetic stories (a benchmark, not a test):
#   bench/spark.sh [N ...]        default: 10000 100000
# For each N, one alternating run of: `./broadsheet build --clean` (the local build), then
# `./broadsheet-spark build` in local[1] and in local[2]; each into a fresh folder under $TMPDIR.
# Prints wall time, CPU time and peak RSS of each, and its wall-time ratio to the local build.
# Stories come from ../shared/bench/gen_corpus.py --format md (made once per N, kept in
# $TMPDIR/broadsheet-bench/synth-md-N beside bench/speed.sh's). JVM heap: -Xmx2g up to 100,000
# stories, -Xmx4g above (SPARK_XMX / LOCAL_XMX override). The machine is shared: above 10,000 stories
# this takes long; run it on a quiet machine and read the ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
work="${TMPDIR:-/tmp}/broadsheet-bench"
(( $# )) || set -- 10000 100000
say() { echo "spark-bench: $*" >&2; }
[[ -f "$shared/bench/gen_corpus.py" ]] || { say "no $shared/bench/gen_corpus.py (set SHARED)"; exit 2; }
command -v /usr/bin/time >/dev/null || { say "needs /usr/bin/time (Debian package time)"; exit 2; }
mkdir -p "$work"

synth_site() {  # N: a Broadsheet site of N synthetic stories (content/ + site.yaml)
  local n="$1" site="$work/synth-md-$1"
  if [[ ! -f "$site.complete" ]]; then
    say "generating $n synthetic stories into $site, once"
    rm -rf "$site"
    python3 "$shared/bench/gen_corpus.py" --n "$n" --format md --out "$site/content" >&2
    printf 'title: "Synthetic %s"\nbaseUrl: "https://example.org/"\npageSize: 20\n' "$n" > "$site/site.yaml"
    touch "$site.complete"
  fi
  echo "$site"
}

measure() {  # LOG COMMAND...: "WALL_S CPU_S RSS_MIB" (or FAILED), the command's output in LOG
  local log="$1"; shift
  if /usr/bin/time -o "$log.time" -f '%e %U %S %M' "$@" > "$log" 2>&1; then
    awk '{ printf "%.1f %.1f %d\n", $1, $2 + $3, $4 / 1024 }' "$log.time"
  else
    echo "FAILED - -"
  fi
}

# the launchers build their jars when missing or older than the sources


printf '| stories | build | wall s | CPU s | peak RSS MiB | wall vs local |\n|---|---|---|---|---|---|\n'
for n in "$@"; do
  site="$(synth_site "$n")"
  xmx=-Xmx2g; (( n > 100000 )) && xmx=-Xmx4g
  out="$work/spark-bench-out"
  rm -rf "$out-local" "$out-1" "$out-2"
  read -r lw lc lr < <(BROADSHEET_JAVA_OPTS="${LOCAL_XMX:-$xmx}" \
    measure "$work/spark-bench-local-$n.log" "$here/broadsheet" build --clean --source "$site" --out "$out-local")
  printf '| %s | local (./broadsheet build) | %s | %s | %s | 1.00 |\n' "$n" "$lw" "$lc" "$lr"
  for cores in 1 2; do
    read -r w c r < <(BROADSHEET_SPARK_LOCAL="local[$cores]" BROADSHEET_SPARK_OPTS="${SPARK_XMX:-$xmx}" \
      measure "$work/spark-bench-spark$cores-$n.log" "$here/broadsheet-spark" build --source "$site" --out "$out-$cores")
    ratio="-"; [[ "$w" != FAILED && "$lw" != FAILED ]] && ratio="$(awk -v a="$w" -v b="$lw" 'BEGIN { printf "%.2f", a / b }')"
    printf '| %s | Spark local[%s] | %s | %s | %s | %s |\n' "$n" "$cores" "$w" "$c" "$r" "$ratio"
    grep -h '^Built' "$work/spark-bench-spark$cores-$n.log" | sed 's/^/  /' >&2 || true
  done
  rm -rf "$out-local" "$out-1" "$out-2"
done
