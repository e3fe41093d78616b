#!/usr/bin/env bash
# Issue 12's phone benchmark: Broadsheet's browser search beside Pagefind 1.x on the same 10,000
# Reuters stories and the same queries, in headless Chromium, in one run on this machine.
#
#   bench/phone.sh                 QUERIES=30 FIRST=3 LIMIT=30 PROTOCOLS="h1 h2" SITE=reuters-10000
#
# The defaults take about 10 minutes on 2 cores (more when the machine is busy); QUERIES=60 FIRST=5
# measures more queries for steadier medians.
#
# - The site: ${TMPDIR:-/tmp}/broadsheet-bench/$SITE (made by bench/speed.sh), built with ./broadsheet
#   build --out under /dev/shm. Pagefind (npm install pagefind@1 into a temporary folder, removed on
#   exit: never shipped, never used by the product) indexes the same built article pages
#   (--glob 'articles/**/*.html', --root-selector article) into the same site's pagefind/, and gets a
#   search page with its default UI (pagefind-search/, ten results a page, no debounce).
# - The queries: QUERIES distinct ones (bench/phone.py queries): words of story titles, and 10 long
#   questions that no story holds every word of.
# - One server for both: Jetty (bench/PhoneServer.java on the jars in ~/.m2), as `broadsheet serve`
#   serves a built site (ranges, ETags, gzip from 256 bytes), over HTTP/1.1 (h1) and HTTP/2 over TLS
#   (h2), with a self-signed certificate that Chromium is told to trust by its key's pin (so it caches
#   answers over TLS as from a real host). Its request log gives the bytes (bodies as sent, gzipped
#   where Jetty gzips) and requests, also those of a tool's web worker.
# - The browser: Debian's Chromium, driven through the DevTools protocol (bench/cdp.py), a fresh profile
#   per tool and protocol. Three conditions: unthrottled; slow 4G (Network.emulateNetworkConditions,
#   1.6 Mbit/s down, 150 ms RTT); slow 4G + 4x CPU (Emulation.setCPUThrottlingRate). Network throttling
#   is set on the page and on every web worker it starts. CPU throttling slows a page's main thread only
#   (Chromium refuses it on a worker, and a worker is not held back by its page's), so in that condition
#   the page finds no Worker constructor and Pagefind runs its search in the page, its own fallback.
# - A query is typed into the search page's box (value, input event, Enter) and is done when the
#   page lists results or says there are none; one that does not within LIMIT seconds is counted as
#   failed (in the table, left out of the figures) and the run goes on. Before the first query = the search page and what
#   focusing its box loads, until the wire is quiet for 1.5 s. First query = FIRST queries, each on a
#   freshly loaded page with an empty cache, timed from the keystroke and counting everything after the
#   page (the runtime too, when a tool loads it only on a query). Later queries = every query after the
#   first on one page.
# Prints the table with ratios Broadsheet/Pagefind and issue 12's targets; the raw figures stay in
# ${TMPDIR:-/tmp}/broadsheet-bench/phone-results.json (`python3 bench/phone.py table FILE` prints it
# again). Timings depend on this machine's load: the table's header gives it. Exit 0 unless a step failed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/broadsheet-bench"
source_site="$work/${SITE:-reuters-10000}"
export QUERIES="${QUERIES:-30}" FIRST="${FIRST:-3}" LIMIT="${LIMIT:-30}" PROTOCOLS="${PROTOCOLS:-h1 h2}"
say() { echo "phone: $*" >&2; }

[[ -d "$source_site/content" ]] || { say "no $source_site (bench/speed.sh 10000 makes it); skipping"; exit 0; }
[[ -x /usr/bin/chromium ]] || { say "no Chromium (apt-get install chromium); skipping"; exit 0; }
command -v npm > /dev/null || { say "no npm (apt-get install npm); skipping"; exit 0; }

shm="$(mktemp -d /dev/shm/broadsheet-phone.XXXXXX)"
server_pid=""
cleanup() {
  [[ -z "$server_pid" ]] || kill "$server_pid" 2> /dev/null || true
  rm -rf "$shm"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
site="$shm/site"

say "building $source_site into $site"
"$here/broadsheet" build --source "$source_site" --out "$site" > "$shm/build.log" 2>&1 \
  || { tail -5 "$shm/build.log" >&2; exit 1; }
grep -a '^built ' "$shm/build.log" >&2 || true

say "installing Pagefind 1.x into $shm/npm (benchmark only)"
npm install --no-audit --no-fund --silent --prefix "$shm/npm" pagefind@1 > "$shm/npm.log" 2>&1 \
  || { tail -5 "$shm/npm.log" >&2; exit 1; }
pagefind="$shm/npm/node_modules/.bin/pagefind"
pf_version="$("$pagefind" --version)"
say "indexing the article pages with $pf_version"
"$pagefind" --site "$site" --glob 'articles/**/*.html' --root-selector article --output-subdir pagefind \
  > "$shm/pagefind.log" 2>&1 || { tail -5 "$shm/pagefind.log" >&2; exit 1; }
grep -E 'Indexed [0-9]+ pages' "$shm/pagefind.log" >&2 || true
mkdir -p "$site/pagefind-search"
python3 "$here/bench/phone.py" page "$site/pagefind-search/index.html"
python3 "$here/bench/phone.py" queries "$source_site/content" "$QUERIES" > "$site/bench-queries.txt"

# Jetty's jars, as the product's pom pins them, from the local Maven repository
jetty="$(sed -n 's:.*<jetty.version>\(.*\)</jetty.version>.*:\1:p' "$here/pom.xml" | head -1)"
m2="${HOME}/.m2/repository/org/eclipse/jetty"
cp=""
for a in jetty-util jetty-io jetty-http jetty-server jetty-alpn-server jetty-alpn-java-server jetty-slf4j-impl \
         http2/jetty-http2-server http2/jetty-http2-common http2/jetty-http2-hpack; do
  jar="$m2/$a/$jetty/$(basename "$a")-$jetty.jar"
  [[ -f "$jar" ]] || { say "no $jar (mvn -pl search-web dependency:resolve fetches it)"; exit 1; }
  cp="$cp$jar:"
done
slf4j="$(ls "${HOME}"/.m2/repository/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | sort -V | tail -1)"
cp="$cp$slf4j"

# the server runs until its standard input (a pipe held by this script) closes
mkfifo "$shm/server.in"
java -cp "$cp" "$here/bench/PhoneServer.java" "$site" "$shm/keystore.p12" "$shm/requests.log" \
  < "$shm/server.in" > "$shm/ports" 2> "$shm/server.err" &
server_pid=$!
exec 8> "$shm/server.in"
for _ in $(seq 600); do [[ -s "$shm/ports" ]] && break; sleep 0.1; done
[[ -s "$shm/ports" ]] || { say "the server did not start:"; tail -5 "$shm/server.err" >&2; exit 1; }
read -r plain tls < "$shm/ports"
say "serving $site on http://127.0.0.1:$plain/ (HTTP/1.1) and https://127.0.0.1:$tls/ (HTTP/2)"

mkdir -p "$work"
python3 "$here/bench/phone.py" run "$site" "$shm/requests.log" "$plain" "$tls" "$work/phone-results.json"
exec 8>&-
echo
echo "Broadsheet $(git -C "$here" log -1 --format='%h (%cd)' --date=short) beside $pf_version;" \
  "$(/usr/bin/chromium --version 2> /dev/null | head -1); Jetty $jetty; $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg); ${SITE:-reuters-10000}, $QUERIES queries"
python3 "$here/bench/phone.py" table "$work/phone-results.json"
