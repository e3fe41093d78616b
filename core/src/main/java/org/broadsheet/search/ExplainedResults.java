package org.broadsheet.search;

import java.util.List;

/**
 * A search's results and, hit for hit, why each one scores what it does.
 *
 * @param relaxed whether no story held the query's phrases and prefixes, so the search made them
 *     optional (a phrase then also scores by its words)
 * @param explanations one per hit of {@code results}, in the same order
 */
public record ExplainedResults(
    SearchResults results, boolean relaxed, List<ScoreExplanation> explanations) {
  public ExplainedResults {
    explanations = List.copyOf(explanations);
    if (explanations.size() != results.hits().size()) {
      throw new IllegalArgumentException(
          explanations.size() + " explanations for " + results.hits().size() + " hits");
    }
  }
}
