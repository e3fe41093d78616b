package org.broadsheet.search;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Related articles over a built index, {@link RelatedLists} against what Broadsheet did before (one
 * MoreLikeThis query per article, run here as it was): CPU and wall seconds, how many articles get
 * 0..4 related, and the share of related pairs whose articles share a topic (the {@code topics:} or
 * {@code tags:} line of the Markdown front matter). Run by {@code bench/related.sh}; not a test. In
 * this package to try other {@link RelatedLists.Tuning}s.
 *
 * <pre>RelatedBench INDEX_DIR CONTENT_DIR [old] [print] [TERMS MIN_SHARED FLOOR STRONGEST]...</pre>
 */
public final class RelatedBench {
  private static final int COUNT = 4;
  private static final Pattern ID = Pattern.compile("(?m)^id:\\s*\"?([^\"\\n]+)\"?\\s*$");
  private static final Pattern TOPICS =
      Pattern.compile("(?m)^(?:topics|tags):\\s*\\[([^\\]\\n]*)\\]");

  private RelatedBench() {}

  public static void main(String[] args) throws IOException {
    Map<String, Set<String>> topics = topics(Path.of(args[1]));
    List<String> flags = new ArrayList<>();
    List<RelatedLists.Tuning> tunings = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("old") || args[i].equals("print")) {
        flags.add(args[i]);
      } else {
        tunings.add(
            new RelatedLists.Tuning(
                Integer.parseInt(args[i]),
                Integer.parseInt(args[i + 1]),
                Float.parseFloat(args[i + 2]),
                Integer.parseInt(args[i + 3])));
        i += 3;
      }
    }
    if (tunings.isEmpty()) {
      tunings.add(RelatedLists.Tuning.DEFAULT);
    }
    try (FSDirectory dir = FSDirectory.open(Path.of(args[0]));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexInfo info = IndexInfo.read(reader);
      List<String> ids =
          Arrays.stream(RelatedLists.ids(reader)).filter(id -> id != null).sorted().toList();
      System.out.printf(
          "%d articles, %d with topics%n",
          ids.size(),
          ids.stream().filter(id -> !topics.getOrDefault(id, Set.of()).isEmpty()).count());
      Map<String, List<String>> before = null;
      if (flags.contains("old")) {
        long[] start = {cpu(), System.nanoTime()};
        before = moreLikeThis(reader, info);
        report(
            "MoreLikeThis, one query per article, one thread",
            start,
            ids,
            before::get,
            topics,
            null);
      }
      for (RelatedLists.Tuning tuning : tunings) {
        for (int round = 1; round <= 3; round++) {
          long[] start = {cpu(), System.nanoTime()};
          RelatedLists lists = RelatedLists.compute(reader, info, COUNT, tuning);
          if (round == 1 || round == 3) {
            report(
                (round == 1 ? "first run " : "third run ") + tuning,
                start,
                ids,
                lists::of,
                topics,
                before);
          }
          if (round == 3 && flags.contains("print")) {
            ids.forEach(id -> System.out.println(id + " -> " + lists.of(id)));
          }
        }
      }
    }
  }

  /**
   * The related articles as Broadsheet found them before: MoreLikeThis over each article's stored
   * text.
   */
  private static Map<String, List<String>> moreLikeThis(IndexReader reader, IndexInfo info)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    searcher.setSimilarity(SearchSchema.similarity());
    StoredFields stored = reader.storedFields();
    Map<String, MoreLikeThis> likes = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    for (int d = 0; d < reader.maxDoc(); d++) {
      Document doc = stored.document(d);
      IndexLanguage language = info.languageOf(doc.get(SearchSchema.LANG)).orElseThrow();
      String field = language.field(SearchSchema.TEXT);
      MoreLikeThis mlt = likes.get(field);
      if (mlt == null) {
        mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(language.analyzer());
        mlt.setFieldNames(new String[] {field});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreq(
            Math.max(5, (language.isSite() ? reader.numDocs() : reader.getDocCount(field)) / 5));
        mlt.setMaxQueryTerms(15);
        likes.put(field, mlt);
      }
      String title = doc.get(language.field(SearchSchema.TITLE));
      BooleanQuery query =
          new BooleanQuery.Builder()
              .add(
                  mlt.like(
                      field,
                      new StringReader(title + "\n" + title + "\n" + doc.get(SearchSchema.BODY))),
                  Occur.MUST)
              .add(
                  new TermQuery(new Term(SearchSchema.ID, doc.get(SearchSchema.ID))),
                  Occur.MUST_NOT)
              .build();
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, COUNT).scoreDocs) {
        ids.add(stored.document(hit.doc, Set.of(SearchSchema.ID)).get(SearchSchema.ID));
      }
      lists.put(doc.get(SearchSchema.ID), ids);
    }
    return lists;
  }

  private static void report(
      String name,
      long[] start,
      List<String> ids,
      Function<String, List<String>> of,
      Map<String, Set<String>> topics,
      Map<String, List<String>> before) {
    double cpu = (cpu() - start[0]) / 1e9;
    double wall = (System.nanoTime() - start[1]) / 1e9;
    int[] sizes = new int[COUNT + 1];
    int pairs = 0;
    int topical = 0;
    int same = 0;
    for (String id : ids) {
      List<String> related = of.apply(id);
      sizes[related.size()]++;
      Set<String> mine = topics.getOrDefault(id, Set.of());
      for (String other : related) {
        Set<String> theirs = topics.getOrDefault(other, Set.of());
        if (!mine.isEmpty() && !theirs.isEmpty()) {
          pairs++;
          topical += theirs.stream().anyMatch(mine::contains) ? 1 : 0;
        }
        same += before != null && before.get(id).contains(other) ? 1 : 0;
      }
    }
    System.out.printf(
        "%s: %.2f CPU-s, %.2f s wall; articles with 0..%d related %s; pairs sharing a topic "
            + "%d/%d = %.3f%s%n",
        name,
        cpu,
        wall,
        COUNT,
        Arrays.toString(sizes),
        topical,
        pairs,
        pairs == 0 ? 0 : (double) topical / pairs,
        before == null ? "" : "; pairs MoreLikeThis listed too " + same);
  }

  /**
   * Topics by article id (the file name when the front matter has no id), from the front matter.
   */
  private static Map<String, Set<String>> topics(Path content) throws IOException {
    Map<String, Set<String>> topics = new HashMap<>();
    try (Stream<Path> files = Files.walk(content)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        String text = Files.readString(f);
        String head = text.substring(0, Math.min(text.length(), 2000));
        Matcher id = ID.matcher(head);
        Matcher t = TOPICS.matcher(head);
        Set<String> set = new HashSet<>();
        for (String topic : t.find() ? t.group(1).split(",") : new String[0]) {
          String s = topic.strip().replace("\"", "").replace("'", "");
          if (!s.isEmpty()) {
            set.add(s);
          }
        }
        topics.put(id.find() ? id.group(1) : f.getFileName().toString().replace(".md", ""), set);
      }
    }
    return topics;
  }

  /** CPU time of the whole process, every thread. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
