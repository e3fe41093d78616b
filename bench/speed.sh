#!/usr/bin/env bash
# Issue 11's speed table: Broadsheet beside Hugo on the same stories, in one run on this machine.
#
#   bench/speed.sh [CASE ...]          default: 1000 10000 synth:100000 incremental:10000
#
#   N, reuters:N     the first N Reuters stories of ../shared/corpus; Hugo builds the same stories with
#                    minimal layouts (../shared/bench/hugo-reuters.sh N DIR)
#   synth:N          N synthetic stories of ../shared/bench/gen_corpus.py, --format md for Broadsheet and
#                    --format hugo for Hugo (the same articles); generated once (about 3 minutes per
#                    100,000 stories and format) and kept in ${TMPDIR:-/tmp}/broadsheet-bench/
#   incremental:N    a second `broadsheet build` into the same --out after appending a sentence to one of
#                    N Reuters stories (in a copy of the site): its wall time, and whether its output
#                    equals a clean build's (every page, feed and sitemap byte for byte; the answers of
#                    `broadsheet search --json` to a few queries). Hugo has no incremental full build: "-".
#
# Builds run RUNS times (default 3), BIG_RUNS times (default 1) from 100,000 stories up, where one run
# takes minutes; Broadsheet and Hugo alternate, so both see the same load on this shared machine. The
# table gives medians of wall seconds, CPU seconds (user + sys) and peak RSS, the ratios, issue 11's
# target for the case and whether it is met, and the files and bytes Broadsheet wrote (find) beside
# what its summary line claims. The records are kept in ${TMPDIR:-/tmp}/broadsheet-bench/speed-results.tsv
# (`python3 bench/speed_report.py table FILE` prints the table again). Exit 1 when a build failed (a
# missed target is not a failure: the table says so).
#
# Broadsheet runs through ./broadsheet, the launcher users run, with BROADSHEET_JAVA_OPTS (default
# -Xmx2g; -Xmx4g above 100,000 stories). Output goes to tmpfs (/dev/shm); above 100,000 stories it is
# tens of GB and goes to ${TMPDIR:-/tmp}/broadsheet-bench/ on disk, and Hugo does not run (it would need
# far more memory than this machine has). BIG=100000 and HUGO_MAX=BIG move these limits, e.g. to try the
# million-story path on a small corpus. Everything written is removed on exit, apart from the cached
# sites and corpora. Needs ../shared (corpus and bench) and, for cases with Hugo, the Debian package
# hugo; skips without them.
# The parsing, comparing and table are in bench/speed_report.py: python3 bench/speed_report_test.py.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
work="${TMPDIR:-/tmp}/broadsheet-bench"
runs="${RUNS:-3}"
big_runs="${BIG_RUNS:-1}"
big="${BIG:-100000}"   # from here on BIG_RUNS; above it -Xmx4g, output on disk and no Hugo
hugo_max="${HUGO_MAX:-$big}"
# Queries whose answers (ids, order, scores, snippets) an incremental build must not change; the word
# of the last edit is asked as well. Plain words, a phrase, an exclusion.
queries=("oil prices" '"trade deficit"' "bank -japan" "cocoa")

say() { echo "speed: $*" >&2; }
report() { python3 "$here/bench/speed_report.py" "$@"; }
bs="$here/broadsheet"   # the launcher users run
user_opts="${BROADSHEET_JAVA_OPTS:-}"

