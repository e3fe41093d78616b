package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** STAND-IN until core's class lands: all words must match, title boosted. */
public final class ArchiveSearch {
  private final IndexSearcher searcher;
  private final Analyzer analyzer;

  public ArchiveSearch(IndexReader reader, Analyzer analyzer) {
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.analyzer = analyzer;
  }

  public SearchResults search(SearchRequest request) throws IOException {
    List<String> terms = terms(request.query());
    if (terms.isEmpty()) {
      return new SearchResults(0, List.of(), List.of());
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String t : terms) {
      Query either = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(SearchSchema.TITLE, t)), 2f), Occur.SHOULD)
          .add(new TermQuery(new Term(SearchSchema.BODY, t)), Occur.SHOULD)
          .build();
      all.add(either, Occur.MUST);
    }
    int n = request.offset() + request.limit();
    TopDocs top = request.sort() == SortOrder.DATE
        ? searcher.search(all.build(), n, Sort.INDEXORDER)
        : searcher.search(all.build(), n);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = request.offset(); i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      Document d = searcher.storedFields().document(sd.doc);
      hits.add(new SearchHit(d.get(SearchSchema.ID), d.get(SearchSchema.TITLE), d.get(SearchSchema.URL),
          d.get(SearchSchema.DATE), sd.score, ""));
    }
    return new SearchResults(top.totalHits.value, hits, List.of());
  }

  private List<String> terms(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(SearchSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
