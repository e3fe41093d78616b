// Broadsheet's WasmGC loader (TeaVM 0.16.0 modules, no eval; contract: search-web/README.md, LoaderImportsTest).
// self.TeaVM.wasmGC.load(src: URL, Response or its promise, or bytes) -> Promise of {exports, instance, module}
(() => {
  'use strict';
  const W = WebAssembly;
  const JAVA = Symbol('java'); // a JS object made for a Java object -> that Java object
  const THROWN = Symbol('thrown'); // a JS error made for a Java exception -> that exception
  const FRAME = /:wasm-function\[(\d+)\]:0x([0-9a-f]+)/;
  const id = (v) => v;
  const globalOf = (name) => name.split('.').reduce((o, k) => o[k], globalThis);
  const unsupported = () => {
    throw new Error('wasm-gc-runtime.js: not supported');
  };

  async function load(src) {
    src = await (typeof src === 'string' ? fetch(src) : src);
    const options = { builtins: ['js-string'] };
    const module = await (src instanceof Response
      ? W.compileStreaming(src, options)
      : W.compile(src, options));
    // an engine with the JS string builtins leaves their imports out of this list
    const strings = !W.Module.imports(module).some((i) => i.module === 'wasm:js-string');
    let memory = { min: 1, dataSize: 0 };
    for (const s of W.Module.customSections(module, 'teavm.memoryRequirements')) {
      memory = JSON.parse(new TextDecoder().decode(s));
    }
    const heapOffset = (memory.dataSize + 7) & -8;
    memory = new W.Memory({ initial: memory.min, maximum: 32768 });
    let x; // the instance's exports, once it is in

    // a JS exception in a call from Java goes on as a Java exception that carries it...
    const guard = (f) => (...a) => {
      try {
        return f(...a);
      } catch (e) {
        const t = Object(e)[THROWN];
        x['teavm.js.throwException'](t !== undefined ? t : x['teavm.js.wrapException'](e));
        throw e;
      }
    };
    // ...and a Java exception leaving Java as the JS error made for it
    const toJs = (e) => {
      const tag = x['teavm.javaException'];
      if (!(e instanceof W.Exception && e.is(tag))) return e;
      const t = e.getArg(tag, 0);
      return x['teavm.js.extractException'](t) ?? x['teavm.getJsException'](t) ?? new JavaError(t);
    };
    class JavaError extends Error {
      constructor(t) {
        super();
        this[THROWN] = t;
        x['teavm.setJsException'](t, this);
      }
      get message() {
        const m = x['teavm.exceptionMessage']?.(this[THROWN]);
        return (m != null && x['teavm.stringToJs'](m)) || 'Java exception without a message';
      }
    }
    // an exported Java method (vararg: its last parameter takes the rest as an array)
    const exported = (f, vararg) => (...a) => {
      if (vararg) a.push(a.splice(f.length - 1));
      try {
        return f(...a);
      } catch (e) {
        throw toJs(e);
      }
    };
    const call = guard((f, ...a) => f(...a));
    const method = guard((o, m, ...a) => (o !== null ? o[m](...a) : globalOf(m)(...a)));
    const construct = guard((C, ...a) => new C(...a));
    // a @JSBody script from its parameter names and text: without eval, only "return <parameter>;"
    const body = (...names) => {
      const text = names.pop();
      const i = names.indexOf(text.slice(7, -1));
      if (i < 0 || text !== 'return ' + names[i] + ';') {
        throw new Error('wasm-gc-runtime.js: cannot run a JS body without eval: ' + text);
      }
      return (...a) => a[i];
    };
    const jsObjects = new WeakMap(); // Java object -> the JS object made for it
    const javaWrappers = new WeakMap(); // JS object -> the Java wrapper made for it

    const imports = {
      env: { memory: memory },
      teavmMemory: {
        linearMemory: () => memory.buffer,
        notifyHeapResized: () => {},
        heapOffset: heapOffset,
        maxSize: 0x7fffffff,
      },
      teavmDate: { currentTimeMillis: Date.now },
      teavmMath: Math,
      teavm: {
        // a Throwable's stack (wasm function indexes, code offsets), read only if Java asks for it
        takeStackTrace: () => {
          const e = new Error();
          return {
            getStack: () =>
              String(e.stack).split('\n').map((l) => FRAME.exec(l)).filter(id).map((m) => ({
                className: 'wasm', method: 'function' + m[1], file: 'wasm', line: parseInt(m[2], 16),
              })),
          };
        },
        decorateException: (t) => {
          if (x) new JavaError(t);
        },
      },
      'wasm:js-string': {
        fromCharCode: (c) => String.fromCharCode(c),
        concat: (a, b) => a + b,
        charCodeAt: (s, i) => s.charCodeAt(i),
        length: (s) => s.length,
        substring: (s, a, b) => s.substring(a, b),
        fromCharCodeArray: unsupported,
        intoCharCodeArray: unsupported,
      },
      teavmJso: {
        stringBuiltinsSupported: () => strings,
        isUndefined: (o) => o === undefined,
        wrapByte: id, wrapShort: id, wrapChar: id, wrapInt: id, wrapLong: id, wrapFloat: id, wrapDouble: id,
        unwrapByte: id, unwrapShort: id, unwrapChar: id, unwrapInt: id, unwrapLong: id, unwrapFloat: id,
        unwrapDouble: id,
        global: guard(globalOf),
        getProperty: guard((o, p) => (o !== null ? o[p] : globalOf(p))),
        setProperty: (o, p, v) => {
          (o !== null ? o : globalThis)[p] = v;
        },
        instanceOf: (o, C) => o instanceof C,
        callFunction0: call, callFunction1: call, callFunction2: call, callFunction3: call,
        callMethod0: method, callMethod1: method, callMethod2: method, callMethod3: method,
        construct0: construct, construct1: construct, construct2: construct, construct3: construct,
        createFunction0: body, createFunction1: body, createFunction2: body, createFunction3: body,
        defineFunction: exported,
        defineStaticMethod: (C, name, f, vararg) => {
          C[name] = exported(f, vararg);
        },
        // JS objects for Java objects (none constructed from JS: no exportClass)
        createClass: (name, parent) => {
          const C = function (j) {
            this[JAVA] = j;
          };
          if (parent !== null) C.prototype = Object.create(parent.prototype);
          return C;
        },
        javaObjectToJS: (j, C) => {
          if (j === null) return null;
          let o = jsObjects.get(j);
          if (o === undefined) jsObjects.set(j, (o = new C(j)));
          return o;
        },
        unwrapJavaObject: (o) => o[JAVA],
        wrapObject: (o) => {
          if (o === null) return null;
          if (Object(o) !== o) return x['teavm.jso.createWrapper'](o);
          let j = o[JAVA];
          if (j === undefined && (j = javaWrappers.get(o)) === undefined) {
            javaWrappers.set(o, (j = x['teavm.jso.createWrapper'](o)));
          }
          return j;
        },
      },
    };
    const instance = await W.instantiate(module, imports);
    x = instance.exports;
    const exports = {};
    for (const k in x) if (x[k] instanceof W.Global) exports[k] = x[k].value;
    return { exports: exports, instance: instance, module: module };
  }

  const ns = (globalThis.TeaVM = globalThis.TeaVM || {});
  ns.wasmGC = { load: load };
})();
