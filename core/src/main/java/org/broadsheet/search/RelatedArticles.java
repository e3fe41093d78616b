package org.broadsheet.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * "Related articles" from the index itself: Lucene's {@link MoreLikeThis} over an article's title
 * and body, in its own language's text field (so among the articles in its language), the article
 * excluded. Thread-safe; used by the build (JVM only).
 */
public final class RelatedArticles {
  private static final int QUERY_TERMS = 15;
  private final IndexSearcher searcher;
  private final IndexInfo info;
  /** Per thread, a MoreLikeThis per language, made when first asked for. */
  private final ThreadLocal<Map<String, MoreLikeThis>> likes;

  /** Finds related articles in {@code reader}, an index that records {@code info} ({@link IndexInfo#read}). */
  public RelatedArticles(IndexReader reader, IndexInfo info) {
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.searcher.setSimilarity(SearchSchema.similarity());
    this.info = info;
    this.likes = ThreadLocal.withInitial(HashMap::new);
  }

  private MoreLikeThis newMoreLikeThis(IndexLanguage language) {
    try {
      IndexReader reader = searcher.getIndexReader();
      String field = language.field(SearchSchema.TEXT);
      // the site's articles: all but the few in other languages; another language's: those with its field
      int articles = language.isSite() ? reader.numDocs() : reader.getDocCount(field);
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(language.analyzer());
      mlt.setFieldNames(new String[] {field});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(2);
      mlt.setMaxDocFreq(Math.max(5, articles / 5)); // skip words in a fifth of all articles
      mlt.setMaxQueryTerms(QUERY_TERMS);
      return mlt;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Up to {@code count} related articles of every article of {@code reader}, an index that records
   * {@code info}, from the index alone (see {@link RelatedLists}).
   */
  public static RelatedLists all(IndexReader reader, IndexInfo info, int count) throws IOException {
    return RelatedLists.compute(reader, info, count);
  }

  /** Ids of up to {@code count} articles most like this one (in {@code lang}), best first. */
  public List<String> ids(String id, String lang, String title, String body, int count) throws IOException {
    IndexLanguage language = info.languageOf(lang).orElse(null);
    if (language == null) {
      return List.of(); // a language the index does not hold: no article is in it
    }
    MoreLikeThis mlt = likes.get().computeIfAbsent(language.code(), code -> newMoreLikeThis(language));
    Query like = mlt.like(language.field(SearchSchema.TEXT), new StringReader(title + "\n" + title + "\n" + body));
    Query query = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(new TermQuery(new Term(SearchSchema.ID, id)), Occur.MUST_NOT)
        .build();
    ScoreDoc[] hits = searcher.search(query, count).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      ids.add(stored.document(hit.doc, java.util.Set.of(SearchSchema.ID)).get(SearchSchema.ID));
    }
    return ids;
  }
}
