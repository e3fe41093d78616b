package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;

/**
 * Related articles the slow way, to check {@link RelatedLists} against: each query scores every
 * document that holds one of its terms (no pruning), then the floor and the order are applied here.
 */
final class RelatedReference {
  private RelatedReference() {}

  static Map<String, List<String>> lists(
      DirectoryReader reader, RelatedLists.Tuning tuning, int count) throws IOException {
    String[] ids = RelatedLists.ids(reader);
    int[] rank = RelatedLists.ranks(ids);
    Map<String, List<String>> out = new TreeMap<>();
    RelatedLists.Tuning everything =
        new RelatedLists.Tuning(tuning.terms(), 1, 0, tuning.strongest());
    for (IndexLanguage language : IndexInfo.read(reader).languages()) {
      String field = language.field(SearchSchema.TEXT);
      TermSignatures s =
          TermSignatures.read(reader, field, language.longQueryStopwords(), tuning.terms());
      SignaturePostings postings = SignaturePostings.invert(s, rank, tuning.strongest());
      QueryScores m = new QueryScores(reader.maxDoc(), tuning.terms());
      for (int d = 0; d < ids.length; d++) {
        if (ids[d] == null || s.counts[d] == 0) {
          continue;
        }
        postings.match(s, d, everything, m);
        float weight = 0;
        for (int i = d * s.size + s.counts[d] - 1; i >= d * s.size; i--) {
          weight += s.eligible.idf(s.terms[i]);
        }
        float floor = tuning.floor() * weight;
        List<Integer> passing = new ArrayList<>();
        for (int i = 0; i < m.size; i++) {
          int o = m.touched[i];
          if (m.shared(o) >= tuning.minShared() && m.score(o) >= floor) {
            passing.add(o);
          }
        }
        passing.sort(Comparator.comparing((Integer o) -> -m.score(o)).thenComparing(o -> ids[o]));
        out.put(ids[d], passing.stream().limit(count).map(o -> ids[o]).toList());
      }
    }
    return out;
  }
}
