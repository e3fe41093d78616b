#!/usr/bin/env python3
"""Where a WebAssembly module's bytes go: sizes of its sections and of each function, by name.

    python3 bench/wasm_sizes.py search-web/target/classes/broadsheet-search/search-en.wasm [TOP]

Names come from the module's "name" section: build the runtime with them first,
    mvn -o -pl search-web -Dteavm.phase=none -Dteavm.minifying=false \\
      compile org.teavm:teavm-maven-plugin:0.16.0:compile@wasm-gc-en
Prints each section (raw bytes, deflated alone), then the TOP (default 40) largest functions and the
largest packages (the part of a TeaVM name before its class). Deflating a function alone overstates
what it adds to the gzipped module (similar functions compress together), so it only ranks them.
Last, the compressed share of each group (a package; TeaVM's start function; its per-class type-check
functions): how many bytes the deflated code section loses when that group's bodies are left out.
"""
import collections
import os
import sys
import zlib

# the build's own reader of a module's layout (LEB128 numbers, the sections), which exports the
# functions JavaScript calls before binaryen runs
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "search-web", "src", "build"))
from js_roots import sections as section_spans, uleb  # noqa: E402

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
            7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount", 13: "tag"}


def name(b, p):
    n, p = uleb(b, p)
    return b[p:p + n].decode("utf-8", "replace"), p + n


def sections(data):
    """[(id, label, start, size)] of a module's sections."""
    if data[:4] != b"\0asm":
        raise ValueError("not a WebAssembly module")
    out = []
    for sid, _, start, end in section_spans(data):
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            label += ":" + name(data, start)[0]
        out.append((sid, label, start, end - start))
    return out


def imported_functions(data, start):
    """How many functions an import section imports (they come first in the function index space)."""
    count, p = uleb(data, start)
    functions = 0
    for _ in range(count):
        _, p = name(data, p)
        _, p = name(data, p)
        kind = data[p]
        p += 1
        if kind == 0:  # function: type index
            _, p = uleb(data, p)
            functions += 1
        elif kind == 1:  # table: reference type, limits
            p += 2 if data[p] in (0x63, 0x64) else 1
            flags = data[p]
            _, p = uleb(data, p + 1)
            if flags & 1:
                _, p = uleb(data, p)
        elif kind == 2:  # memory: limits
            flags = data[p]
            _, p = uleb(data, p + 1)
            if flags & 1:
                _, p = uleb(data, p)
        elif kind == 3:  # global: value type, mutability
            p += 3 if data[p] in (0x63, 0x64) else 2
        elif kind == 4:  # tag: attribute, type index
            _, p = uleb(data, p + 1)
        else:
            raise ValueError("unknown import kind %d" % kind)
    return functions


def function_names(data, start, size):
    names, end = {}, start + size
    _, p = name(data, start)
    while p < end:
        sub = data[p]
        sub_size, q = uleb(data, p + 1)
        if sub == 1:
            count, r = uleb(data, q)
            for _ in range(count):
                index, r = uleb(data, r)
                names[index], r = name(data, r)
        p = q + sub_size
    return names


def bodies(data):
    """[(name, body bytes)] of every function body."""
    found = sections(data)
    imports = sum(imported_functions(data, s) for sid, _, s, _ in found if sid == 2)
    names = {}
    for sid, label, start, size in found:
        if label == "custom:name":
            names = function_names(data, start, size)
    out = []
    for sid, _, start, _ in found:
        if sid == 10:
            count, p = uleb(data, start)
            for i in range(count):
                size, body = uleb(data, p)
                out.append((names.get(imports + i, "f%d" % (imports + i)), data[body:body + size]))
                p = body + size
    return out


def group(function_name):
    """The group a function's bytes count for in the compressed shares."""
    if function_name.endswith("@isSupertypes"):
        return "TeaVM type checks (@isSupertypes)"
    if function_name == "teavm@initializer":
        return "TeaVM start function"
    return package(function_name)


def compressed_shares(data):
    """[(bytes the deflated code loses without the group, raw bytes, functions, group)], largest first."""
    found = bodies(data)
    full = len(zlib.compress(b"".join(b for _, b in found), 9))
    groups = collections.defaultdict(list)
    for i, (n, _) in enumerate(found):
        groups[group(n)].append(i)
    rows = []
    for g, members in groups.items():
        left_out = set(members)
        rest = b"".join(b for i, (_, b) in enumerate(found) if i not in left_out)
        rows.append((full - len(zlib.compress(rest, 9)), sum(len(found[i][1]) for i in members), len(members), g))
    return sorted(rows, reverse=True)


def functions(data):
    """[(name, raw bytes, deflated bytes)] of every function body."""
    return [(n, len(b), len(zlib.compress(b, 9))) for n, b in bodies(data)]


def package(function_name):
    owner = function_name.split("::")[0].split("@")[0].split("$")[0]
    return owner.rsplit(".", 1)[0] if "." in owner else owner


def main(argv):
    data = open(argv[1], "rb").read()
    top = int(argv[2]) if len(argv) > 2 else 40
    print("%-28s %9s %9s" % ("section", "bytes", "deflated"))
    for _, label, start, size in sections(data):
        print("%-28s %9d %9d" % (label, size, len(zlib.compress(data[start:start + size], 9))))
    funcs = functions(data)
    print("\n%d functions; the largest:" % len(funcs))
    for n, size, deflated in sorted(funcs, key=lambda f: -f[1])[:top]:
        print("%9d %9d  %s" % (size, deflated, n))
    by_package = collections.Counter()
    for n, size, _ in funcs:
        by_package[package(n)] += size
    print("\npackages:")
    for p, size in by_package.most_common(top):
        print("%9d  %s" % (size, p))
    print("\ncompressed share (deflated code without the group's bodies, minus with), raw, functions:")
    for share, size, count, g in compressed_shares(data)[:top]:
        print("%9d %9d %6d  %s" % (share, size, count, g))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
