package org.broadsheet.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one hit scores what it does: Lucene's explanation of the query the search ran, condensed to
 * what an editor can read (see {@link SearchExplainer}). Data only; the command line formats it.
 *
 * @param total the hit's score as Lucene explains it, equal to {@link SearchHit#score}
 * @param parts what each matched term, phrase or prefix adds in each field, largest first; they add
 *     up to {@code total} (up to float rounding)
 * @param unmatched the query's words, phrases and prefixes that the hit holds in no field, in query
 *     order, as analysed (lower-cased, accents folded, stemmed: "deals" is {@code deal})
 */
public record ScoreExplanation(float total, List<Part> parts, List<String> unmatched) {
  public ScoreExplanation {
    parts = List.copyOf(parts);
    unmatched = List.copyOf(unmatched);
  }

  /** What a part of the score matched. */
  public enum Kind {
    TERM,
    PHRASE,
    PREFIX,
    OTHER
  }

  /**
   * One term, phrase or prefix matched in one field, and what it adds.
   *
   * @param field the index field ({@code text}: title and body; {@code title}; {@code byline}),
   *     empty for a part that is not about one field (the score every story gets when no word
   *     ranks)
   * @param match the term ({@code nuclear}), phrase ({@code "nuclear deal"}) or prefix ({@code
   *     nucl*}) as the index holds it; for {@link Kind#OTHER}, Lucene's description
   * @param weight what the score was multiplied by: the field's weight ({@link
   *     SearchSchema#TITLE_WEIGHT}, {@link SearchSchema#BYLINE_WEIGHT}) times the times a word was
   *     typed; 1 for none
   * @param bm25 the numbers BM25 scored with, absent for a constant score (a prefix)
   */
  public record Part(
      String field, String match, Kind kind, float score, float weight, Optional<Bm25> bm25) {
    public Part {
      Objects.requireNonNull(field);
      Objects.requireNonNull(match);
      Objects.requireNonNull(kind);
      Objects.requireNonNull(bm25);
    }
  }

  /**
   * The BM25 figures of one part.
   *
   * @param freq how often the term (or the phrase) occurs in the field of this story
   * @param docFreq how many stories hold the term in this field; for a phrase, its rarest word's
   *     count
   * @param docCount how many stories have this field
   * @param length the field's length in this story, in analysed words (Lucene stores it
   *     approximately)
   * @param averageLength the field's average length over all stories
   */
  public record Bm25(float freq, long docFreq, long docCount, float length, float averageLength) {}
}
