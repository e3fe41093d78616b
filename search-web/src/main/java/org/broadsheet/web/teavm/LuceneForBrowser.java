package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ClassReader;
import org.teavm.model.ElementModifier;
import org.teavm.model.FieldHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReader;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.NullConstantInstruction;
import org.teavm.model.instructions.PutFieldInstruction;

/**
 * A compile-time rewrite, inside the TeaVM compiler, of the few Lucene call sites that use JDK APIs
 * TeaVM lacks. No Lucene source is copied: the jars stay as published, and only these calls change:
 *
 * <ul>
 *   <li>{@code BitUtil.VH_LE_INT.get(bytes, offset)} and the other byte-array {@code VarHandle}s
 *       become static calls into {@link org.broadsheet.web.jdk.ByteArrayView} (same arguments);
 *       {@code BitUtil}'s {@code MethodHandles.byteArrayViewVarHandle} fields are dropped.
 *   <li>calls to JDK methods TeaVM's class library does not have (ranged {@code Arrays.compare*},
 *       {@code Class.isAnonymousClass}, ...) go to same-named static methods of {@code
 *       org.broadsheet.web.jdk.*Compat}, the receiver (if any) becoming the first argument.
 *   <li>a few Lucene methods whose JVM-only bodies (module layer, MethodHandles, threads) cannot
 *       run in a browser are redirected to {@link org.broadsheet.web.jdk.LuceneCompat}.
 * </ul>
 */
public final class LuceneForBrowser implements ClassHolderTransformer {
  private static final String BIT_UTIL = "org.apache.lucene.util.BitUtil";
  private static final String BYTE_VIEW = "org.broadsheet.web.jdk.ByteArrayView";
  private static final String JDK = "org.broadsheet.web.jdk.";
  private static final String EMPTY = "EMPTY";
  private static final String UNICODE_UTIL = "org.apache.lucene.util.UnicodeUtil";
  private static final String BYTES_REF = "org.apache.lucene.util.BytesRef";
  private static final String INDEX_SEARCHER = "org.apache.lucene.search.IndexSearcher";

  /** "class.method" of a JDK method TeaVM lacks -> the class that supplies it. */
  private static final Map<String, String> JDK_GAPS =
      Map.of(
          "java.util.Arrays.compareUnsigned", JDK + "ArraysCompat",
          "java.util.Arrays.compare", JDK + "ArraysCompat",
          "java.util.Arrays.equals", JDK + "ArraysCompat",
          "java.lang.Class.isAnonymousClass", JDK + "ClassCompat",
          "java.lang.Runtime.maxMemory", JDK + "ClassCompat");

  /**
   * "class.method" of a method called from Lucene -> the class with a same-named static method that
   * replaces it. {@code String.format} only builds exception messages here, and the JDK's Formatter
   * would pull {@code BigDecimal}, {@code DecimalFormat} and locale data into the runtime. {@code
   * System.getProperty} (only Lucene's {@code Constants} and two static flags ask) would build
   * TeaVM's property table, a {@code Properties} over a {@code Hashtable}, for the same answers.
   */
  private static final Map<String, String> LUCENE_REDIRECTS =
      Map.of(
          "java.lang.String.format", JDK + "LuceneCompat",
          "java.lang.System.getProperty", JDK + "LuceneCompat");

