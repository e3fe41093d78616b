"""Exports the functions a TeaVM 0.16 WasmGC module hands to JavaScript, so that binaryen's
closed-world optimisation keeps them (wasm-opt.sh):

    python3 js_roots.py IN.wasm OUT.wasm

TeaVM does not export the methods JavaScript calls (@JSExport and main): the start function passes
their references (ref.func) to imported functions (teavmJso.defineFunction, defineStaticMethod),
and JavaScript calls what those return. A closed world assumes that no code outside the module
calls a function reference, so without exports it empties those functions and all they reach
(every search then hits "unreachable"). This finds every function reference given as an argument
to an import and exports each such function as r0, r1, ...; an exported function is a root whose
signature binaryen leaves alone.

It proves what it claims or refuses (exit 2, and wasm-opt.sh then optimises in an open world): a
function-reference argument to an import must be a plain ref.func or ref.null, and the module may
have no table, no imported or exported function-reference global, and no export that takes or
returns a function reference; a module without an export section (nothing for JavaScript to reach
at all) is refused as well. An opcode it does not know is a refusal too. Running it on its own
output finds nothing new to export.
"""
import sys


class Refused(Exception):
    pass


def leb(b, i, signed=False):
    """(value, next offset) of the LEB128 number at b[i]."""
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, i


def uleb(b, i):
    return leb(b, i)


def sleb(b, i):
    return leb(b, i, signed=True)


def encode(n):
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | 0x80 if n else low)
        if not n:
            return bytes(out)


def sections(b):
    """(id, start of the section, start of its body, end) for each section."""
    i = 8
    while i < len(b):
        size, body = uleb(b, i + 1)
        yield b[i], i, body, body + size
        i = body + size


def value_type(b, i):
    """('ref', heap type) for a reference type (a negative heap type is abstract), else ('num', code)."""
    if b[i] in (0x63, 0x64):
        heap, i = sleb(b, i + 1)
        return ("ref", heap), i
    return ("num", b[i]), i + 1


def read_types(b, start):
    """The type section as a list: ('func', params, results), ('struct',) or ('array',)."""
    out = []

    def composite(i):
        form = b[i]
        i += 1
        if form == 0x60:
            lists = []
            for _ in range(2):
                n, i = uleb(b, i)
                values = []
                for _ in range(n):
                    v, i = value_type(b, i)
                    values.append(v)
                lists.append(values)
            return ("func", lists[0], lists[1]), i
        if form == 0x5F:
            n, i = uleb(b, i)
            for _ in range(n):
                _, i = value_type(b, i)
                i += 1  # mutability
            return ("struct",), i
        if form == 0x5E:
            _, i = value_type(b, i)
            return ("array",), i + 1
        raise Refused("type form 0x%x" % form)

    def subtype(i):
        if b[i] in (0x50, 0x4F):
            n, i = uleb(b, i + 1)
            for _ in range(n):
                _, i = uleb(b, i)
        return composite(i)

    count, i = uleb(b, start)
    for _ in range(count):
        if b[i] == 0x4E:  # a recursion group
            n, i = uleb(b, i + 1)
            for _ in range(n):
                t, i = subtype(i)
                out.append(t)
        else:
            t, i = subtype(i)
            out.append(t)
    return out


def is_function_reference(value, types):
    kind, x = value
    if kind == "num":
        return x == 0x70  # funcref
    if x < 0:
        return x in (-0x10, -0x0D)  # func, nofunc
    return types[x][0] == "func"


# Instructions that push one value and pop none: what may stand between an argument and its call.
PUSH_ONLY = {0x41, 0x42, 0x43, 0x44, 0xD0, 0xD2, 0x23, 0x20}
NO_IMMEDIATE = {0x00, 0x01, 0x05, 0x0A, 0x0B, 0x0F, 0x19, 0x1A, 0x1B, 0xD1, 0xD3, 0xD4}
ONE_INDEX = {0x07, 0x08, 0x09, 0x0C, 0x0D, 0x10, 0x12, 0x14, 0x15, 0x18,
             0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xD2, 0xD5, 0xD6}
