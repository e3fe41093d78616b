package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.broadsheet.search.ScoreExplanation.Bm25;
import org.broadsheet.search.ScoreExplanation.Kind;
import org.broadsheet.search.ScoreExplanation.Part;

/**
 * Why each hit ranks where it does: runs the search as {@link ArchiveSearch#search} does, asks
 * Lucene ({@code IndexSearcher.explain}) about every hit with exactly the query that found it (the
 * strict one, or the relaxed one when that found nothing), and condenses Lucene's tree into a
 * {@link ScoreExplanation}: one part per matched term, phrase or prefix and field, with the BM25
 * figures behind it, and the query's words the hit does not hold.
 *
 * <p>JVM only ({@code broadsheet search --explain}): the browser runtime never calls it, so TeaVM,
 * which compiles what {@code BrowserSearch} reaches, leaves it out.
 *
 * <p>Lucene's explanations are trees of described values; the parts are found by the descriptions
 * Lucene's {@code TermWeight}, {@code PhraseWeight}, {@code ConstantScoreWeight} and {@code
 * BM25Similarity} write. Anything else still shows, as its description and value, so the parts
 * always add up to the total.
 */
public final class SearchExplainer {
  private static final String WEIGHT = "weight(";

  private final ArchiveSearch search;

  public SearchExplainer(ArchiveSearch search) {
    this.search = search;
  }

  /** The results {@code search.search(request)} gives, each hit explained. */
  public ExplainedResults explain(SearchRequest request) throws IOException {
    ArchiveSearch.Ranking ranking = search.rank(request);
    SearchResults results = search.results(request, ranking);
    Map<String, Leaf> leaves = QueryLeaves.of(ranking.query());
    List<ScoreExplanation> explanations = new ArrayList<>();
    ScoreDoc[] top = ranking.top().scoreDocs;
    for (int i = request.offset(); i < top.length; i++) {
      explanations.add(condense(search.searcher().explain(ranking.query(), top[i].doc), leaves));
    }
    return new ExplainedResults(results, ranking.relaxed(), explanations);
  }

  /** A term, phrase or prefix query of one field, as the explanation names it. */
  private record Leaf(String field, String label, Kind kind) {}

  private static ScoreExplanation condense(Explanation explanation, Map<String, Leaf> leaves) {
    List<Part> parts = new ArrayList<>();
    collect(explanation, leaves, parts);
    parts.sort(Comparator.comparing(Part::score).reversed()); // stable: ties keep the query's order
    Set<String> matched = new HashSet<>();
    parts.forEach(p -> matched.add(p.match()));
    Set<String> unmatched = new LinkedHashSet<>();
    for (Leaf leaf : leaves.values()) {
      if (!matched.contains(leaf.label())) {
        unmatched.add(leaf.label());
      }
    }
    return new ScoreExplanation(explanation.getValue().floatValue(), parts, List.copyOf(unmatched));
  }

  private static void collect(Explanation e, Map<String, Leaf> leaves, List<Part> parts) {
    float value = e.getValue().floatValue();
    if (!e.isMatch() || value == 0f) {
      return; // filters (tag, section, dates) and exclusions add nothing to the score
    }
    String description = e.getDescription();
    if (description.startsWith(WEIGHT)) {
      parts.add(scored(e, leaves));
      return;
    }
    Leaf constant = constantLeaf(description, leaves);
    if (constant != null) { // a prefix: every story it matches gets its weight
      parts.add(
          new Part(
              constant.field(), constant.label(), constant.kind(), value, value, Optional.empty()));
      return;
    }
    Explanation[] details = e.getDetails();
    if (details.length == 0) {
      parts.add(new Part("", description, Kind.OTHER, value, 1f, Optional.empty()));
    } else if (description.equals("max of:")) { // a disjunction-max counts its best clause only
      collect(best(details), leaves, parts);
    } else {
      for (Explanation d : details) {
        collect(d, leaves, parts);
      }
    }
  }

  /** {@code weight(text:nuclear in 12) [BM25Similarity], result of: score(freq=3.0) ...}. */
  private static Part scored(Explanation e, Map<String, Leaf> leaves) {
    String description = e.getDescription();
    String query =
        description.substring(
            WEIGHT.length(),
            Math.max(
                WEIGHT.length(), description.lastIndexOf(" in ", description.lastIndexOf(") ["))));
    Leaf leaf = leaves.get(query);
    if (leaf == null) {
      int colon = query.indexOf(':');
      leaf = new Leaf(colon > 0 ? query.substring(0, colon) : "", query, Kind.OTHER);
    }
    Bm25Figures figures = new Bm25Figures();
    for (Explanation d : e.getDetails()) {
      if (d.getDescription().startsWith("score(")) {
        figures.read(d);
      }
    }
    float value = e.getValue().floatValue();
    return new Part(leaf.field(), leaf.label(), leaf.kind(), value, figures.boost, figures.bm25());
  }

