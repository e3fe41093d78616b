#!/usr/bin/env bash
# Issue 13's Lighthouse benchmark (not a test): the bundled sample site on a phone, scored by
# Lighthouse in Debian's Chromium, for the front page, an article and the search page with a query.
#
#   bench/lighthouse.sh            RUNS=1 ARTICLE=articles/<slug>/ QUERY=rates PORT=0 CPU_SLOWDOWN=4
#
# - Lighthouse: npm install lighthouse@12 into a temporary folder, removed on exit (npm is for this
#   benchmark only; nothing of it is shipped). LIGHTHOUSE=/path/to/bin/lighthouse reuses one.
# - The site: ./broadsheet build --out DIR of this checkout (content/, site.yaml, templates/), then
#   ./broadsheet serve DIR, which serves a built site as a static host does (gzip, ETags, ranges).
#   BROADSHEET='java -jar site-gen/target/broadsheet.jar' runs a jar that is already built.
# - The runs: Lighthouse's default mobile profile (Moto G Power, slow 4G, 4x CPU slowdown, simulated
#   throttling), headless Chromium (--headless=new --no-sandbox), one fresh profile per run. With
#   RUNS > 1 each page is scored RUNS times and the median of each category is shown.
# - The pages: the front page, the front page's lead story (or ARTICLE), the search page as a reader
#   first opens it, and the search page with results for QUERY (search/?q=QUERY, as the header's box
#   sends it): there the whole engine loads and runs a query, in a Web Worker over http (Total
#   Blocking Time counts the main thread's long tasks only, so the engine's work is not in it).
# - Host speed: simulated throttling multiplies the CPU time measured on this machine by 4, which
#   assumes a fast desktop (Lighthouse's benchmarkIndex about 1,500). On a slower or busy machine
#   that inflates Total Blocking Time, so the table prints the benchmarkIndex and the multiplier
#   Lighthouse's CPU throttling calculator suggests for it; CPU_SLOWDOWN=N runs with that multiplier.
# Prints a table page x {Performance, Accessibility, Best Practices, SEO} against issue 13's targets
# (100 on Accessibility, Best Practices and SEO; at least 95 on Performance), then, for each score
# below its target, the failing audits (id, score, title, and the shown value). Exit 0 when every
# target holds, 1 when one does not, 2 when a step failed. The JSON reports stay in $OUT (default:
# a temporary folder, removed) when OUT is set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-1}"
query="${QUERY:-rates}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
say() { echo "lighthouse: $*" >&2; }