  /**
   * "class.method" of a Lucene method whose body is replaced: by nothing ({@code EMPTY}: a static
   * initialiser that only probes the JVM), or by a call to "class#method", a static method taking
   * the receiver (if any) and then the original arguments. A key ending in "/n" names only the
   * overload with n parameters.
   */
  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry(
              "org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat.fieldsReader",
              JDK + "LuceneCompat#noVectors"),
          Map.entry("org.apache.lucene.util.HotspotVMOptions.<clinit>", EMPTY),
          Map.entry("org.apache.lucene.util.HotspotVMOptions.get", JDK + "LuceneCompat#vmOption"),
          Map.entry(
              "org.apache.lucene.internal.vectorization.VectorizationProvider.<clinit>", EMPTY),
          Map.entry(
              "org.apache.lucene.internal.vectorization.VectorizationProvider.getInstance",
              "org.apache.lucene.internal.vectorization.BrowserVectorization#provider"),
          Map.entry(
              "org.apache.lucene.util.AttributeFactory$DefaultAttributeFactory.createAttributeInstance",
              JDK + "BrowserAttributes#create"),
          Map.entry(
              "org.apache.lucene.util.AttributeFactory.getStaticImplementation",
              JDK + "BrowserAttributes#staticImplementation"),
          Map.entry("org.apache.lucene.search.LRUQueryCache.doCache", JDK + "LuceneCompat#noCache"),
          Map.entry("org.apache.lucene.util.VirtualMethod.<init>", EMPTY),
          Map.entry(
              "org.apache.lucene.util.VirtualMethod.compareImplementationDistance",
              JDK + "LuceneCompat#sameDistance"),
          // what follows only keeps code out of the runtime: each is JVM-only or write-only
          // the codec-file-name regex (all of java.util.regex) checks names on write; reading never
          // needs it
          Map.entry("org.apache.lucene.index.IndexFileNames.<clinit>", EMPTY),
          Map.entry("org.apache.lucene.index.SegmentInfo.checkFileNames", EMPTY),
          // random segment ids (BigInteger, /dev/urandom) are for writing; the hash seed stays 0
          Map.entry("org.apache.lucene.util.StringHelper.<clinit>", EMPTY),
          // a segment id for exception messages: base 36 needs BigInteger
          Map.entry(
              "org.apache.lucene.util.StringHelper.idToString", JDK + "LuceneCompat#idToString"),
          // BEST_COMPRESSION stored fields (zlib); the shipped index uses BEST_SPEED (LZ4)
          Map.entry(
              "org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode$DeflateWithPresetDictDecompressor.decompress",
              JDK + "LuceneCompat#noDeflate"),
          // the shipped index has no term vectors, binary or sorted-numeric doc values
          // (SearchSchema)
          Map.entry(
              "org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingTermVectorsFormat.vectorsReader",
              JDK + "LuceneCompat#notShipped"),
          // impacts serve only ScoreMode.TOP_SCORES, which no Broadsheet search uses (see
          // NEVER_CONSTRUCTED)
          Map.entry(
              "org.apache.lucene.codecs.lucene912.Lucene912PostingsReader.impacts",
              JDK + "LuceneCompat#notShipped"),
          // no points either (the date filter is a doc-values range), so no BKD reader
          Map.entry(
              "org.apache.lucene.codecs.lucene90.Lucene90PointsFormat.fieldsReader",
              JDK + "LuceneCompat#notShipped"),
          // index sorts on sorted-numeric or sorted-set fields: Broadsheet's index sorts on a long
          // and a string field (SearchIndexWriter), which SortField's own provider reads
          Map.entry(
              "org.apache.lucene.search.SortedNumericSortField$Provider.readSortField",
              JDK + "LuceneCompat#notShipped"),
          Map.entry(
              "org.apache.lucene.search.SortedSetSortField$Provider.readSortField",
              JDK + "LuceneCompat#notShipped"),
          // logs that a system property could not be read (java.util.logging); the browser has
          // no security manager
          Map.entry("org.apache.lucene.util.Constants.logSecurityWarning", EMPTY),
          // an exact phrase's impacts, read only for ScoreMode.TOP_SCORES
          Map.entry(
              "org.apache.lucene.search.ExactPhraseMatcher$1.getImpacts",
              JDK + "LuceneCompat#notShipped"),
          Map.entry(
              "org.apache.lucene.codecs.lucene90.Lucene90DocValuesProducer.getBinary",
              JDK + "LuceneCompat#notShipped"),
          Map.entry(
              "org.apache.lucene.codecs.lucene90.Lucene90DocValuesProducer.getSortedNumeric",
              JDK + "LuceneCompat#notShipped"),
          // single-threaded: one value per CloseableThreadLocal, no weak references or thread map
          Map.entry("org.apache.lucene.util.CloseableThreadLocal.<init>", EMPTY),
          Map.entry(
              "org.apache.lucene.util.CloseableThreadLocal.get",
              "org.apache.lucene.util.BrowserThreadLocals#get"),
          Map.entry(
              "org.apache.lucene.util.CloseableThreadLocal.set",
              "org.apache.lucene.util.BrowserThreadLocals#set"),
          Map.entry(
              "org.apache.lucene.util.CloseableThreadLocal.close",
              "org.apache.lucene.util.BrowserThreadLocals#close"),
          // postings blocks: one loop for every bit width instead of Lucene's unrolled decoder
          // per width (ForUtil.decode1..24, ForDeltaUtil's decodeXToY and prefix sums)
          Map.entry(
              "org.apache.lucene.codecs.lucene912.ForUtil.decode", JDK + "PackedBlocks#decode"),
          Map.entry(
              "org.apache.lucene.codecs.lucene912.ForDeltaUtil.decodeAndPrefixSum/4",
              JDK + "PackedBlocks#decodeAndPrefixSum"),
          // TimSorter (phrase and conjunction clauses): the JDK's stable sort gives the same order
          Map.entry("org.apache.lucene.util.ArrayUtil.timSort/4", JDK + "LuceneCompat#stableSort"),
          Map.entry(
              "org.apache.lucene.util.CollectionUtil.timSort/2", JDK + "LuceneCompat#stableSort"),
          // the searcher's tasks (per slice, per leaf for term statistics) run one after another
          Map.entry(
              "org.apache.lucene.search.TaskExecutor.invokeAll", JDK + "LuceneCompat#invokeAll"),
          // ForUtil's masks are read only by the decoders and the writer, none of them compiled in
          Map.entry("org.apache.lucene.codecs.lucene912.ForUtil.<clinit>", EMPTY),
          // RAM accounting by reflection over a class's fields (java.lang.reflect)
          Map.entry(
              "org.apache.lucene.util.RamUsageEstimator.shallowSizeOfInstance",
              JDK + "LuceneCompat#shallowSizeOfInstance"),
          // DecimalFormat, for toString() of caches and readers
          Map.entry(
              "org.apache.lucene.util.RamUsageEstimator.humanReadableUnits",
              JDK + "LuceneCompat#humanReadableUnits"));

  private static final Set<String> TO_NULL =
      Set.of(
          "java.lang.invoke.MethodHandles.byteArrayViewVarHandle",
          "java.lang.invoke.MethodHandles.publicLookup",
          "java.lang.invoke.MethodType.methodType");

  /**
   * Lucene classes that no search of ArchiveSearch ever creates: the scorers only used for {@code
   * ScoreMode.TOP_SCORES} (every Broadsheet search counts its hits exactly, so scores COMPLETE;
   * WANDScorer also serves a minimum-should-match above 1, which no Broadsheet query sets) and the
   * matcher for sloppy phrases (Broadsheet's phrases are exact); and the query a doc-values range
   * from {@code Long.MIN_VALUE} to {@code Long.MAX_VALUE} rewrites to (ArchiveSearch's date filter
   * has at least one bound that is a day: SearchRequest takes only real dates). Each {@code new} of
   * one becomes a call that throws, so none of their code is compiled in. ReutersParityTest runs
   * every query shape through them.
   */
  private static final Set<String> NEVER_CONSTRUCTED =
      Set.of(
          "org.apache.lucene.search.MaxScoreBulkScorer",
          "org.apache.lucene.search.BlockMaxConjunctionScorer",
          "org.apache.lucene.search.BlockMaxConjunctionBulkScorer",
          "org.apache.lucene.search.SloppyPhraseMatcher",
          "org.apache.lucene.search.WANDScorer",
          "org.apache.lucene.search.FieldExistsQuery");

  /**
   * JDK classes a Lucene class creates -> the class it creates instead. The browser's one thread
   * keeps its readers for the whole page, so a reader's set of parents needs no weak keys (and
   * {@code WeakReference.get} does not validate in WasmGC compact mode). The runtime's identity
   * maps (per-field readers and doc-values producers, the sizes of primitive classes) are keyed by
   * objects whose {@code equals} is identity and used only through {@code Map}, so a {@code
   * HashMap} answers the same, and {@code IdentityHashMap}'s own table stays out of the module.
   */
  private static final Map<String, String> CONSTRUCTED_INSTEAD =
      Map.of(
          "java.util.WeakHashMap", "java.util.HashMap",
          "java.util.IdentityHashMap", "java.util.HashMap");

  private static final Set<String> RANGED_ONLY = Set.of("java.util.Arrays.equals");

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (cls.getName().equals("java.lang.Double")) {
      // only exception messages print a double in the runtime (scores are floats: Float.toString);
      // TeaVM's exact Double.toString needs a 9 KB table
      for (MethodHolder method : cls.getMethods()) {
        if (method.getName().equals("toString")
            && method.parameterCount() == 1
            && method.hasModifier(ElementModifier.STATIC)) {
          replaceBody(method, JDK + "LuceneCompat#doubleText", context);
        }
      }
      return;
    }
    if (cls.getName().equals("java.lang.Object") || cls.getName().equals("java.lang.Class")) {
      // each class that may reach Object.toString() or Class.cast kept its name for their
      // getClass().getName()
      for (MethodHolder method : cls.getMethods()) {
        boolean toString = method.getName().equals("toString") && method.parameterCount() == 0;
        boolean cast = method.getName().equals("cast") && method.parameterCount() == 1;
        if (method.getProgram() != null
            && ((toString && cls.getName().equals("java.lang.Object"))
                || (cast && cls.getName().equals("java.lang.Class")))) {
          replaceBody(
              method, JDK + (toString ? "LuceneCompat#objectText" : "LuceneCompat#cast"), context);
        }
      }
      return;
    }
    if (cls.getName().equals("java.lang.Character")) {
      // TeaVM's isWhitespace(int) decodes the whole Unicode category table; the char overload
      // calls this one
      MethodHolder isWhitespace =
          cls.getMethod(new MethodDescriptor("isWhitespace", int.class, boolean.class));
      if (isWhitespace != null && isWhitespace.getProgram() != null) {
        replaceBody(isWhitespace, JDK + "LuceneCompat#isWhitespace", context);
      }
      return;
    }
    if ("java.lang.Record".equals(cls.getParent()) && cls.getName().startsWith("org.broadsheet.")) {
      // Broadsheet's records (hits, requests, clauses, languages) are never printed in the
      // browser: its answers are JsonWriter's; their generated toString kept every field's name
      for (MethodHolder method : cls.getMethods()) {
        if (method.getName().equals("toString") && method.parameterCount() == 0) {
          replaceBody(method, JDK + "LuceneCompat#objectText", context);
        }
      }
      return;
    }
    if (!cls.getName().startsWith("org.apache.lucene.")) {
      return;
    }
    if (cls.getName().equals(UNICODE_UTIL)) {
      // its two tables, built without the stream (and lambda) Lucene builds one with
      MethodHolder init = cls.getMethod(new MethodDescriptor("<clinit>", void.class));
      ProgramEmitter pe = ProgramEmitter.create(init, context.getHierarchy());
      pe.setField(
          UNICODE_UTIL,
          "BIG_TERM",
          pe.invoke(JDK + "LuceneCompat", "bigTerm", ValueType.object(BYTES_REF)));
      pe.setField(
          UNICODE_UTIL,
          "utf8CodeLength",
          pe.invoke(JDK + "LuceneCompat", "utf8CodeLength", ValueType.parse(int[].class)));
      pe.exit();
    }
    if (cls.getName().equals(INDEX_SEARCHER)) {
      // no default query cache or caching policy: the runtime sets none (BrowserSession), and
      // building them compiled in the cache's maps, locks and counters and the policy's ring buffer
      MethodHolder init = cls.getMethod(new MethodDescriptor("<clinit>", void.class));
      ProgramEmitter pe = ProgramEmitter.create(init, context.getHierarchy());
      pe.setField(INDEX_SEARCHER, "maxClauseCount", pe.constant(1024));
      pe.setField(
          INDEX_SEARCHER,
          "defaultSimilarity",
          pe.construct("org.apache.lucene.search.similarities.BM25Similarity"));
      pe.exit();
    }
    for (MethodHolder method : cls.getMethods()) {
      if ((cls.getName().equals(UNICODE_UTIL) || cls.getName().equals(INDEX_SEARCHER))
          && method.getName().equals("<clinit>")) {
        continue;
      }
      String body =
          BODIES.getOrDefault(
              cls.getName() + "." + method.getName() + "/" + method.parameterCount(),
              BODIES.get(cls.getName() + "." + method.getName()));
      if (cls.getName().equals("org.apache.lucene.index.Term")
          && method.getName().equals("toString")
          && method.hasModifier(ElementModifier.STATIC)) {
        // the term as text, else its hex, which Lucene tells apart with a reporting CharsetDecoder
        replaceBody(method, "org.broadsheet.web.jdk.Utf8Text#termText", context);
      } else if (isDescription(cls.getName(), method)) {
        replaceBody(
            method,
            JDK
                + (method.parameterCount() == 0
                    ? "LuceneCompat#objectText"
                    : "LuceneCompat#noText"),
            context);
      } else if (FoldingTable.isFold(cls.getName(), method)) {
        FoldingTable.replace(method, context);
      } else if (body != null) {
        replaceBody(method, body, context);
      } else if (method.getProgram() != null) {
        rewrite(method.getProgram(), context);
      }
    }
    if (cls.getName().equals(BIT_UTIL)) {
      List<FieldHolder> handles = new ArrayList<>();
      cls.getFields()
          .forEach(
              f -> {
                if (f.getName().startsWith("VH_")) {
                  handles.add(f);
                }
              });
      handles.forEach(cls::removeField);
    }
  }

  private void rewrite(Program program, ClassHolderTransformerContext context) {
    Map<Variable, GetFieldInstruction> handleReads = new HashMap<>();
    List<Instruction> todo = new ArrayList<>();
    for (int b = 0; b < program.basicBlockCount(); b++) {
      BasicBlock block = program.basicBlockAt(b);
      for (Instruction insn : block) {
        if (insn instanceof GetFieldInstruction get
            && isHandle(get.getField().getClassName(), get.getField().getFieldName())) {
          handleReads.put(get.getReceiver(), get);
        } else if (insn instanceof PutFieldInstruction put
            && isHandle(put.getField().getClassName(), put.getField().getFieldName())) {
          todo.add(insn);
        } else if (insn instanceof InvokeInstruction) {
          todo.add(insn);
        } else if (insn instanceof ConstructInstruction c
            && (NEVER_CONSTRUCTED.contains(c.getType())
                || CONSTRUCTED_INSTEAD.containsKey(c.getType()))) {
          todo.add(insn);
        }
      }
    }
    Set<Variable> neverBuilt = new HashSet<>();
    Map<Variable, String> builtInstead = new HashMap<>();
    for (Instruction insn : todo) {
      if (insn instanceof PutFieldInstruction) {
        insn.delete();
        continue;
      }
      if (insn instanceof ConstructInstruction c && CONSTRUCTED_INSTEAD.containsKey(c.getType())) {
        c.setType(CONSTRUCTED_INSTEAD.get(c.getType()));
        builtInstead.put(c.getReceiver(), c.getType());
        continue;
      }
      if (insn instanceof InvokeInstruction init
          && builtInstead.containsKey(init.getInstance())
          && init.getMethod().getName().equals("<init>")) {
        init.setMethod(
            new MethodReference(
                builtInstead.get(init.getInstance()), init.getMethod().getDescriptor()));
        continue;
      }
      if (insn instanceof ConstructInstruction c) {
        neverBuilt.add(c.getReceiver());
        NullConstantInstruction none = new NullConstantInstruction();
        none.setReceiver(c.getReceiver());
        none.setLocation(c.getLocation());
        c.replace(none);
        continue;
      }
      if (insn instanceof InvokeInstruction init
          && neverBuilt.contains(init.getInstance())
          && init.getMethod().getName().equals("<init>")) {
        InvokeInstruction fail = new InvokeInstruction();
        fail.setType(InvocationType.SPECIAL);
        fail.setMethod(
            new MethodReference(JDK + "LuceneCompat", "neverConstructed", ValueType.VOID));
        fail.setLocation(init.getLocation());
        init.replace(fail);
        continue;
      }
      InvokeInstruction call = (InvokeInstruction) insn;
      MethodReference target = call.getMethod();
      String key = target.getClassName() + "." + target.getName();
      if (target.getClassName().equals("java.lang.invoke.VarHandle")) {
        GetFieldInstruction handle = handleReads.get(call.getInstance());
        if (handle == null) {
          throw new IllegalStateException("VarHandle call with an unknown handle in " + program);
        }
        MethodReference helper =
            new MethodReference(
                BYTE_VIEW,
                new MethodDescriptor(
                    handle.getField().getFieldName() + "_" + target.getName(),
                    target.getSignature()));
        replaceWithStatic(call, helper, false);
        if (handle.getBasicBlock() != null) {
          handle.delete();
        }
      } else if (TO_NULL.contains(key)) {
        NullConstantInstruction none = new NullConstantInstruction();
        none.setReceiver(call.getReceiver());
        none.setLocation(call.getLocation());
        call.replace(none);
      } else if (JDK_GAPS.containsKey(key)
          && !(RANGED_ONLY.contains(key) && target.parameterCount() != 6)
          && !exists(context, target)) {
        replaceWithStatic(call, redirected(JDK_GAPS.get(key), call), call.getInstance() != null);
      } else if (LUCENE_REDIRECTS.containsKey(key)) {
        replaceWithStatic(
            call, redirected(LUCENE_REDIRECTS.get(key), call), call.getInstance() != null);
      }
    }
  }

  static void replaceBody(MethodHolder method, String body, ClassHolderTransformerContext context) {
    ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
    if (body.equals(EMPTY)) {
      pe.exit();
      return;
    }
    String owner = body.substring(0, body.indexOf('#'));
    String name = body.substring(body.indexOf('#') + 1);
    int first = method.hasModifier(ElementModifier.STATIC) ? 1 : 0;
    int arity = method.parameterCount() + 1 - first;
    ClassReader cls = context.getHierarchy().getClassSource().get(owner);
    MethodReader target =
        cls == null
            ? null
            : cls.getMethods().stream()
                .filter(m -> m.getName().equals(name) && m.parameterCount() == arity)
                .findFirst()
                .orElse(null);
    if (target == null) {
      throw new IllegalStateException(
          "replacement " + body + " with " + arity + " parameters not found");
    }
    List<ValueEmitter> args = new ArrayList<>();
    for (int i = first; i <= method.parameterCount(); i++) {
      ValueType type =
          i == 0 ? ValueType.object(method.getOwnerName()) : method.parameterType(i - 1);
      args.add(pe.var(i, type));
    }
    ValueEmitter result = pe.invoke(target.getReference(), args.toArray(new ValueEmitter[0]));
    if (method.getResultType() == ValueType.VOID) {
      pe.exit();
    } else if (!target.getResultType().equals(method.getResultType())) {
      result
          .cast(method.getResultType())
          .returnValue(); // a generic stand-in returns Object: WasmGC wants the type
    } else {
      result.returnValue();
    }
  }

  /**
   * Whether {@code method} is a Lucene class's {@code toString()} (or a query's {@code
   * toString(field)}) that only describes the object: for exception messages (already empty, see
   * NoExceptionMessages), debugging and explanations. None reaches a search's answer. TeaVM cannot
   * tell which objects reach {@code String.valueOf(Object)} (Lucene's maps and sets mix their key
   * types), so every such method was compiled in, with its strings: queries, sorts, readers,
   * segment infos, FST arcs. Left alone: analysis (a term attribute's text is its {@code toString})
   * and the highlighter (a fragment's text is its {@code toString}).
   */
  static boolean isDescription(String owner, MethodReader method) {
    return method.getName().equals("toString")
        && !method.hasModifier(ElementModifier.STATIC)
        && method.getProgram() != null
        && method.getResultType().isObject("java.lang.String")
        && (method.parameterCount() == 0
            || (method.parameterCount() == 1
                && method.parameterType(0).isObject("java.lang.String")))
        && owner.startsWith("org.apache.lucene.")
        && !owner.startsWith("org.apache.lucene.analysis.")
        && !owner.startsWith("org.apache.lucene.search.highlight.")
        && !owner.equals("org.apache.lucene.util.CharsRef")
        && !owner.equals("org.apache.lucene.util.BytesRef");
  }

  private static boolean isHandle(String owner, String field) {
    return owner.equals(BIT_UTIL) && field.startsWith("VH_");
  }

  private static boolean exists(ClassHolderTransformerContext context, MethodReference method) {
    ClassReader cls = context.getHierarchy().getClassSource().get(method.getClassName());
    return cls != null && cls.getMethod(method.getDescriptor()) != null;
  }

  /** The same method on {@code owner}, static; an instance call's receiver becomes argument 0. */
  private static MethodReference redirected(String owner, InvokeInstruction call) {
    MethodReference m = call.getMethod();
    if (call.getInstance() == null) {
      return new MethodReference(owner, m.getDescriptor());
    }
    ValueType[] sig = m.getSignature();
    ValueType[] withThis = new ValueType[sig.length + 1];
    withThis[0] = ValueType.object(m.getClassName());
    System.arraycopy(sig, 0, withThis, 1, sig.length);
    return new MethodReference(owner, m.getName(), withThis);
  }

  private static void replaceWithStatic(
      InvokeInstruction call, MethodReference target, boolean receiverFirst) {
    List<Variable> args = new ArrayList<>();
    if (receiverFirst) {
      args.add(call.getInstance());
    }
    args.addAll(call.getArguments());
    InvokeInstruction direct = new InvokeInstruction();
    direct.setType(InvocationType.SPECIAL);
    direct.setMethod(target);
    direct.setArguments(args.toArray(new Variable[0]));
    direct.setReceiver(call.getReceiver());
    direct.setLocation(call.getLocation());
    call.replace(direct);
  }
}
