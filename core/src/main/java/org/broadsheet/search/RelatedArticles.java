package org.broadsheet.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
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
 * and body, the article excluded. Thread-safe; used by the build (JVM only).
 */
public final class RelatedArticles {
  private static final int QUERY_TERMS = 15;
  private final IndexSearcher searcher;
  private final ThreadLocal<MoreLikeThis> likes;

  public RelatedArticles(IndexReader reader, Analyzer analyzer) {
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.searcher.setSimilarity(SearchSchema.similarity());
    this.likes = ThreadLocal.withInitial(() -> newMoreLikeThis(reader, analyzer));
  }

  private static MoreLikeThis newMoreLikeThis(IndexReader reader, Analyzer analyzer) {
    try {
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {SearchSchema.TEXT});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(2);
      mlt.setMaxDocFreq(Math.max(5, reader.numDocs() / 5)); // skip words in a fifth of all articles
      mlt.setMaxQueryTerms(QUERY_TERMS);
      return mlt;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Ids of up to {@code count} articles most like this one, best first. */
  public List<String> ids(String id, String title, String body, int count) throws IOException {
    Query like = likes.get().like(SearchSchema.TEXT, new StringReader(title + "\n" + title + "\n" + body));
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
