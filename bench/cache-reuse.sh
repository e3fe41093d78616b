#!/usr/bin/env bash
# What a returning reader downloads again after one article is added and the site rebuilt.
#
#   bench/cache-reuse.sh [SITE_SOURCE] [WORK]     (defaults: /tmp/broadsheet-bench/reuters-10000, a temp dir in /dev/shm)
#
# Copies the site source, builds it (clean), adds one article dated after the others, builds again
# (incremental, as `broadsheet build` does by default) and compares the two builds' search/manifest.json:
# a browser caches the index by URL (lucene/<name>?v=<hash>), so what it must fetch again is every old
# file whose name and hash the new build no longer lists, plus the new bundles and manifest. Prints
# that as a share of everything a reader who had cached the whole index held, and the file counts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-/tmp/broadsheet-bench/reuters-10000}"
work="${2:-$(mktemp -d /dev/shm/broadsheet-cache-reuse.XXXXXX)}"
jar="${BROADSHEET_JAR:-$here/site-gen/target/broadsheet.jar}"
[[ -f "$jar" ]] || { echo "no $jar: mvn -B -o -q -pl templates,core,search-web,site-gen package -DskipTests" >&2; exit 2; }
mkdir -p "$work"
rm -rf "$work/source" "$work/out" "$work/before"
cp -r "$src" "$work/source"
build() { java -XX:TieredStopAtLevel=1 -jar "$jar" build --source "$work/source" --out "$work/out" --no-progress 2>&1 | tail -1; }
build
cp -r "$work/out/search" "$work/before"
cat > "$work/source/content/zz-cache-reuse-added.md" <<'MD'
---
title: "Added after the first build"
id: "cache-reuse-added"
date: 2020-01-01T12:00:00
---

LONDON, Jan 1 - One more story about oil and grain, added to see what a returning reader downloads again.
MD
build
python3 - "$work/before" "$work/out/search" <<'PY'
import json, os, sys
before, after = sys.argv[1], sys.argv[2]
def load(d):
    m = json.load(open(os.path.join(d, "manifest.json")))
    return m, {(f["name"], f["hash"]): f["length"] for f in m["files"]}
m0, f0 = load(before)
m1, f1 = load(after)
size = lambda d, n: os.path.getsize(os.path.join(d, n))
def bundles(d, m):  # the open bundle, the query bundle (format 6) and the manifest
    names = [m["open"] + ".open", "manifest.json"] + ([m["query"]["bundle"] + ".query"] if "query" in m else [])
    return sum(size(d, n) for n in names)
cached = sum(f0.values()) + bundles(before, m0)
again = sum(l for k, l in f0.items() if k not in f1)
again += bundles(after, m1)
new = sum(l for k, l in f1.items() if k not in f0)
files = sum(len(fs) for _, _, fs in os.walk(after))
print(f"index files before {len(f0)}, after {len(f1)}; files under search/ after: {files}")
print(f"cached (whole index + bundles + manifest): {cached:,} B")
print(f"old files no longer listed: {sum(l for k, l in f0.items() if k not in f1):,} B; new files: {new:,} B")
print(f"re-downloaded of what was cached (changed old files + bundles + manifest): {again:,} B = {100 * again / cached:.2f} %")
PY
