package org.broadsheet.search;

import java.io.IOException;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Every term that starts with a prefix: what Lucene's {@code PrefixQuery} matches and scores (same
 * constant-score rewrite), found by seeking to the prefix and walking the sorted terms instead of
 * intersecting an automaton. The browser runtime then carries none of Lucene's automaton code, a
 * tenth of its size.
 */
final class PrefixTermsQuery extends MultiTermQuery {
  private final Term prefix;

  PrefixTermsQuery(Term prefix) {
    super(prefix.field(), CONSTANT_SCORE_BLENDED_REWRITE);
    this.prefix = prefix;
  }

  @Override
  protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
    BytesRef start = prefix.bytes();
    return new FilteredTermsEnum(terms.iterator()) {
      {
        setInitialSeekTerm(start);
      }

      @Override
      protected AcceptStatus accept(BytesRef term) {
        return StringHelper.startsWith(term, start) ? AcceptStatus.YES : AcceptStatus.END;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String defaultField) {
    return (field.equals(defaultField) ? "" : field + ":") + prefix.text() + "*";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrefixTermsQuery q && q.prefix.equals(prefix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode();
  }
}
