package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Broadsheet's search, the one piece of code behind the command line, the preview server and the
 * browser: it turns the user's text into a Lucene query, filters, sorts, counts facets and cuts
 * snippets.
 *
 * <p>Compiled for the browser by TeaVM, so it touches no files, threads or reflection: the reader
 * (over any {@code Directory}) is handed in.
 *
 * <p>Query language: plain words, {@code "exact phrases"}, {@code -excluded} words or phrases,
 * {@code prefix*}. Words are optional: a story ranks by BM25 over the words it holds (a word typed
 * twice weighs twice), so a long question still finds the stories that answer most of it, and a
 * query of more than {@value #SHORT_QUERY_WORDS} words leaves out the language's common words (see
 * {@link SearchSchema#longQueryStopwords}). Phrases and prefixes are required in a query of up to
 * {@value #SHORT_QUERY_WORDS} words; when that finds nothing, and always in a longer query (where
 * quotation marks in a pasted question quote rather than filter), they count as optional too, a
 * phrase also scoring by its words, so a query never comes back empty while any of its words
 * matches. Malformed syntax (an unclosed quote, a lone {@code -}) is read as plain words. A
 * repeated phrase or prefix counts once, and only the first {@value #MAX_CLAUSES} distinct clauses
 * that mean something (stop words aside) are used, so a pasted article searches by its opening
 * instead of failing on Lucene's clause limit; a phrase likewise keeps its first {@value
 * #MAX_PHRASE_TERMS} words. Every clause is scored over {@code text} (title and body), with a light
 * extra weight for the title and the byline (dateline, source, authors); see {@link SearchSchema}.
 *
 * <p>An index with articles in several languages ({@link IndexInfo#languages()}) has each
 * language's in its own fields: each clause is analysed once per language and queried on that
 * language's fields, and since an article has only its own language's fields it scores exactly as
 * it would in an index of its language alone, so the languages merge into one ranking. A site with
 * one language builds the very query it did before.
 */
public final class ArchiveSearch {
  /** Queries of up to this many words keep every word; longer ones drop common words. */
  static final int SHORT_QUERY_WORDS = 3;

  /**
   * Three Lucene clauses each (text, title, byline) in each language: far below the 1024 nested
   * clauses Lucene allows, as the budget is shared out among the index's languages.
   */
  static final int MAX_CLAUSES = 64;

  /**
   * A longer phrase (a pasted paragraph in quotes) matches by its first words; each term costs a
   * lookup.
   */
  static final int MAX_PHRASE_TERMS = 64;

  private static final int FRAGMENT_CHARS = 200;

  private final IndexSearcher searcher;

  /** The index's languages, the site's first. */
  private final List<QueryLanguage> languages;

  /**
   * Searches {@code reader}, an index {@link SearchIndexWriter} wrote for a site in {@code
   * language}.
   */
  public ArchiveSearch(IndexReader reader, String language) {
    this(reader, IndexInfo.of(language));
  }

  /**
   * Searches {@code reader} as {@code info} (what the index says of itself, {@link IndexInfo#read})
   * tells.
   */
  public ArchiveSearch(IndexReader reader, IndexInfo info) {
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.searcher.setSimilarity(SearchSchema.similarity());
    this.languages = new ArrayList<>();
    info.languages().forEach(language -> languages.add(new QueryLanguage(language)));
  }

  public SearchResults search(SearchRequest request) throws IOException {
    return results(request, rank(request));
  }

  /**
   * The hits (from the request's offset), snippets and facets of {@code ranking}. {@code
   * search(request)} is {@code results(request, rank(request))}; the browser, which runs a request
   * again after each round of page loads, keeps a ranking that read every page it needed and only
   * repeats this part.
   */
  public SearchResults results(SearchRequest request, Ranking ranking) throws IOException {
    Query used = ranking.query();
    TopDocs top = ranking.top();
    List<SearchHit> hits = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    Map<QueryLanguage, Highlighter> highlighters = new HashMap<>();
    for (int i = request.offset(); i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      StoredText doc = new StoredText();
      stored.document(sd.doc, doc);
      QueryLanguage language = languageOf(doc);
      Highlighter highlighter = highlighters.computeIfAbsent(language, l -> highlighter(used, l));
      hits.add(
          new SearchHit(
              doc.get(SearchSchema.ID),
              doc.get(language.field(SearchSchema.TITLE)),
              doc.get(SearchSchema.URL),
              orEmpty(doc.get(SearchSchema.DATE)),
              sd.score,
              snippet(highlighter, language, doc)));
    }
    List<FacetCount> facets = request.facets() ? Facets.count(searcher, used) : List.of();
    return new SearchResults(top.totalHits.value, hits, facets);
  }

  /**
   * The query a search runs (the strict one, or the relaxed one when that finds nothing) and its
   * top documents up to {@code offset + limit}; {@link SearchExplainer} explains hits with it.
   */
  public Ranking rank(SearchRequest request) throws IOException {
    List<Clause> clauses = parse(request.query());
    Query strict = filtered(textQuery(clauses, false), request);
    int wanted = request.offset() + request.limit();
    TopDocs top = run(strict, wanted, request.sort());
    if (top.totalHits.value == 0 && requiresSome(clauses)) {
      Query relaxed = filtered(textQuery(clauses, true), request);
      return new Ranking(relaxed, run(relaxed, wanted, request.sort()), true);
    }
    return new Ranking(strict, top, false);
  }

  /** What {@link #rank} found; {@code relaxed}: phrases and prefixes were made optional. */
  public record Ranking(Query query, TopDocs top, boolean relaxed) {}

  /** The searcher every search runs on, with the schema's similarity. */
  IndexSearcher searcher() {
    return searcher;
  }

  // ---- query language -------------------------------------------------------------------------

  /** One parsed piece of the user's text; {@code times} counts repeats of a word. */
  private record Clause(Kind kind, String text, boolean excluded, int times) {
    Clause(Kind kind, String text, boolean excluded) {
      this(kind, text, excluded, 1);
    }

    String key() {
      return kind.name() + (excluded ? '-' : '+') + text.toLowerCase(Locale.ROOT);
    }
  }

  private enum Kind {
    WORD,
    PHRASE,
    PREFIX
  }

  /** Splits the text into words, phrases, prefixes and exclusions; never fails. */
  private static List<Clause> parse(String query) {
    List<Clause> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean excluded = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
        excluded = true;
        i++;
        c = query.charAt(i);
      }
      if (c == '"') {
        int close = query.indexOf('"', i + 1);
        if (close > i + 1) {
          add(out, seen, new Clause(Kind.PHRASE, query.substring(i + 1, close), excluded));
          i = close + 1;
          continue;
        }
        i++; // an unclosed quote: read the rest as plain words
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
        end++;
      }
      String word = query.substring(i, end);
      i = end;
      if (word.endsWith("*") && word.length() > 2 && word.indexOf('*') == word.length() - 1) {
        add(out, seen, new Clause(Kind.PREFIX, word.substring(0, word.length() - 1), excluded));
      } else {
        add(out, seen, new Clause(Kind.WORD, word.replace("*", ""), excluded));
      }
    }
    return out;
  }

  /**
   * Keeps the first of repeated clauses, whatever their case; a repeated word counts its repeats.
   */
  private static void add(List<Clause> out, Map<String, Integer> seen, Clause clause) {
    Integer at = seen.get(clause.key());
    if (at == null) {
      seen.put(clause.key(), out.size());
      out.add(clause);
    } else if (clause.kind() == Kind.WORD && !clause.excluded()) {
      Clause first = out.get(at);
      out.set(at, new Clause(first.kind(), first.text(), false, first.times() + 1));
    }
  }

  /**
   * Whether the strict query requires phrases or prefixes, so that a relaxed one can find more: in
   * a long query they are optional already (see {@link #textQuery}), and relaxing it would run it
   * again.
   */
  private boolean requiresSome(List<Clause> clauses) {
    if (positiveWords(clauses) > SHORT_QUERY_WORDS) {
      return false;
    }
    for (Clause c : clauses) {
      if (!c.excluded() && c.kind() != Kind.WORD) {
        return true;
      }
    }
    return false;
  }

  /**
   * The query of the clauses: words optional, phrases and prefixes required unless {@code relaxed}
   * or the query is long (then optional too, a phrase also scoring by its words: quotation marks in
   * a pasted question quote, they do not filter), exclusions always excluded.
   */
  private Query textQuery(List<Clause> clauses, boolean relaxed) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean longQuery = positiveWords(clauses) > SHORT_QUERY_WORDS;
    boolean[] dropCommon = dropCommon(clauses);
    boolean scored = false;
    boolean excludes = false;
    int budget = MAX_CLAUSES / languages.size(); // each word's term, phrase and prefix costs one
    for (Clause clause : clauses) {
      if (budget == 0) {
        break;
      }
      List<Analysed> analysed = analyse(clause, dropCommon);
      int left = budget;
      Query q =
          anyLanguage(
              analysed,
              a ->
                  switch (clause.kind()) {
                    case WORD ->
                        wordQuery(
                            a.language(), a.terms().subList(0, Math.min(a.terms().size(), left)));
                    case PHRASE -> phraseQuery(a.language(), a.terms(), a.positions());
                    case PREFIX -> prefixQuery(a.language(), clause.text());
                  });
      if (q == null) {
        continue; // only stop words or punctuation
      }
      budget -= clause.kind() == Kind.WORD ? Math.min(mostTerms(analysed), budget) : 1;
      if (clause.excluded()) {
        query.add(q, Occur.MUST_NOT);
        excludes = true;
        continue;
      }
      scored = true;
      if (clause.kind() == Kind.WORD) {
        query.add(clause.times() > 1 ? new BoostQuery(q, clause.times()) : q, Occur.SHOULD);
      } else if (!relaxed && !longQuery) {
        query.add(q, Occur.MUST);
      } else {
        query.add(q, Occur.SHOULD);
        int wordsLeft = budget;
        Query words =
            clause.kind() != Kind.PHRASE || wordsLeft == 0
                ? null
                : anyLanguage(
                    analysed,
                    a -> {
                      List<String> terms =
                          dropCommon[languages.indexOf(a.language())]
                              ? a.language().uncommon(a.terms())
                              : a.terms();
                      return a.terms().size() < 2 || terms.isEmpty()
                          ? null
                          : wordQuery(
                              a.language(), terms.subList(0, Math.min(terms.size(), wordsLeft)));
                    });
        if (words != null) {
          query.add(words, Occur.SHOULD);
          budget -= Math.min(mostTerms(analysed), budget);
        }
      }
    }
    if (!scored) {
      query.add(new MatchAllDocsQuery(), excludes ? Occur.FILTER : Occur.MUST);
    }
    return query.build();
  }

  /** A clause's terms and their positions in one language. */
  private record Analysed(QueryLanguage language, List<String> terms, List<Integer> positions) {}

  /**
   * The clause analysed in each language (without common words where {@code dropCommon} says so).
   */
  private List<Analysed> analyse(Clause clause, boolean[] dropCommon) throws IOException {
    List<Analysed> out = new ArrayList<>(languages.size());
    for (int l = 0; l < languages.size(); l++) {
      List<String> terms = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      languages
          .get(l)
          .analyze(
              clause.text(),
              terms,
              positions,
              clause.kind() == Kind.WORD && !clause.excluded() && dropCommon[l],
              MAX_PHRASE_TERMS);
      out.add(new Analysed(languages.get(l), terms, positions));
    }
    return out;
  }

  private static int mostTerms(List<Analysed> analysed) {
    int most = 0;
    for (Analysed a : analysed) {
      most = Math.max(most, a.terms().size());
    }
    return most;
  }

  private interface LanguageQuery {
    Query in(Analysed analysed);
  }

  /**
   * The query of each language that has one, any of them matching: an article has one language's
   * fields only, so it scores by its own; with one language, that language's query as it is.
   */
  private static Query anyLanguage(List<Analysed> analysed, LanguageQuery query) {
    List<Query> each = new ArrayList<>(analysed.size());
    for (Analysed a : analysed) {
      Query q = query.in(a);
      if (q != null) {
        each.add(q);
      }
    }
    if (each.size() < 2) {
      return each.isEmpty() ? null : each.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    each.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  /**
   * For each language, whether its common words are left out: in queries of more than {@value
   * #SHORT_QUERY_WORDS} words that hold some word that is not one of them (else all are kept).
   */
  private boolean[] dropCommon(List<Clause> clauses) throws IOException {
    boolean[] drop = new boolean[languages.size()];
    if (positiveWords(clauses) <= SHORT_QUERY_WORDS) {
      return drop;
    }
    for (Clause c : clauses) {
      if (!c.excluded() && c.kind() == Kind.WORD) {
        for (int l = 0; l < languages.size(); l++) {
          List<String> terms = new ArrayList<>();
          languages.get(l).analyze(c.text(), terms, new ArrayList<>(), false, MAX_PHRASE_TERMS);
          drop[l] |= !languages.get(l).allCommon(terms);
        }
      }
    }
    return drop;
  }

  private int positiveWords(List<Clause> clauses) {
    int n = 0;
    for (Clause c : clauses) {
      if (!c.excluded() && c.kind() == Kind.WORD) {
        n++;
      }
    }
    return n;
  }

  /** A word is its analysed terms, each optional (a hyphenated word may match by either half). */
  private static Query wordQuery(QueryLanguage language, List<String> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return allFields(language, field -> new TermQuery(new Term(field, terms.get(0))));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String term : terms) {
      b.add(allFields(language, field -> new TermQuery(new Term(field, term))), Occur.SHOULD);
    }
    return b.build();
  }

  private static Query phraseQuery(
      QueryLanguage language, List<String> terms, List<Integer> positions) {
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return allFields(language, field -> new TermQuery(new Term(field, terms.get(0))));
    }
    return allFields(language, field -> phrase(field, terms, positions));
  }

  /** The prefix as the language's terms start: lower-cased, accents folded, not stemmed. */
  private static Query prefixQuery(QueryLanguage language, String prefix) {
    String p = language.normalize(prefix);
    return p.isEmpty()
        ? null
        : allFields(language, field -> new PrefixTermsQuery(new Term(field, p)));
  }

  private interface FieldQuery {
    Query on(String field);
  }

  private static Query allFields(QueryLanguage language, FieldQuery q) {
    return new BooleanQuery.Builder()
        .add(q.on(language.field(SearchSchema.TEXT)), Occur.SHOULD)
        .add(
            new BoostQuery(q.on(language.field(SearchSchema.TITLE)), SearchSchema.TITLE_WEIGHT),
            Occur.SHOULD)
        .add(
            new BoostQuery(q.on(language.field(SearchSchema.BYLINE)), SearchSchema.BYLINE_WEIGHT),
            Occur.SHOULD)
        .build();
  }

  private static Query phrase(String field, List<String> terms, List<Integer> positions) {
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (int i = 0; i < terms.size(); i++) {
      b.add(new Term(field, terms.get(i)), positions.get(i));
    }
    return b.build();
  }

  // ---- filters, sort
  // -----------------------------------------------------------------------------

  private static Query filtered(Query text, SearchRequest request) {
    if (request.tag() == null
        && request.section() == null
        && request.from() == null
        && request.to() == null) {
      return text;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    if (request.tag() != null) {
      b.add(new TermQuery(new Term(SearchSchema.TAGS, keyword(request.tag()))), Occur.FILTER);
    }
    if (request.section() != null) {
      b.add(
          new TermQuery(new Term(SearchSchema.SECTION, keyword(request.section()))), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from =
          request.from() == null
              ? Long.MIN_VALUE
              : SearchDates.epochDay(request.from(), Long.MIN_VALUE);
      long to =
          request.to() == null
              ? Long.MAX_VALUE
              : SearchDates.epochDay(request.to(), Long.MAX_VALUE);
      b.add(NumericDocValuesField.newSlowRangeQuery(SearchSchema.DAY, from, to), Occur.FILTER);
    }
    return b.build();
  }

  /** Keyword fields are indexed lower-cased, so filters match whatever case the user typed. */
  public static String keyword(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private TopDocs run(Query query, int wanted, SortOrder sort) throws IOException {
    if (sort == SortOrder.DATE) {
      return searcher.search(
          query, new IndexOrderCollector(wanted)); // the index is sorted newest first
    }
    return searcher.search(query, new ScoreOrderCollector(wanted)); // ties in index order
  }

  // ---- snippets
  // ------------------------------------------------------------------------------------

  /** The language a stored article is in: the one its {@code lang} names, else the site's. */
  private QueryLanguage languageOf(StoredText doc) {
    String code = doc.get(SearchSchema.LANG);
    for (QueryLanguage language : languages) {
      if (code != null && language.code().equals(code)) {
        return language;
      }
    }
    return languages.get(0);
  }

  /** Marks the query's terms of {@code language}'s text field. */
  private static Highlighter highlighter(Query query, QueryLanguage language) {
    Highlighter h =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryTermScorer(query, language.field(SearchSchema.TEXT)));
    h.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
    return h;
  }

  /** The passage of the body that holds most of the query, analysed in the article's language. */
  private static String snippet(Highlighter highlighter, QueryLanguage language, StoredText doc)
      throws IOException {
    String body = doc.get(SearchSchema.BODY);
    if (body != null && !body.isEmpty()) {
      try {
        String best =
            highlighter.getBestFragment(
                language.analyzer().tokenStream(SearchSchema.BODY, body), body);
        if (best != null && !best.isBlank()) {
          return best.strip();
        }
      } catch (InvalidTokenOffsetsException e) {
        // fall through to the lead
      }
    }
    String lead = doc.get(SearchSchema.LEAD);
    return lead == null ? "" : SimpleHTMLEncoder.htmlEncode(lead);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