[[ -x "$chromium" ]] || { say "no Chromium at $chromium (apt-get install chromium)"; exit 2; }
command -v python3 > /dev/null || { say "python3 is missing"; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/broadsheet-lighthouse.XXXXXX")"
server_pid=""
cleanup() {
  [[ -z "$server_pid" ]] || kill "$server_pid" 2> /dev/null || true
  [[ -z "$server_pid" ]] || wait "$server_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
reports="${OUT:-$work/reports}"
mkdir -p "$reports"

lighthouse="${LIGHTHOUSE:-}"
if [[ -z "$lighthouse" ]]; then
  command -v npm > /dev/null || { say "npm is missing (apt-get install npm)"; exit 2; }
  say "installing Lighthouse into $work/npm"
  (cd "$work" && mkdir npm && cd npm && npm init -y > /dev/null \
    && npm install --no-audit --no-fund --silent lighthouse@12 > /dev/null) \
    || { say "npm install lighthouse failed"; exit 2; }
  lighthouse="$work/npm/node_modules/.bin/lighthouse"
fi
say "$("$lighthouse" --version | sed 's/^/Lighthouse /'), $("$chromium" --version)"

read -r -a broadsheet <<< "${BROADSHEET:-$here/broadsheet}"
site="$work/site"
say "building $here into $site"
(cd "$here" && "${broadsheet[@]}" build --source "$here" --out "$site") > "$work/build.log" 2>&1 \
  || { tail -20 "$work/build.log" >&2; exit 2; }

article="${ARTICLE:-}"
if [[ -z "$article" ]]; then  # the front page's lead story: the first article link on it
  article="$(grep -o 'href="\(\./\)\?articles/[^"]*"' "$site/index.html" | head -1 \
    | sed 's/^href="\(\.\/\)\?//; s/"$//' || true)"
  article="${article%index.html}"
fi
[[ -n "$article" && -f "$site/${article%/}/index.html" ]] || { say "no article page $article"; exit 2; }

"${broadsheet[@]}" serve "$site" --port "${PORT:-0}" > "$work/serve.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 100); do
  base="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 || true)"
  [[ -n "$base" ]] && break
  kill -0 "$server_pid" 2> /dev/null || { cat "$work/serve.log" >&2; exit 2; }
  sleep 0.2
done
[[ -n "$base" ]] || { say "the server did not start"; cat "$work/serve.log" >&2; exit 2; }
say "serving at $base"

pages=("front=$base" "article=$base$article" "search=${base}search/" "results=${base}search/?q=$query")
for entry in "${pages[@]}"; do
  name="${entry%%=*}"
  url="${entry#*=}"
  for run in $(seq 1 "$runs"); do
    say "$name ($url), run $run of $runs"
    CHROME_PATH="$chromium" "$lighthouse" "$url" --quiet \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox" \
      ${CPU_SLOWDOWN:+--throttling.cpuSlowdownMultiplier="$CPU_SLOWDOWN"} \
      --output=json --output-path="$reports/$name-$run.json" > "$work/lighthouse.log" 2>&1 \
      || { tail -20 "$work/lighthouse.log" >&2; exit 2; }
  done
done

python3 - "$reports" "$runs" "${CPU_SLOWDOWN:-4}" << 'EOF'
import json, statistics, sys
from pathlib import Path

reports, runs, slowdown = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pages = ("front", "article", "search", "results")


def suggested(index):  # Lighthouse's CPU throttling calculator (its slowdown for a benchmarkIndex)
    if index >= 1300:
        return 3 + (index - 1300) / 233
    if index >= 800:
        return 2 + (index - 800) / 500
    return max(1, 1 + (index - 150) / 650)


indexes = [json.loads((reports / f"{p}-{r}.json").read_text())["environment"]["benchmarkIndex"]
           for p in pages for r in range(1, runs + 1)]
index = statistics.median(indexes)
categories = [("performance", "Performance", 95), ("accessibility", "Accessibility", 100),
              ("best-practices", "Best Practices", 100), ("seo", "SEO", 100)]
print(f"Lighthouse, mobile, median of {runs} run(s); targets: Performance >= 95, others 100")
print(f"CPU slowdown {slowdown}x; this host's benchmarkIndex {index:.0f} (from {min(indexes):.0f} to "
      f"{max(indexes):.0f}), for which the calculator suggests {suggested(index):.1f}x")
print(f"{'page':<10}" + "".join(f"{title:>16}" for _, title, _ in categories))
failing = []
for page in pages:
    results = [json.loads((reports / f"{page}-{run}.json").read_text()) for run in range(1, runs + 1)]
    row = f"{page:<10}"
    for key, title, target in categories:
        scores = [r["categories"][key]["score"] for r in results]
        score = round(100 * statistics.median(s if s is not None else 0 for s in scores))
        row += f"{score:>15}{'*' if score < target else ' '}"
        if score < target:
            failing.append((page, title, results[0], key))
    print(row)
    metrics = results[0]["audits"]
    print(f"{'':<10}  FCP {metrics['first-contentful-paint']['displayValue']}, "
          f"LCP {metrics['largest-contentful-paint']['displayValue']}, "
          f"TBT {metrics['total-blocking-time']['displayValue']}, "
          f"CLS {metrics['cumulative-layout-shift']['displayValue']}, "
          f"SI {metrics['speed-index']['displayValue']}  (run 1)")
if failing:
    print("\n* below target; failing audits (run 1):")
for page, title, report, key in failing:
    print(f"{page} / {title}:")
    for ref in report["categories"][key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        score = audit.get("score")
        if ref.get("weight", 0) == 0 and key != "performance":
            continue
        if score is None or score >= 0.9 and key == "performance" or score == 1:
            continue
        shown = audit.get("displayValue", "")
        print(f"  {ref['id']:<32} {score:5.2f}  {audit['title']}" + (f"  ({shown})" if shown else ""))
sys.exit(1 if failing else 0)
EOF