GC_ONE_INDEX = {0, 1, 6, 7, 11, 12, 13, 14, 16}
GC_TWO_INDEXES = {2, 3, 4, 5, 8, 9, 10, 17, 18, 19}
GC_NONE = {15, 26, 27, 28, 29, 30}
GC_HEAP_TYPE = {20, 21, 22, 23}


def scan_code(b, i, end, import_params, roots, constant=False):
    """Reads instructions from i; for each call of an import with function-reference parameters,
    adds the functions given to it to roots. A constant expression ends at its 'end'."""
    recent = []  # (opcode, immediate) of the last few instructions

    def block_type(i):
        t = b[i]
        if t == 0x40 or 0x69 <= t <= 0x7F:
            return i + 1
        if t in (0x63, 0x64):
            return sleb(b, i + 1)[1]
        return sleb(b, i)[1]

    while i < end:
        op = b[i]
        i += 1
        immediate = None
        if op in NO_IMMEDIATE or 0x45 <= op <= 0xC4:
            pass
        elif op in (0x02, 0x03, 0x04, 0x06):
            i = block_type(i)
        elif op == 0x1F:  # try_table
            i = block_type(i)
            n, i = uleb(b, i)
            for _ in range(n):
                kind = b[i]
                i += 1
                if kind in (0, 1):
                    _, i = uleb(b, i)
                _, i = uleb(b, i)
        elif op in ONE_INDEX:
            immediate, i = uleb(b, i)
        elif op == 0x0E:  # br_table
            n, i = uleb(b, i)
            for _ in range(n + 1):
                _, i = uleb(b, i)
        elif op in (0x11, 0x13):
            _, i = uleb(b, i)
            _, i = uleb(b, i)
        elif op == 0x1C:  # select with types
            n, i = uleb(b, i)
            for _ in range(n):
                _, i = value_type(b, i)
        elif 0x28 <= op <= 0x3E:  # loads and stores
            align, i = uleb(b, i)
            if align & 0x40:
                _, i = uleb(b, i)
            _, i = uleb(b, i)
        elif op in (0x3F, 0x40):
            _, i = uleb(b, i)
        elif op in (0x41, 0x42):
            immediate, i = sleb(b, i)
        elif op == 0x43:
            i += 4
        elif op == 0x44:
            i += 8
        elif op == 0xD0:
            _, i = sleb(b, i)
        elif op == 0xFB:
            sub, i = uleb(b, i)
            if sub in GC_ONE_INDEX:
                _, i = uleb(b, i)
            elif sub in GC_TWO_INDEXES:
                _, i = uleb(b, i)
                _, i = uleb(b, i)
            elif sub in GC_HEAP_TYPE:
                _, i = sleb(b, i)
            elif sub in (24, 25):  # br_on_cast, br_on_cast_fail
                i += 1
                _, i = uleb(b, i)
                _, i = sleb(b, i)
                _, i = sleb(b, i)
            elif sub not in GC_NONE:
                raise Refused("opcode 0xFB %d" % sub)
            op = (0xFB, sub)
        elif op == 0xFC:
            sub, i = uleb(b, i)
            if sub in (8, 10, 12, 14):
                _, i = uleb(b, i)
                _, i = uleb(b, i)
            elif sub in (9, 11, 13, 15, 16, 17):
                _, i = uleb(b, i)
            elif sub > 7:
                raise Refused("opcode 0xFC %d" % sub)
            op = (0xFC, sub)
        else:
            raise Refused("opcode 0x%x at byte %d" % (op, i - 1))
        if op == 0x10 and immediate in import_params:
            count, positions = import_params[immediate]
            for p in positions:
                back = count - p  # the argument's producer, if only push-only ones follow it
                tail = recent[-back:] if len(recent) >= back else None
                if tail is None or any(o not in PUSH_ONLY for o, _ in tail):
                    raise Refused("a function reference given to import %d is computed" % immediate)
                producer, function = tail[0]
                if producer == 0xD2:
                    roots.add(function)
                elif producer != 0xD0:
                    raise Refused("a function reference given to import %d is not ref.func" % immediate)
        if constant and op == 0x0B:
            return i
        recent = (recent + [(op, immediate)])[-8:]
    if i != end:
        raise Refused("a function body overran its size")
    return i


