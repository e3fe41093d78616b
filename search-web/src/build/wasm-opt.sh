#!/usr/bin/env bash
# Shrinks the WasmGC modules TeaVM just compiled with binaryen's wasm-opt, in place:
#   wasm-opt.sh RUNTIME_DIR WORK_DIR
# binaryen comes from npm, pinned with its hash in binaryen/package-lock.json, installed under
# WORK_DIR (target/binaryen) without running any package script; nothing of it ships. Closed world:
# the module's only function references that leave it, those JavaScript calls, are exported first
# (js_roots.py), so binaryen may assume no other code calls the rest and refine, merge and drop
# types, fields and functions by what the module itself does. The English module: 186,853 bytes
# gzip -9n from TeaVM; -Oz in an open world 162,491; these passes 151,641 (binaryen 132; the
# variants measured are in search-web/README.md). Where js_roots.py cannot prove which functions
# escape, or there is no python3, the module gets the open world's -Oz. Chromium rejects the
# "exact" heap types of -all, so the features are named: those TeaVM 0.16 emits. The two modules
# are optimised at once, one a core (about 25 CPU-s each).
# Without node and npm, or offline, the modules stay as TeaVM wrote them (they work, larger) and the
# build says so loudly; with CI=true that, or the open world's fallback, fails the build, so CI
# always tests what ships.
set -euo pipefail
runtime="$1"
work="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
modules=(search.wasm search-en.wasm)
features=(--enable-gc --enable-reference-types --enable-exception-handling --enable-bulk-memory
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue --enable-mutable-globals)
passes=(--closed-world --type-unfinalizing -Oz --gufa -Oz --type-merging -Oz --type-finalizing
  --minimize-rec-groups)

unoptimised() {
  echo "[WARNING] ================================================================" >&2
  echo "[WARNING] search runtime NOT optimised: $1" >&2
  echo "[WARNING] The browser's search.wasm stays about 23 % larger (187 KB gzip for English" >&2
  echo "[WARNING] instead of 152 KB). Install Node.js and npm (binaryen is fetched from npm)." >&2
  echo "[WARNING] ================================================================" >&2
  if [[ "${CI:-}" == true ]]; then
    exit 1
  fi
  exit 0
}

# A module this script wrote already (the TeaVM compile was skipped or found nothing to do) is
# left as it is: a second -Oz would change its bytes again.
done_list="$work/optimised.sha256"
pending=()
for m in "${modules[@]}"; do
  if [[ -f "$done_list" ]] && grep -qx "$(sha256sum "$runtime/$m" | cut -d' ' -f1)  $m" "$done_list"; then
    continue
  fi
  pending+=("$m")
done
if ((${#pending[@]} == 0)); then
  exit 0
fi

command -v node >/dev/null && command -v npm >/dev/null || unoptimised "node or npm not found"
mkdir -p "$work"
bin="$work/node_modules/.bin/wasm-opt"
if ! cmp -s "$here/binaryen/package-lock.json" "$work/package-lock.json" || [[ ! -x "$bin" ]]; then
  cp "$here/binaryen/package.json" "$here/binaryen/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) ||
    unoptimised "npm could not install binaryen (offline?)"
fi

# One module: its escaping functions exported, then closed world; else the open world's -Oz.
optimise() {
  local m="$1"
  if command -v python3 >/dev/null && python3 "$here/js_roots.py" "$runtime/$m" "$work/$m.roots"; then
    "$bin" "${features[@]}" "${passes[@]}" "$work/$m.roots" -o "$work/$m"
    rm "$work/$m.roots"
  else
    echo "[WARNING] $m: optimised in an open world (about 11 KB gzip larger): no python3, or js_roots.py refused" >&2
    [[ "${CI:-}" != true ]] || return 1
    "$bin" "${features[@]}" -Oz "$runtime/$m" -o "$work/$m"
  fi
}

pids=()
for m in "${pending[@]}"; do
  optimise "$m" &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid"
done
for m in "${pending[@]}"; do
  before=$(stat -c %s "$runtime/$m")
  mv "$work/$m" "$runtime/$m"
  echo "[INFO] wasm-opt $m: $before -> $(stat -c %s "$runtime/$m") bytes"
  { grep -v "  $m\$" "$done_list" 2>/dev/null || true; sha256sum "$runtime/$m" | sed "s|  .*/|  |"; } > "$done_list.new"
  mv "$done_list.new" "$done_list"
done