  /**
   * The leaf a constant score belongs to: Lucene describes it as the query, {@code ^boost} added
   * unless 1.
   */
  private static Leaf constantLeaf(String description, Map<String, Leaf> leaves) {
    Leaf leaf = leaves.get(description);
    int caret = description.lastIndexOf('^');
    return leaf != null || caret < 0 ? leaf : leaves.get(description.substring(0, caret));
  }

  private static Explanation best(Explanation[] details) {
    Explanation best = details[0];
    for (Explanation d : details) {
      if (d.getValue().floatValue() > best.getValue().floatValue()) {
        best = d;
      }
    }
    return best;
  }

  /** The figures under BM25's {@code score(freq=...), computed as boost * idf * tf from:}. */
  private static final class Bm25Figures {
    float boost = 1f;
    float freq = Float.NaN;
    long docFreq = Long.MAX_VALUE;
    long docCount = -1;
    float length = Float.NaN;
    float averageLength = Float.NaN;

    void read(Explanation score) {
      for (Explanation d : score.getDetails()) {
        String description = d.getDescription();
        float value = d.getValue().floatValue();
        if (description.equals("boost")) {
          boost = value;
        } else if (description.startsWith("idf")) {
          idf(d);
        } else if (description.startsWith("tf")) {
          tf(d);
        }
      }
    }

    /**
     * A term's {@code n} and {@code N}; a phrase's idf sums its words' (the rarest word's n is
     * kept).
     */
    private void idf(Explanation idf) {
      for (Explanation d : idf.getDetails()) {
        String description = d.getDescription();
        if (description.startsWith("n,")) {
          docFreq = Math.min(docFreq, d.getValue().longValue());
        } else if (description.startsWith("N,")) {
          docCount = d.getValue().longValue();
        } else if (description.startsWith("idf")) {
          idf(d);
        }
      }
    }

    private void tf(Explanation tf) {
      for (Explanation d : tf.getDetails()) {
        String description = d.getDescription();
        float value = d.getValue().floatValue();
        if (description.startsWith("freq") || description.startsWith("phraseFreq")) {
          freq = value;
        } else if (description.startsWith("dl,")) {
          length = value;
        } else if (description.startsWith("avgdl,")) {
          averageLength = value;
        }
      }
    }

    Optional<Bm25> bm25() {
      boolean complete =
          !Float.isNaN(freq)
              && docFreq != Long.MAX_VALUE
              && docCount >= 0
              && !Float.isNaN(length)
              && !Float.isNaN(averageLength);
      return complete
          ? Optional.of(new Bm25(freq, docFreq, docCount, length, averageLength))
          : Optional.empty();
    }
  }

  /**
   * The scoring leaves of a query by the text Lucene's explanations name them with: terms, phrases
   * and prefixes, not those under exclusions or filters.
   */
  private static final class QueryLeaves extends QueryVisitor {
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    static Map<String, Leaf> of(Query query) {
      QueryLeaves visitor = new QueryLeaves();
      visitor.walk(query);
      return visitor.leaves;
    }

    /**
     * Boolean queries in their clauses' order (their own visit goes by a hash set): the words as
     * typed.
     */
    private void walk(Query query) {
      if (query instanceof BooleanQuery bool) {
        for (BooleanClause clause : bool.clauses()) {
          if (clause.isScoring()) {
            walk(clause.getQuery());
          }
        }
      } else if (query instanceof BoostQuery boost) {
        walk(boost.getQuery());
      } else {
        query.visit(this);
      }
    }

    @Override
    public QueryVisitor getSubVisitor(Occur occur, Query parent) {
      return occur == Occur.MUST_NOT || occur == Occur.FILTER ? EMPTY_VISITOR : this;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      if (terms.length == 0) {
        return;
      }
      String field = terms[0].field();
      Kind kind =
          query instanceof PhraseQuery ? Kind.PHRASE : terms.length == 1 ? Kind.TERM : Kind.OTHER;
      leaves.putIfAbsent(
          query.toString(),
          new Leaf(field, kind == Kind.TERM ? terms[0].text() : query.toString(field), kind));
    }

    @Override
    public void visitLeaf(Query query) {
      if (query instanceof PrefixTermsQuery prefix) {
        leaves.putIfAbsent(
            query.toString(),
            new Leaf(prefix.getField(), query.toString(prefix.getField()), Kind.PREFIX));
      }
    }
  }
}