def roots_exported(b):
    """The module with its escaping functions exported, and how many were added."""
    found = [section for section in sections(b) if section[0] != 0]  # custom sections aside
    spans = {sid: (body, end) for sid, _, body, end in found}
    starts = {sid: start for sid, start, _, _ in found}
    if 7 not in spans:
        raise Refused("the module exports nothing")
    if 4 in spans:
        raise Refused("the module has a table: the functions in it may escape")
    types = read_types(b, spans[1][0])
    import_params = {}  # function import index -> (parameter count, function-reference positions)
    function_types = []
    imported_functions = imported_globals = 0
    count, i = uleb(b, spans[2][0])
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = uleb(b, i)
            i += n
        kind = b[i]
        i += 1
        if kind == 0:
            t, i = uleb(b, i)
            params = types[t][1]
            positions = [p for p, v in enumerate(params) if is_function_reference(v, types)]
            if positions:
                import_params[imported_functions] = (len(params), positions)
            function_types.append(t)
            imported_functions += 1
        elif kind == 1:
            raise Refused("the module imports a table")
        elif kind == 2:
            flags = b[i]
            _, i = uleb(b, i + 1)
            if flags & 1:
                _, i = uleb(b, i)
        elif kind == 3:
            v, i = value_type(b, i)
            i += 1
            if is_function_reference(v, types):
                raise Refused("the module imports a function-reference global")
            imported_globals += 1
        else:
            i += 1
            _, i = uleb(b, i)
    if 3 in spans:
        count, i = uleb(b, spans[3][0])
        for _ in range(count):
            t, i = uleb(b, i)
            function_types.append(t)
    global_types = [None] * imported_globals
    if 6 in spans:
        count, i = uleb(b, spans[6][0])
        for _ in range(count):
            v, i = value_type(b, i)
            global_types.append(v)
            i = scan_code(b, i + 1, spans[6][1], {}, set(), constant=True)
    roots = set()
    count, i = uleb(b, spans[10][0])
    for _ in range(count):
        size, i = uleb(b, i)
        body_end = i + size
        locals_count, i = uleb(b, i)
        for _ in range(locals_count):
            _, i = uleb(b, i)
            _, i = value_type(b, i)
        scan_code(b, i, body_end, import_params, roots)
        i = body_end
    exports = []
    export_start, export_end = starts[7], spans[7][1]
    count, i = uleb(b, spans[7][0])
    for _ in range(count):
        n, i = uleb(b, i)
        name = b[i:i + n]
        kind = b[i + n]
        index, i = uleb(b, i + n + 1)
        exports.append((name, kind, index))
        if kind == 3 and global_types[index] and is_function_reference(global_types[index], types):
            raise Refused("an exported global holds a function reference")
        if kind == 0:
            _, params, results = types[function_types[index]]
            if any(is_function_reference(v, types) for v in params + results):
                raise Refused("an export takes or returns a function reference")
    exported = {index for _, kind, index in exports if kind == 0}
    added = sorted(roots - exported)
    exports += [(b"r%d" % n, 0, f) for n, f in enumerate(added)]
    body = encode(len(exports)) + b"".join(
        encode(len(name)) + name + bytes([kind]) + encode(index) for name, kind, index in exports)
    return b[:export_start] + bytes([7]) + encode(len(body)) + body + b[export_end:], len(added)


def main(source, target):
    with open(source, "rb") as f:
        module = f.read()
    try:
        out, added = roots_exported(module)
    except Refused as refused:
        print("js_roots.py: cannot tell which functions JavaScript calls: %s" % refused)
        return 2
    with open(target, "wb") as f:
        f.write(out)
    print("js_roots.py: %d functions JavaScript calls exported" % added)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
