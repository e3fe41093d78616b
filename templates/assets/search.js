// Broadsheet browser search: real Lucene (compiled with TeaVM) over the index in search/lucene/, read in byte ranges.
//
// API:   await window.broadsheet.search(query, {limit, offset, tag, section, from, to, sort, facets})
//        -> {total, hits: [{id, title, url, date, score, snippet}]}   (the JSON of `broadsheet search --json`
//           and /api/search; with facets: true also facets: {section: [{value, count}], tags: [...], year: [...]})
//        Options are read as text by the same parser as the command line's and /api/search's: a bad one
//        (limit: -1, from: '2024-13-01') rejects the promise with an Error whose message is theirs.
//        window.broadsheet.load() starts the engine without a search; once it has started, .runtime says
//        which runtime runs ('wasm-gc' or 'js') and .engine where ('worker' or 'page'); .stats counts requests,
//        bytes and rounds (tests and benchmarks read it), and await .resources() lists the resource timing
//        entries of the engine's requests.
//
// Page contract (templates/search.ftlh, templates/base.ftlh):
//   input[data-search-box]   any search box; the runtime starts loading on its first focus or when the
//                            pointer nears it (on the search page, at once)
//   #search-app              the search page; data-index = URL of the site's search/ folder
//   #search-form #search-q #search-sort #search-from #search-to   the query and its options
//   #search-status #search-facets #search-results #search-more    where results go
//   #search-chips #search-years #search-filters #search-filter-count  (optional) active filters as chips, the
//                            hits-per-year chart, the <details> filter panel and its count of active filters
//   #search-messages         (optional) JSON of the theme's search.* strings; data-date-locale and data-time-zone
//                            on #search-app: how dates are written (English and the browser's zone without them)
//   ?q=&sort=&from=&to=&tag=&section=&year=   the search page's state, kept in the address bar
//   ?runtime=js (or window.broadsheetRuntime = 'js') forces the JavaScript runtime instead of WasmGC.
//
// Files (all relative to search/): manifest.json, <hash>.open, <hash>.query (with the first search),
// lucene/<file> (byte ranges), offline/ (file:// only: manifest.js, <hash>.open.js, <hash>.query.js,
// <file hash>-<chunk>.js),
// runtime/wasm-gc-runtime.js, runtime/search.wasm (the WasmGC build the index's languages need, copied under
// this one name so that its request need not wait for the manifest; + .js, base64, for file://, in --offline
// and pack builds only), runtime/search-js.js.
//
// Where the engine runs: over http(s) in a Web Worker, which is this same file started with new Worker
// (its engine part answers the page's messages, see serveWorker), so that starting the runtime (compiling
// and instantiating ~700 KB of wasm, opening the index) and every search round leave the page's main
// thread free. Where no worker can start (file://, where Chromium refuses one; no Worker; a worker that
// fails to load) the engine runs in the page, as it always did. window.broadsheet.engine tells which:
// 'worker' or 'page'. Both run the same code below, so results are the same.
(function () {
  'use strict';

  // a dedicated worker has importScripts and no document
  var isWorker = typeof document === 'undefined' && typeof importScripts === 'function';
  var script = isWorker ? null : document.currentScript;
  var fileMode = location.protocol === 'file:';

  function searchBase() {
    var app = document.getElementById('search-app');
    if (app && app.getAttribute('data-index')) {
      return new URL(app.getAttribute('data-index'), location.href).href;
    }
    return new URL('../search/', script ? script.src : location.href).href;
  }

  // ---- loading files: fetch over http(s), script tags from file:// ---------------------------------

  function loadScript(url) {
    if (isWorker) { // synchronous in a worker
      try {
        importScripts(url);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(new Error('could not load ' + url));
      }
    }
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = function () { s.remove(); resolve(); };
      s.onerror = function () { s.remove(); reject(new Error('could not load ' + url)); };
      document.head.appendChild(s);
    });
  }

  function fromBase64(b64) {
    var bin = atob(b64);
    var out = new Int8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // ---- the index: byte ranges of search/lucene/ over http(s), script-wrapped chunks from file:// -----
  //
  // The runtime reads Lucene's files in logical pages (manifest.pageSize) and names the ones it misses
  // ("file#page"); loadPages loads a round's missing pages. Over http(s) a round's missing pages of a
  // file are one Range request for lucene/<name>?v=<hash> (the hash keeps caches from mixing two
  // builds' files of one name), see GAP_PAGES; a host that ignores Range answers 200 with the whole
  // file, which is
  // then added whole and never asked for again. From file:// (only --offline builds and pack write
  // them) the pages come in offline/<hash>-<i>.js chunks of manifest.chunkSize bytes.

  var stats = { requests: 0, bytes: 0, log: [], ranges: 0, wholeFiles: 0, rounds: 0, searchMillis: 0, fetchMillis: 0, addMillis: 0, roundLog: [],
    roundRequests: [] };

  // A round asks for a file's missing pages with one Range request: runs of pages closer than
  // GAP_PAGES are spanned (a few KB cost less than a part of a multipart answer), the others asked
  // together as `Range: bytes=a-b,c-d`, answered multipart/byteranges. Not several requests: Chromium's
  // HTTP cache runs one Range request per URL at a time (the others wait on the cache entry's lock),
  // so 10 requests for one file cost 10 round trips, 1.5 s on slow 4G (1.6 Mbit/s, 150 ms).
  var GAP_PAGES = 4;

  function gapPages() { // tests set a smaller gap, to ask a small index's runs in several parts
    return typeof self.broadsheetGapPages === 'number' ? self.broadsheetGapPages : GAP_PAGES;
  }

  function counted(name, bytes) {
    stats.requests++;
    stats.log.push(name);
    stats.bytes += bytes.length;
    return bytes;
  }

  // A script-wrapped chunk (file://): offline/<key>.js sets self.broadsheetChunks[key].
  async function loadChunk(base, key) {
    await loadScript(base + 'offline/' + key + '.js');
    var chunks = self.broadsheetChunks || {};
    var bytes = fromBase64(chunks[key]);
    delete chunks[key];
    return counted(key, bytes);
  }

  var rangesIgnored = false;

  async function loadManifest(base) {
    if (fileMode) {
      try {
        await loadScript(base + 'offline/manifest.js');
      } catch (e) {
        throw new Error('search from file:// needs a site built with --offline (or broadsheet pack)');
      }
      return self.broadsheetManifest;
    }
    // asked as a range: a 200 instead of a 206 tells that the host ignores Range, before the first round
    var r = await fetch(base + 'manifest.json', { headers: { Range: 'bytes=0-' } });
    if (!r.ok) throw new Error('no search index here (HTTP ' + r.status + ')');
    rangesIgnored = r.status === 200;
    return r.json();
  }

  // The open bundle (<hash>.open) or the query bundle (<hash>.query), by its file name.
  async function loadBundle(base, name) {
    if (fileMode) return loadChunk(base, name);
    var r = await fetch(base + name);
    if (!r.ok) throw new Error('could not load ' + name + ': HTTP ' + r.status);
    return counted(name, new Int8Array(await r.arrayBuffer()));
  }

  // The index files of a manifest, by name: {name, length, hash, loaded: {chunk or 'whole': promise}}.
  function indexFiles(manifest) {
    var files = {};
    manifest.files.forEach(function (f) {
      files[f.name] = { name: f.name, length: f.length, hash: f.hash, loaded: {} };
    });
    return files;
  }

  // Adds bytes that start at a page boundary of the file as whole pages (the file's last may be short).
  function addBytes(e, f, offset, bytes) {
    var size = e.pageSize;
    var t0 = performance.now();
    for (var at = 0; at < bytes.length; at += size) {
      var end = Math.min(at + size, bytes.length);
      if (end - at === size || offset + end === f.length) {
        e.rt.addPage(f.name, (offset + at) / size, bytes.slice(at, end));
      }
    }
    stats.addMillis += performance.now() - t0;
  }

  // Loads a round's missing pages, all at once: one request per file (per far-apart run of its pages).
  function loadPages(e, missing) {
    var pages = {};
    missing.forEach(function (key) {
      var hash = key.lastIndexOf('#');
      var name = key.slice(0, hash);
      (pages[name] = pages[name] || []).push(+key.slice(hash + 1));
    });
    // the query bundle, on its way since the search began, is in before the next round, which so
    // never names its files' pages; a first round that does waits for it instead of reading them
    var loads = e.query ? [loadQueryBundle(e)] : [], requests = 0;
    Object.keys(pages).forEach(function (name) {
      if (e.query && e.query.files.indexOf(name) >= 0) return;
      var f = e.files[name];
      if (!f) throw new Error('no such index file: ' + name);
      var list = pages[name].sort(function (a, b) { return a - b; });
      if (fileMode) {
        loads = loads.concat(chunksOf(e, f, list));
      } else if (e.noRanges) {
        loads.push(wholeFile(e, f));
      } else {
        if (!f.loaded.whole) requests++;
        loads.push(loadSpans(e, f, spansOf(list, gapPages())));
      }
    });
    stats.roundRequests.push(requests);
    return Promise.all(loads);
  }

  // Sorted page numbers as [first, last] spans that take in gaps of up to maxGap pages.
  function spansOf(list, maxGap) {
    var spans = [];
    list.forEach(function (p) {
      var last = spans[spans.length - 1];
      if (last && p <= last[1] + 1 + maxGap) last[1] = Math.max(last[1], p);
      else spans.push([p, p]);
    });
    return spans;
  }

  function fileUrl(e, f) {
    return e.base + 'lucene/' + encodeURIComponent(f.name) + '?v=' + f.hash;
  }

  // [first, last] spans of pages of a file with one request: several spans as a multi-range request.
  // A host that answers it with one range adds those bytes (the search names the rest again next
  // round); one that answers 200 is asked again one span a request, each at its own URL (&s=), as
  // it may well honour single ranges: a whole file can be megabytes.
  async function loadSpans(e, f, spans) {
    if (f.loaded.whole) return f.loaded.whole;
    if (spans.length === 1 || e.singleRanges) {
      return Promise.all(spans.map(function (s, i) { return loadRange(e, f, s, i); }));
    }
    var bounds = spans.map(function (s) { return byteSpan(e, f, s); });
    var ctrl = new AbortController();
    var r = await fetch(fileUrl(e, f), { signal: ctrl.signal,
      headers: { Range: 'bytes=' + bounds.map(function (b) { return b[0] + '-' + b[1]; }).join(',') } });
    if (r.status === 200) {
      ctrl.abort(); // not the whole file: ask for the spans one by one
      e.singleRanges = true;
      return loadSpans(e, f, spans);
    }
    return addRanges(e, f, r);
  }

  function byteSpan(e, f, span) {
    return [span[0] * e.pageSize, Math.min(f.length, (span[1] + 1) * e.pageSize) - 1];
  }

  // One span with a single Range request; a 200 (Range ignored) brings the whole file.
  async function loadRange(e, f, span, i) {
    var b = byteSpan(e, f, span);
    var r = await fetch(fileUrl(e, f) + (i ? '&s=' + i : ''), { headers: { Range: 'bytes=' + b[0] + '-' + b[1] } });
    if (r.status === 200) {
      e.noRanges = true;
      if (!f.loaded.whole) f.loaded.whole = addWhole(e, f, r);
      return f.loaded.whole;
    }
    return addRanges(e, f, r);
  }

  // A 206 answer: one range (Content-Range), or several (multipart/byteranges).
  async function addRanges(e, f, r) {
    if (r.status !== 206) throw new Error('could not load ' + f.name + ': HTTP ' + r.status);
    stats.ranges++;
    var bytes = counted(f.name, new Int8Array(await r.arrayBuffer()));
    if (/^multipart\/byteranges/i.test(r.headers.get('Content-Type') || '')) {
      partsOf(bytes).forEach(function (p) { addRange(e, f, p.range, p.bytes); });
    } else {
      addRange(e, f, /bytes (\d+)-(\d+)\/(\d+|\*)/.exec(r.headers.get('Content-Range') || ''), bytes);
    }
  }

  function addRange(e, f, range, bytes) {
    if (!range) throw new Error('could not load ' + f.name + ': a 206 without Content-Range');
    if (range[3] !== '*' && +range[3] !== f.length) throw changed(f);
    var at = +range[1];
    var skip = (e.pageSize - at % e.pageSize) % e.pageSize; // keep whole pages only
    addBytes(e, f, at + skip, bytes.subarray(skip));
  }

  // The parts of a multipart/byteranges body: each part's headers (one is Content-Range), a blank
  // line, then as many bytes as its range holds.
  function partsOf(bytes) {
    var parts = [], at = 0;
    for (;;) {
      var end = headersEnd(bytes, at);
      if (end < 0) return parts;
      var head = String.fromCharCode.apply(null, new Uint8Array(bytes.buffer, bytes.byteOffset + at, end - at));
      var range = /content-range:\s*bytes (\d+)-(\d+)\/(\d+|\*)/i.exec(head);
      if (!range) return parts;
      var length = +range[2] - +range[1] + 1;
      parts.push({ range: range, bytes: bytes.subarray(end + 4, end + 4 + length) });
      at = end + 4 + length;
    }
  }

  // Where the next CR LF CR LF starts, or -1.
  function headersEnd(bytes, from) {
    for (var i = from; i + 3 < bytes.length; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i;
    }
    return -1;
  }

  // The whole file with a plain GET, once (hosts that ignore Range).
  function wholeFile(e, f) {
    if (!f.loaded.whole) {
      f.loaded.whole = fetch(fileUrl(e, f)).then(function (r) {
        if (!r.ok) throw new Error('could not load ' + f.name + ': HTTP ' + r.status);
        return addWhole(e, f, r);
      });
    }
    return f.loaded.whole;
  }

  async function addWhole(e, f, response) {
    var bytes = counted(f.name, new Int8Array(await response.arrayBuffer()));
    stats.wholeFiles++;
    if (bytes.length !== f.length) throw changed(f);
    addBytes(e, f, 0, bytes);
  }

  function changed(f) {
    return new Error('the search index changed on the server (' + f.name + '); reload the page');
  }

  // file://: the chunks holding these pages, each loaded once.
  function chunksOf(e, f, list) {
    var perChunk = e.chunkSize / e.pageSize, loads = [];
    list.forEach(function (p) {
      var i = Math.floor(p / perChunk);
      if (!f.loaded[i]) {
        f.loaded[i] = loadChunk(e.base, f.hash + '-' + i).then(function (bytes) {
          addBytes(e, f, i * e.chunkSize, bytes);
        });
        loads.push(f.loaded[i]);
      }
    });
    return loads;
  }

  // ---- the runtime ----------------------------------------------------------------------------------

  function supportsWasmGC() {
    try {
      // a module whose only type is an empty struct: valid only where WebAssembly GC is
      return typeof WebAssembly === 'object' &&
        WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 0x5f, 0]));
    } catch (e) {
      return false;
    }
  }

  function wantsJs() {
    return window.broadsheetRuntime === 'js' || new URLSearchParams(location.search).get('runtime') === 'js';
  }

  function runtimeKind() {
    return !wantsJs() && supportsWasmGC() ? 'wasm-gc' : 'js';
  }

  // The site's WasmGC module (the build copies the one its index's languages need under this name).
  var MODULE = 'runtime/search.wasm';

  // The module: over http its request starts at once, before the loader and the manifest are in,
  // and resolves to the Response, which the loader then compiles while it downloads; from file:// its
  // bytes.
  function loadModule(base) {
    if (fileMode) {
      return loadScript(base + MODULE + '.js').then(function () {
        var bytes = fromBase64(self.broadsheetWasm).buffer;
        delete self.broadsheetWasm;
        return bytes;
      });
    }
    return fetch(base + MODULE);
  }

  async function loadWasm(base, module, loader) {
    await loader;
    if (fileMode) return (await self.TeaVM.wasmGC.load(await module)).exports;
    // the loader compiles the request already under way as it streams in (WebAssembly.compileStreaming)
    try {
      return (await self.TeaVM.wasmGC.load(module)).exports;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      // compileStreaming needs the type application/wasm, which some servers do not send for .wasm
      var src = base + MODULE;
      var r = await fetch(src);
      if (!r.ok) throw new Error('could not load ' + src + ': HTTP ' + r.status);
      return (await self.TeaVM.wasmGC.load(await r.arrayBuffer())).exports;
    }
  }

  // TeaVM's JS output is a UMD module: lend it an AMD define so that it does not write globals.
  function loadJs(base) {
    return new Promise(function (resolve, reject) {
      var previous = self.define;
      var define = function (deps, factory) {
        var exports = {};
        factory(exports);
        resolve(exports);
      };
      define.amd = true;
      self.define = define;
      loadScript(base + 'runtime/search-js.js').then(function () {
        self.define = previous;
      }, function (e) {
        self.define = previous;
        reject(e);
      });
    });
  }

  // Opens the engine here (the page or the worker): the manifest, the runtime, the index's open bundle.
  async function openEngine(base, kind) {
    // the manifest's and the module's requests go first: in a worker loadScript holds the thread until
    // the loader is in, and the three download together
    var manifestLoad = loadManifest(base);
    var module = kind === 'wasm-gc' ? loadModule(base) : null;
    if (module) module.catch(function () { /* reported by loadWasm */ });
    var loader = kind === 'wasm-gc' ? loadScript(base + 'runtime/wasm-gc-runtime.js') : null;
    if (loader) loader.catch(function () { /* reported by loadWasm */ });
    var manifest = await manifestLoad;
    if (manifest.format !== 6) {
      throw new Error('the search index has pages of format ' + manifest.format +
        ': it was built by another Broadsheet version; rebuild the site');
    }
    // the open bundle downloads beside the runtime: on a slow network the two share the bandwidth,
    // and the bundle's round trip no longer waits for the runtime to compile
    var bundle = loadBundle(base, manifest.open + '.open');
    bundle.catch(function () { /* reported below, once the runtime is in */ });
    var rt = kind === 'wasm-gc' ? await loadWasm(base, module, loader) : await loadJs(base);
    // the analyzer is the one the index records in its commit data (core IndexInfo)
    rt.open(manifest.files.map(function (f) {
      return f.name + '\t' + f.length;
    }).join('\n'), manifest.pageSize);
    rt.addBundle(await bundle);
    return { rt: rt, base: base, files: indexFiles(manifest), pageSize: manifest.pageSize,
      chunkSize: manifest.chunkSize, noRanges: rangesIgnored, query: manifest.query || null };
  }

  // The query bundle: whole index files nearly every query reads (norms, the stored-fields index),
  // asked for when the first search starts, beside its first round, so a reader who never searches
  // does not download it. Resolves once the engine has it; if it cannot be had, its files are read
  // in ranges like the others.
  function loadQueryBundle(e) {
    if (!e.query) return null;
    if (!e.queryLoad) {
      e.queryLoad = loadBundle(e.base, e.query.bundle + '.query').then(function (bytes) {
        e.rt.addBundle(bytes);
      }, function (err) {
        console.warn('search: ' + messageOf(err) + '; reading its files in ranges');
        e.query = null;
      });
    }
    return e.queryLoad;
  }

  // An option as the runtime's parameter text: "" when not given; anything else as written, so that
  // a bad value is refused by the runtime's parser, never replaced by a default here.
  function text(v) {
    return v === undefined || v === null ? '' : String(v);
  }

  // A search's parameters as the runtime takes them: all text, in its order.
  function searchArgs(query, o) {
    return [query, o.limit, o.offset, o.tag, o.section, o.from, o.to, o.sort, o.facets].map(text);
  }

  // Runs one search to the end: each round either answers or names the pages it still needs.
  // Resolves to the answer's JSON text (a worker hands text to the page faster than the object).
  async function runText(e, args) {
    loadQueryBundle(e);
    for (var round = 0; round < 500; round++) {
      var t0 = performance.now();
      var json = e.rt.search.apply(e.rt, args);
      // a round that needs pages answers {"missing": [...]}; every other answer is final
      var out = json.lastIndexOf('{"missing":', 0) === 0 || json.lastIndexOf('{"error":', 0) === 0
        ? JSON.parse(json) : null;
      var t1 = performance.now();
      stats.searchMillis += t1 - t0;
      stats.rounds++;
      if (out && out.missing) {
        stats.roundLog.push(out.missing.join(' '));
        await loadPages(e, out.missing);
        stats.fetchMillis += performance.now() - t1;
        continue;
      }
      if (out && out.error !== undefined) throw new Error(out.error);
      return json;
    }
    throw new Error('search did not converge');
  }

  async function run(e, args) {
    return JSON.parse(await runText(e, args));
  }

  // This context's resource timing entries (its requests), as plain objects.
  function resourceTimings() {
    return performance.getEntriesByType('resource').map(function (r) { return r.toJSON(); });
  }

  function messageOf(e) {
    return e && e.message !== undefined ? String(e.message) : String(e);
  }

  // ---- the worker: this file, started by the page with new Worker (see inWorker) ---------------------
  //
  // page -> worker  {op: 'open', base, kind}, then {op: 'search', id, args, gap} (one at a time) or {op: 'resources', id}
  // worker -> page  {op: 'ready'} or {op: 'failed', message}, then {op: 'result', id, result} (a search's:
  //                 {json}, its answer's text) or {..., error}
  // Every answer carries the worker's stats, which the page mirrors in window.broadsheet.stats: the
  // counters, and of each list (stats.log, ...) the entries added since the last answer, so that an
  // answer does not copy every request of the session again.

  function serveWorker() {
    var opened = null, queue = Promise.resolve(), sent = {};
    function reply(message) {
      var news = {};
      Object.keys(stats).forEach(function (k) {
        var v = stats[k];
        if (Array.isArray(v)) {
          news[k] = v.slice(sent[k] || 0);
          sent[k] = v.length;
        } else {
          news[k] = v;
        }
      });
      message.stats = news;
      self.postMessage(message);
    }
    async function handle(d) {
      if (d.op === 'open') {
        opened = opened || openEngine(d.base, d.kind);
        try {
          await opened;
          reply({ op: 'ready' });
        } catch (e) {
          reply({ op: 'failed', message: messageOf(e) });
        }
      } else if (d.op === 'search') {
        self.broadsheetGapPages = d.gap;
        try {
          reply({ op: 'result', id: d.id, result: { json: await runText(await opened, d.args) } });
        } catch (e) {
          reply({ op: 'result', id: d.id, error: messageOf(e) });
        }
      } else if (d.op === 'resources') {
        reply({ op: 'result', id: d.id, result: resourceTimings() });
      }
    }
    self.onmessage = function (m) {
      queue = queue.then(function () { return handle(m.data); });
    };
  }

  if (isWorker) {
    serveWorker();
    return;
  }

  // ---- the engine, seen from the page: in a worker where one runs, else here ---------------------------

  // The engine in the page: {where, kind, search(args) -> promise of the answer, resources() -> promise
  // of the resource timing entries of the requests it made}.
  function inPage(base, kind) {
    return openEngine(base, kind).then(function (e) {
      return { where: 'page', kind: kind, search: function (args) { return run(e, args); },
        resources: function () { return Promise.resolve(resourceTimings()); } };
    });
  }

  function noWorker(message) {
    var e = new Error(message);
    e.noWorker = true;
    return e;
  }

  // The engine in a worker, as inPage's; rejects with noWorker set when no worker ran (none could be
  // made, or it failed to load or start before saying anything), so that the page runs it instead.
  function inWorker(base, kind) {
    return new Promise(function (resolve, reject) {
      var worker;
      try {
        worker = new Worker(script.src);
      } catch (e) {
        reject(noWorker('no worker: ' + messageOf(e)));
        return;
      }
      var calls = {}, next = 0, heard = false, broken = null;
      function ask(message) {
        if (broken) return Promise.reject(broken);
        return new Promise(function (res, rej) {
          message.id = ++next;
          calls[message.id] = { resolve: res, reject: rej };
          worker.postMessage(message);
        });
      }
      var remote = { where: 'worker', kind: kind,
        search: function (args) {
          return ask({ op: 'search', args: args, gap: gapPages() }).then(function (r) { return JSON.parse(r.json); });
        },
        resources: function () { return ask({ op: 'resources' }); } };
      worker.onmessage = function (m) {
        var d = m.data;
        heard = true;
        for (var k in d.stats) {
          if (Array.isArray(d.stats[k])) Array.prototype.push.apply(stats[k], d.stats[k]);
          else stats[k] = d.stats[k];
        }
        if (d.op === 'ready') {
          resolve(remote);
        } else if (d.op === 'failed') {
          worker.terminate();
          reject(new Error(d.message));
        } else if (calls[d.id]) {
          var call = calls[d.id];
          delete calls[d.id];
          if (d.error !== undefined) call.reject(new Error(d.error));
          else call.resolve(d.result);
        }
      };
      worker.onerror = function (ev) {
        ev.preventDefault();
        if (!heard) {
          worker.terminate();
          reject(noWorker('the search worker did not start: ' + (ev.message || 'error')));
          return;
        }
        broken = new Error('the search worker stopped: ' + (ev.message || 'error'));
        Object.keys(calls).forEach(function (id) { calls[id].reject(broken); });
        calls = {};
      };
      worker.postMessage({ op: 'open', base: base, kind: kind });
    });
  }

  // No worker from file:// (Chromium refuses one there) nor without a script URL to start it from.
  function workerPossible() {
    return !fileMode && typeof Worker === 'function' && !!(script && script.src);
  }

  var engine = null;

  function start() {
    if (engine) return engine;
    var base = searchBase(), kind = runtimeKind(), t0 = performance.now();
    var opened = workerPossible() ? inWorker(base, kind).catch(function (e) {
      if (e && e.noWorker) return inPage(base, kind);
      throw e;
    }) : inPage(base, kind);
    engine = opened.then(function (e) {
      api.runtime = e.kind;
      api.engine = e.where;
      api.loadMillis = performance.now() - t0;
      return e;
    });
    return engine;
  }

  var queue = Promise.resolve();

  var api = {
    runtime: null,
    engine: null,
    loadMillis: null,
    stats: stats,
    load: function () { return start().then(function () { return api.runtime; }); },
    // the resource timing entries of the engine's requests (the worker's, or the page's)
    resources: function () { return start().then(function (e) { return e.resources(); }); },
    search: function (query, options) {
      var args = searchArgs(query, options || {});
      var next = queue.then(function () { return start(); }).then(function (e) { return e.search(args); });
      queue = next.catch(function () {});
      return next;
    }
  };
  window.broadsheet = api;

  // ---- the page ------------------------------------------------------------------------------------

  function el(id) { return document.getElementById(id); }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Snippets come from Lucene's highlighter: HTML-escaped text with <mark> around terms. Decode it and
  // escape it again ourselves, so that nothing but <mark> can ever reach the page.
  function decodeEntities(s) {
    return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, function (m, e) {
      var named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e];
      if (named) return named;
      var code = e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    });
  }

  function safeSnippet(s) {
    return String(s || '').split(/<mark>|<\/mark>/).map(function (part, i) {
      var text = escapeHtml(decodeEntities(part));
      return i % 2 === 1 ? '<mark>' + text + '</mark>' : text;
    }).join('');
  }

  function siteRoot(base) { return new URL('../', base).href; }

  // The page's strings: the theme's search.* messages in the page's language, which the page embeds as
  // JSON (#search-messages); these English ones where it does not. "{0}" is an argument; a key.one,
  // key.other, ... set is a count, picked by the language's plural rules (Intl.PluralRules).
  var ENGLISH = {
    'search.loading': 'Loading search…', 'search.empty': 'Type a word or two to search the archive.',
    'search.results.one': '{0} result ({1} ms)', 'search.results.other': '{0} results ({1} ms)',
    'search.none': 'No results for “{0}”.', 'search.noneFiltered': 'No results for “{0}” with {1}.',
    'search.noneOnlyFilters': 'No results with {0}.', 'search.clear': 'Clear filters',
    'search.failed': 'Search failed: {0}', 'search.facet.section': 'Section', 'search.facet.tags': 'Tag',
    'search.facet.year': 'Year', 'search.facet.from': 'From', 'search.facet.to': 'To', 'search.chip': '{0}: {1}',
    'search.chip.remove': 'Remove filter {0}: {1}', 'search.and': ', ', 'search.filtersActive': '({0} on)',
    'search.years': 'Results per year', 'search.years.bar.one': '{1}: {0} result. Show only {1}.',
    'search.years.bar.other': '{1}: {0} results. Show only {1}.',
    'search.years.active': '{0}: shown alone. Show every year.'
  };

  // numbers: whole numbers among the arguments are written in the digits of the site's dates (Persian ۲۰۲۴)
  function pageText(locale) {
    var texts = {}, k, numbers = null;
    try { numbers = new Intl.NumberFormat(locale, { useGrouping: false }); } catch (e) { /* ASCII digits */ }
    for (k in ENGLISH) texts[k] = ENGLISH[k];
    var embedded = el('search-messages');
    if (embedded) {
      try {
        var given = JSON.parse(embedded.textContent);
        for (k in given) if (typeof given[k] === 'string') texts[k] = given[k];
      } catch (e) { /* English, then */ }
    }
    var rules = null;
    try { rules = new Intl.PluralRules(document.documentElement.lang || 'en'); } catch (e) { /* one/other */ }
    function fill(s, args) {
      return s.replace(/\{(\d+)\}/g, function (m, n) {
        var a = args[+n];
        return +n >= args.length ? m : typeof a === 'number' && numbers ? numbers.format(a) : String(a);
      });
    }
    return {
      num: function (n) { return numbers ? numbers.format(n) : String(n); },
      t: function (key) {
        return fill(texts[key] !== undefined ? texts[key] : key, [].slice.call(arguments, 1));
      },
      tn: function (key, n) {
        var s = texts[key + '.' + (rules ? rules.select(n) : n === 1 ? 'one' : 'other')];
        if (s === undefined) s = texts[key + '.other'];
        return fill(s === undefined ? key : s, [].slice.call(arguments, 1));
      }
    };
  }

  // Dates as the site writes them (the page carries the theme's date.locale and the site's zone):
  // the long style of the Gregorian calendar, "1 December 2026", "1. Dezember 2026".
  function dateLocale(app) {
    return app.getAttribute('data-date-locale') || document.documentElement.lang || 'en';
  }

  function dateFormat(app) {
    var locale = dateLocale(app);
    var zone = app.getAttribute('data-time-zone') || undefined;
    var options = { dateStyle: 'long', calendar: 'gregory', timeZone: zone };
    try {
      return new Intl.DateTimeFormat(locale, options);
    } catch (e) {
      try {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'long', calendar: 'gregory' });
      } catch (e2) {
        return null;
      }
    }
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function svgNode(name, attributes) {
    var n = document.createElementNS(SVG, name);
    for (var a in attributes) n.setAttribute(a, attributes[a]);
    return n;
  }

  function setupSearchPage() {
    var app = el('search-app');
    if (!app) return;
    var box = el('search-q'), form = el('search-form'), status = el('search-status');
    var results = el('search-results'), facets = el('search-facets'), more = el('search-more');
    var sort = el('search-sort'), from = el('search-from'), to = el('search-to');
    var chips = el('search-chips'), years = el('search-years'), filters = el('search-filters');
    var filterCount = el('search-filter-count');
    var text = pageText(dateLocale(app)), t = text.t, tn = text.tn;
    var dates = dateFormat(app);
    var params = new URLSearchParams(location.search);
    var state = { tag: params.get('tag') || '', section: params.get('section') || '', year: params.get('year') || '' };
    box.value = params.get('q') || '';
    if (sort && params.get('sort')) sort.value = params.get('sort');
    if (from && params.get('from')) from.value = params.get('from');
    if (to && params.get('to')) to.value = params.get('to');
    var shown = 0, generation = 0, timer = null;
    var yearCounts = { key: null, counts: null }; // the year facet of the last search without a year filter
    var clear = null; // the "Clear filters" button, while a search with filters finds nothing

    // the filter panel is open beside the results on a wide screen, a closed <details> on a phone
    if (filters && window.matchMedia && matchMedia('(min-width: 48rem)').matches) filters.open = true;

    function options(offset, withoutYear) {
      var f = from && from.value, tt = to && to.value;
      if (state.year && !withoutYear) { f = f || state.year + '-01-01'; tt = tt || state.year + '-12-31'; }
      return { limit: offset < 0 ? 1 : 10, offset: Math.max(0, offset), tag: state.tag, section: state.section,
        from: f, to: tt, sort: sort ? sort.value : 'relevance', facets: offset <= 0 };
    }

    function keepInAddress() {
      var p = new URLSearchParams();
      if (box.value) p.set('q', box.value);
      if (sort && sort.value !== 'relevance') p.set('sort', sort.value);
      if (from && from.value) p.set('from', from.value);
      if (to && to.value) p.set('to', to.value);
      ['tag', 'section', 'year'].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      var q = p.toString();
      history.replaceState(null, '', location.pathname + (q ? '?' + q : ''));
    }

    // The address is kept once the search has answered (a task after its results): Chromium's
    // replaceState held the main thread 2-18 ms before the query even reached the worker, and done
    // while the query's first round was on its way (a task after sending it) it held that round
    // back: on a busy machine a later query's first round of reads took 28 / 22 ms median with it
    // and 20 / 15 ms after the answer (two A/Bs of 76 later queries each).
    var addressTimer = null;
    function keepInAddressSoon() {
      if (addressTimer !== null) return;
      addressTimer = setTimeout(function () {
        addressTimer = null;
        keepInAddress();
      }, 0);
    }

    // ---- active filters: chips that remove them, and the count on the filter panel ----

    function activeFilters() {
      var list = [];
      if (state.section) list.push({ key: 'section', name: t('search.facet.section'), value: state.section });
      if (state.tag) list.push({ key: 'tag', name: t('search.facet.tags'), value: state.tag });
      if (state.year) list.push({ key: 'year', name: t('search.facet.year'), value: /^\d+$/.test(state.year) ? text.num(+state.year) : state.year });
      if (from && from.value) list.push({ key: 'from', name: t('search.facet.from'), value: from.value });
      if (to && to.value) list.push({ key: 'to', name: t('search.facet.to'), value: to.value });
      return list;
    }

    function dropFilter(key) {
      if (key === 'from' || key === 'to') (key === 'from' ? from : to).value = '';
      else state[key] = '';
    }

    function renderChips() {
      var list = activeFilters();
      if (filterCount) filterCount.textContent = list.length ? t('search.filtersActive', list.length) : '';
      if (!chips) return;
      chips.innerHTML = '';
      chips.hidden = list.length === 0;
      list.forEach(function (f) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'chip';
        b.setAttribute('data-filter', f.key);
        b.setAttribute('aria-label', t('search.chip.remove', f.name, f.value));
        b.textContent = t('search.chip', f.name, f.value);
        var x = document.createElement('span');
        x.setAttribute('aria-hidden', 'true');
        x.className = 'chip-x';
        x.textContent = '×';
        b.appendChild(x);
        b.addEventListener('click', function () {
          dropFilter(f.key);
          box.focus();
          search();
        });
        li.appendChild(b);
        chips.appendChild(li);
      });
    }

    function clearFilters() {
      state.tag = state.section = state.year = '';
      if (from) from.value = '';
      if (to) to.value = '';
      box.focus();
      search();
    }

    // ---- results ----

    function displayDate(iso) {
      var d = new Date(iso);
      if (!dates || isNaN(d.getTime())) return iso.slice(0, 10);
      return dates.format(d);
    }

    function renderHits(hits, root) {
      hits.forEach(function (h) {
        var li = document.createElement('li');
        li.className = 'search-hit';
        li.innerHTML = '<a class="search-hit-title" dir="auto" href="' + escapeHtml(new URL(h.url, root).href) + '">' +
          escapeHtml(h.title) + '</a>' + (h.date ? ' <time class="search-date" datetime="' + escapeHtml(h.date) + '">' +
          escapeHtml(displayDate(h.date)) + '</time>' : '') +
          '<p class="search-snippet" dir="auto">' + safeSnippet(h.snippet) + '</p>';
        results.appendChild(li);
      });
    }

    function facetButton(label, active, onClick) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('aria-pressed', active ? 'true' : 'false');
      b.textContent = label;
      b.addEventListener('click', onClick);
      li.appendChild(b);
      return li;
    }

    function renderFacets(list) {
      facets.innerHTML = '';
      var names = { section: t('search.facet.section'), tags: t('search.facet.tags'), year: t('search.facet.year') };
      var keys = { section: 'section', tags: 'tag', year: 'year' };
      // years are charted above the results where the page has room for the chart
      (years ? ['section', 'tags'] : ['section', 'tags', 'year']).forEach(function (field) {
        var key = keys[field];
        var values = (list && list[field]) || [];
        if (!values.length && !state[key]) return;
        var group = document.createElement('section');
        var h = document.createElement('h2');
        h.textContent = names[field];
        group.appendChild(h);
        var ul = document.createElement('ul');
        values.forEach(function (f) {
          var active = state[key] === f.value;
          ul.appendChild(facetButton(f.value + ' (' + f.count + ')', active, function () {
            state[key] = active ? '' : f.value;
            search();
          }));
        });
        if (state[key] && !values.some(function (f) { return f.value === state[key]; })) {
          ul.appendChild(facetButton(state[key] + ' ×', true, function () { state[key] = ''; search(); }));
        }
        group.appendChild(ul);
        facets.appendChild(group);
      });
    }

    // ---- hits per year: an inline SVG bar chart of the year facet; a bar is a button filtering to its year ----

    function renderYears(counts) {
      if (!years) return;
      years.innerHTML = '';
      var byYear = {}, list = [];
      (counts || []).forEach(function (c) { if (/^\d{1,4}$/.test(c.value)) byYear[+c.value] = c.count; });
      var known = Object.keys(byYear).map(Number).sort(function (a, b) { return a - b; });
      if (!known.length) { years.hidden = true; return; }
      var first = known[0], last = known[known.length - 1];
      if (last - first < 80) {
        for (var y = first; y <= last; y++) list.push({ year: y, count: byYear[y] || 0 });
      } else {
        list = known.map(function (k) { return { year: k, count: byYear[k] }; });
      }
      var most = Math.max.apply(null, list.map(function (b) { return b.count; }));
      var W = 24, GAP = 4, H = 48, LABEL = 14, rtl = getComputedStyle(years).direction === 'rtl';
      var width = list.length * (W + GAP) - GAP;
      var svg = svgNode('svg', { viewBox: '0 0 ' + width + ' ' + (H + LABEL), width: Math.min(width, 640),
        height: H + LABEL, role: 'group', 'aria-label': t('search.years'), focusable: 'false' });
      svg.setAttribute('class', 'years-chart');
      list.forEach(function (b, i) {
        var x = (rtl ? list.length - 1 - i : i) * (W + GAP);
        var h = b.count ? Math.max(2, Math.round(b.count * H / most)) : 0;
        var active = state.year === String(b.year);
        if (!b.count) return; // an empty year is a gap in the axis, nothing to choose
        var label = active ? t('search.years.active', b.year) : tn('search.years.bar', b.count, b.year);
        var g = svgNode('g', { role: 'button', tabindex: '0', 'aria-label': label,
          'aria-pressed': active ? 'true' : 'false', 'data-year': b.year });
        g.setAttribute('class', 'year-bar' + (active ? ' active' : ''));
        var title = svgNode('title', {});
        title.textContent = label;
        g.appendChild(title);
        g.appendChild(svgNode('rect', { x: x, y: 0, width: W, height: H, 'class': 'year-hit' }));
        g.appendChild(svgNode('rect', { x: x, y: H - h, width: W, height: h, rx: 2, 'class': 'year-count' }));
        var choose = function () {
          state.year = active ? '' : String(b.year);
          search().then(function () {
            var again = years.querySelector('[data-year="' + b.year + '"]');
            if (again) again.focus();
          });
        };
        g.addEventListener('click', choose);
        g.addEventListener('keydown', function (e) {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(); }
        });
        svg.appendChild(g);
      });
      // the first and last year under the axis, and the chosen one
      [list[0], list[list.length - 1]].concat(state.year ? [{ year: +state.year }] : []).forEach(function (b, i, all) {
        if (i > 0 && all[i].year === all[0].year) return;
        var at = list.map(function (x) { return x.year; }).indexOf(b.year);
        if (at < 0) return;
        var x = (rtl ? list.length - 1 - at : at) * (W + GAP) + W / 2;
        var label = svgNode('text', { x: x, y: H + LABEL - 2, 'text-anchor': 'middle', 'aria-hidden': 'true' });
        label.textContent = text.num(b.year);
        svg.appendChild(label);
      });
      years.appendChild(svg);
      years.hidden = false;
    }

    // The chart shows every year the query (and the other filters) finds, also while one year is chosen:
    // those counts come from the last search without the year filter, or one more search for them.
    async function yearFacet(r, q) {
      var key = JSON.stringify([q, state.tag, state.section, from && from.value, to && to.value]);
      if (!state.year) {
        yearCounts = { key: key, counts: r.facets && r.facets.year };
        return yearCounts.counts;
      }
      if (yearCounts.key !== key) {
        var all = await api.search(q, options(-1, true));
        yearCounts = { key: key, counts: all.facets && all.facets.year };
      }
      return yearCounts.counts;
    }

    function describe(list) {
      return list.map(function (f) { return t('search.chip', f.name, f.value); }).join(t('search.and'));
    }

    function showNone(q) {
      var list = activeFilters();
      status.textContent = !list.length ? t('search.none', q)
        : q ? t('search.noneFiltered', q, describe(list)) : t('search.noneOnlyFilters', describe(list));
      if (list.length) {
        clear = document.createElement('button');
        clear.type = 'button';
        clear.id = 'search-clear';
        clear.className = 'search-clear';
        clear.textContent = t('search.clear');
        clear.addEventListener('click', clearFilters);
        status.parentNode.insertBefore(clear, status.nextSibling);
      }
    }

    async function search() {
      var mine = ++generation;
      renderChips();
      if (clear) { clear.remove(); clear = null; }
      var q = box.value.trim();
      if (!q && !activeFilters().length) {
        results.innerHTML = '';
        facets.innerHTML = '';
        renderYears(null);
        more.hidden = true;
        status.textContent = t('search.empty');
        keepInAddressSoon();
        return;
      }
      if (!api.runtime) status.textContent = t('search.loading');
      app.setAttribute('aria-busy', 'true');
      try {
        var t0 = performance.now();
        var r = await api.search(q, options(0));
        var counts = await yearFacet(r, q);
        if (mine !== generation) return;
        var root = siteRoot(searchBase());
        results.innerHTML = '';
        renderHits(r.hits, root);
        renderFacets(r.facets);
        renderYears(r.total ? counts : null);
        shown = r.hits.length;
        more.hidden = shown >= r.total;
        if (r.total === 0) showNone(q);
        else status.textContent = tn('search.results', r.total, Math.round(performance.now() - t0));
      } catch (e) {
        if (mine === generation) status.textContent = t('search.failed', e.message);
      } finally {
        if (mine === generation) app.removeAttribute('aria-busy');
        keepInAddressSoon();
      }
    }

    async function showMore() {
      var mine = generation;
      var r = await api.search(box.value.trim(), options(shown));
      if (mine !== generation) return;
      var first = results.children.length;
      renderHits(r.hits, siteRoot(searchBase()));
      shown += r.hits.length;
      more.hidden = shown >= r.total || r.hits.length === 0;
      var link = results.children[first] && results.children[first].querySelector('a');
      if (link) link.focus();
    }

    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { box.value = ''; search(); }
      if (e.key === 'ArrowDown') {
        var first = results.querySelector('a');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    results.addEventListener('keydown', function (e) {
      var links = Array.prototype.slice.call(results.querySelectorAll('a.search-hit-title'));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === 'ArrowDown' && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : box).focus(); }
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); search(); });
    [sort, from, to].forEach(function (c) { if (c) c.addEventListener('change', search); });
    more.addEventListener('click', showMore);
    renderChips();
    if (box.value || activeFilters().length) search();
    else status.textContent = t('search.empty');
  }

  // A search box on another page only fetches the runtime into the browser's cache, for the search
  // page it leads to (the engine itself starts there).
  function warm() {
    if (fileMode) return;
    var base = searchBase();
    var files = !wantsJs() && supportsWasmGC() ? ['runtime/wasm-gc-runtime.js', MODULE] : ['runtime/search-js.js'];
    Promise.all(files.map(function (f) { return fetch(base + f); }))
      .catch(function () { /* only a head start */ });
  }

  // A head start on the runtime: on the search page the whole engine (manifest, runtime, open
  // bundle) starts as soon as this script runs, before the page's own set-up (Intl's number, plural
  // and date formats take 100-200 ms of a phone's main thread), since a visitor there means to
  // search; elsewhere only the runtime's files are fetched, when the pointer comes near a search box
  // or one takes the focus.
  function headStart() {
    if (el('search-app')) {
      start().catch(function () { /* reported when a search runs */ });
    } else {
      warm();
    }
  }

  var NEAR = 120; // px around a search box where the pointer is taken as heading for it

  function whenNear(boxes, then) {
    function onMove(e) {
      var near = Array.prototype.some.call(boxes, function (b) {
        var r = b.getBoundingClientRect();
        return e.clientX > r.left - NEAR && e.clientX < r.right + NEAR &&
          e.clientY > r.top - NEAR && e.clientY < r.bottom + NEAR;
      });
      if (near) {
        document.removeEventListener('pointermove', onMove);
        then();
      }
    }
    document.addEventListener('pointermove', onMove, { passive: true });
  }

  function setupBoxes() {
    var boxes = document.querySelectorAll('input[data-search-box]');
    var once = function (f) { var done = false; return function () { if (!done) { done = true; f(); } }; };
    var begin = once(headStart);
    Array.prototype.forEach.call(boxes, function (b) {
      b.addEventListener('focus', begin, { once: true });
    });
    if (boxes.length) whenNear(boxes, begin);
    if (el('search-app')) begin();
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.key === '/' && !(t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) && boxes[0]) {
        e.preventDefault();
        (el('search-q') || boxes[0]).focus();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setupBoxes(); setupSearchPage(); });
  } else {
    setupBoxes();
    setupSearchPage();
  }
})();