# N: the JVM options of a build of N stories
java_opts() {
  if [[ -n "$user_opts" ]]; then echo "$user_opts"; elif (( $1 <= big )); then echo -Xmx2g; else echo -Xmx4g; fi
}

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- what to run ---------------------------------------------------------------------------------------
(( $# )) || set -- 1000 10000 synth:100000 incremental:10000
cases=()
needs_hugo=0
needs_disk=0
for arg; do
  [[ "$arg" =~ ^[0-9]+$ ]] && arg="reuters:$arg"
  [[ "$arg" =~ ^(reuters|synth|incremental):[1-9][0-9]*$ ]] || { echo "speed: what is '$arg'?" >&2; usage; }
  cases+=("$arg")
  [[ "${arg%%:*}" != incremental ]] && (( ${arg#*:} <= hugo_max )) && needs_hugo=1
  (( ${arg#*:} <= big )) || needs_disk=1
done

[[ -f "$shared/corpus/reuters21578.tar.gz" && -f "$shared/bench/gen_corpus.py" ]] \
  || { echo "speed: no $shared/corpus or $shared/bench; skipping" >&2; exit 0; }
(( needs_hugo == 0 )) || command -v hugo > /dev/null \
  || { echo "speed: no hugo (apt-get install hugo); skipping" >&2; exit 0; }

# --- where -----------------------------------------------------------------------------------------------
mkdir -p "$work"
shm="$(mktemp -d /dev/shm/broadsheet-speed.XXXXXX)"
disk=""   # for outputs of tens of GB
cleanup() { rm -rf "$shm" ${disk:+"$disk"}; }
trap cleanup EXIT
trap 'exit 130' INT TERM
(( needs_disk == 0 )) || disk="$(mktemp -d "$work/out.XXXXXX")"
results="$shm/results.tsv"
logs="$shm/logs"
mkdir -p "$logs"

# --- inputs (made once, marked complete only when whole, so an interrupted one is made again) ---------
corpus="$work/corpus/reuters"
[[ -d "$corpus" ]] || { mkdir -p "$work/corpus" && tar xzf "$shared/corpus/reuters21578.tar.gz" -C "$work/corpus"; }

reuters_site() {
  local n="$1" site="$work/reuters-$1"
  if [[ ! -f "$site.complete" ]]; then
    rm -rf "$site" && mkdir -p "$site/content"
    printf 'title: "Reuters %s"\nbaseUrl: "https://example.org/"\npageSize: 20\n' "$n" > "$site/site.yaml"
    (set +o pipefail; ls "$corpus" | grep '\.md$' | head -n "$n" | sed "s|^|$corpus/|" | xargs cp -t "$site/content")
    (( $(ls "$site/content" | wc -l) == n )) || { echo "speed: the corpus has fewer than $n stories" >&2; exit 2; }
    touch "$site.complete"
  fi
  echo "$site"
}

hugo_reuters_site() {
  local site="$work/hugo-reuters-$1"
  if [[ ! -f "$site.complete" ]]; then
    rm -rf "$site"
    bash "$shared/bench/hugo-reuters.sh" "$1" "$site" > "$logs/hugo-site" 2>&1 \
      || { echo "speed: hugo-reuters.sh $1 failed:" >&2; tail -5 "$logs/hugo-site" >&2; exit 1; }
    touch "$site.complete"
  fi
  echo "$site"
}

# FORMAT (md or hugo) N: the folder of a Broadsheet site (content/ + site.yaml) or of a Hugo site
synth_site() {
  local format="$1" n="$2" site="$work/synth-$1-$2"
  if [[ ! -f "$site.complete" ]]; then
    say "generating $n synthetic stories (--format $format) into $site, once"
    rm -rf "$site"
    if [[ "$format" == md ]]; then
      python3 "$shared/bench/gen_corpus.py" --n "$n" --format md --out "$site/content" >&2
      printf 'title: "Synthetic %s"\nbaseUrl: "https://example.org/"\npageSize: 20\n' "$n" > "$site/site.yaml"
    else
      python3 "$shared/bench/gen_corpus.py" --n "$n" --format hugo --out "$site" >&2
    fi
    touch "$site.complete"
  fi
  echo "$site"
}

# --- measuring -----------------------------------------------------------------------------------------
# LOG COMMAND...: runs it with its output in LOG; prints "EXIT WALL_S CPU_S RSS_KIB". A failure is
# recorded, not fatal: a failed build is a row of the table too.
timed() {
  local log="$1" code=0
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" > "$log" 2>&1 || code=$?
  # on failure time(1) writes a "Command exited with ..." line first
  tail -1 "$log.time" | awk -v code="$code" '{ printf "%d %.2f %.2f %d\n", code, $1, $2 + $3, $4 }'
}

# DIR: "FILES BYTES", the regular files under it (hidden ones too) and the sum of their sizes (%.0f:
# mawk, Debian's awk, prints %d no larger than 2^31-1, which made 2 GiB and more read as 2,048.0 MiB)
written() {
  find "$1" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { printf "%d %.0f\n", n, b }'
}

# CASE TOOL "EXIT WALL CPU RSS" OUT LOG: appends a run record (see speed_report.py)
record() {
  local exit wall cpu rss files=0 bytes=0 summary
  read -r exit wall cpu rss <<< "$3"
  [[ -d "$4" ]] && read -r files bytes < <(written "$4")
  summary="$(grep -a '^built ' "$5" | tail -1 || true)"
  printf 'run\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$exit" "$wall" "$cpu" "$rss" "$files" "$bytes" \
    "$summary" >> "$results"
  say "$1 $2: exit $exit, $wall s wall, $cpu CPU-s, $(( rss / 1024 )) MiB, wrote $files files${summary:+; $summary}"
  if [[ "$exit" != 0 ]]; then
    echo "--- its first error and the end of its log ($5):" >&2
    grep -m1 -E 'Error|Exception|: error:' "$5" >&2 || true
    tail -3 "$5" >&2
  fi
}

# CASE SITE HUGO_SITE (empty: no Hugo): full builds, Broadsheet and Hugo alternating, into fresh folders
bench_full() {
  local case="$1" site="$2" hugo_site="$3" n="${1#*:}" count="$runs" out t wrote_in_source r
  (( n < big )) || count="$big_runs"
  out="$shm"
  (( n <= big )) || out="$disk"
  for r in $(seq "$count"); do
    say "$case: run $r of $count"
    rm -rf "$out/b"
    touch "$logs/stamp"
    t="$(BROADSHEET_JAVA_OPTS="$(java_opts "$n")" timed "$logs/b" "$bs" build --clean --source "$site" --out "$out/b")"
    record "$case" broadsheet "$t" "$out/b" "$logs/b"
    # a full build starts from nothing only while all its state is in --out, which is removed above
    wrote_in_source="$(find "$site" -newer "$logs/stamp" -print -quit)"
    [[ -z "$wrote_in_source" ]] || say "WARNING: the build wrote $wrote_in_source into its source folder:" \
      "the next runs of $case may not be full builds"
    rm -rf "$out/b"   # room on tmpfs for Hugo's output
    if [[ -n "$hugo_site" ]]; then
      t="$(timed "$logs/h" hugo --quiet -s "$hugo_site" -d "$out/h")"
      record "$case" hugo "$t" "$out/h" "$logs/h"
      rm -rf "$out/h"
    fi
  done
}

# CASE WHAT A B WORD: compares output A with B (a clean build): site files byte for byte (the Lucene
# files not, see speed_report.py) and the search answers to the queries and WORD; appends a same record
bench_same() {
  local differ files index first q total=0 bad=0
  read -r differ files index first < <(report compare "$3" "$4")
  for q in "${queries[@]}" "$5"; do
    total=$(( total + 1 ))
    # a search that fails counts as a difference even when both fail alike
    if ! "$bs" search --site "$3" --json --limit 20 -- "$q" > "$logs/qa" 2>&1 \
        || ! "$bs" search --site "$4" --json --limit 20 -- "$q" > "$logs/qb" 2>&1; then
      bad=$(( bad + 1 ))
      say "$1 $2: the query [$q] failed: $(tail -3 "$logs/qa" "$logs/qb" 2> /dev/null)"
    elif ! cmp -s "$logs/qa" "$logs/qb"; then
      bad=$(( bad + 1 ))
      say "$1 $2: the query [$q] is answered differently;" \
        "$3: $(head -c 200 "$logs/qa")...; $4: $(head -c 200 "$logs/qb")..."
    fi
  done
  printf 'same\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$differ" "$files" "$index" "$bad" "$total" "$first" \
    >> "$results"
  say "$1 $2: $differ of $files site files differ${first:+ (first: $first)}, $index index files; $bad/$total queries"
}

# CASE N: the site of N Reuters stories copied, built once, then RUNS times: a sentence appended to one
# story (the middle one) and a timed build into the same --out. Its output is compared with a clean build
# of the edited site; and, as a control, two clean builds with each other, since a build that is not
# reproducible makes the first comparison differ whatever the incremental build does.
bench_incremental() {
  local case="$1" n="$2" site="$work/edit-$2" out="$shm/incremental" story t code=0 opts r clean
  opts="$(java_opts "$n")"
  rm -rf "$site" "$out" && cp -r "$(reuters_site "$n")" "$site" && mkdir -p "$out"
  story="$(ls "$site/content" | sort | sed -n "$(( (n + 1) / 2 ))p")"
  say "$case: the first build, then $runs edits of content/$story, each built into the same --out"
  BROADSHEET_JAVA_OPTS="$opts" "$bs" build --source "$site" --out "$out/second" > "$logs/first" 2>&1 || code=$?
  if (( code != 0 )); then
    record "$case" broadsheet "$code 0 0 0" "$out/second" "$logs/first"   # a row that says so
    return
  fi
  for r in $(seq "$runs"); do
    printf '\n\nBenchmark edit %d appended this sentence about zqxedit%d.\n' "$r" "$r" >> "$site/content/$story"
    t="$(BROADSHEET_JAVA_OPTS="$opts" timed "$logs/b" "$bs" build --source "$site" --out "$out/second")"
    record "$case" broadsheet "$t" "$out/second" "$logs/b"
  done
  for clean in clean control; do
    BROADSHEET_JAVA_OPTS="$opts" "$bs" build --source "$site" --out "$out/$clean" > "$logs/$clean" 2>&1 \
      || { say "$case: the $clean build failed, so the comparison below is void:"; tail -3 "$logs/$clean" >&2; }
  done
  bench_same "$case" incremental "$out/second" "$out/clean" "zqxedit$runs"
  bench_same "$case" control "$out/control" "$out/clean" "zqxedit$runs"
  rm -rf "$site" "$out"
}

# --- the run ---------------------------------------------------------------------------------------------
"$bs" --version > /dev/null   # builds the jar now if it is stale, not inside a timed run
# one untimed build, so the launcher's class-data archive (written after a jar's first build) exists
# before the timed runs, as it does for a user's every build but the first
"$bs" build --source "$here" --out "$shm/warm-up" > /dev/null 2>&1 || true
rm -rf "$shm/warm-up" "$shm/.warm-up.broadsheet-cache"
for c in "${cases[@]}"; do
  n="${c#*:}"
  case "${c%%:*}" in
    reuters)
      hugo_site=""
      (( n > hugo_max )) || hugo_site="$(hugo_reuters_site "$n")"
      bench_full "$c" "$(reuters_site "$n")" "$hugo_site" ;;
    synth)
      hugo_site=""
      (( n > hugo_max )) || hugo_site="$(synth_site hugo "$n")"
      bench_full "$c" "$(synth_site md "$n")" "$hugo_site" ;;
    incremental)
      bench_incremental "$c" "$n" ;;
  esac
done

cp "$results" "$work/speed-results.tsv"
hugo_version="$(hugo version 2> /dev/null | cut -d' ' -f1-2 || echo 'no Hugo')"
echo "Broadsheet $(git -C "$here" log -1 --format='%h (%cd)' --date=short) through ./broadsheet," \
  "${user_opts:--Xmx2g (-Xmx4g above $big stories)}; $hugo_version; $(nproc) cores;" \
  "output on tmpfs (on disk above $big stories); medians of the runs"
report table "$results"
# a failed build is not a missed target: say so to whatever runs this
awk -F'\t' '$1 == "run" && $4 != 0 { failed = 1 } END { exit failed }' "$results" \
  || { echo "speed: some builds failed (exit code in the table)" >&2; exit 1; }
