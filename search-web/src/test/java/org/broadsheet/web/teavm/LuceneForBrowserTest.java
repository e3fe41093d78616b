package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.highlight.TextFragment;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.teavm.model.ElementModifier;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;

/** Which Lucene methods the runtime compiles as descriptions only (an empty or plain text). */
class LuceneForBrowserTest {
  private static final ValueType STRING = ValueType.object("java.lang.String");

  @Test
  void aLuceneObjectsOwnTextIsADescription() {
    assertTrue(LuceneForBrowser.isDescription(BooleanQuery.class.getName(), method(STRING)));
    assertTrue(
        LuceneForBrowser.isDescription(BooleanQuery.class.getName(), method(STRING, STRING)));
    assertTrue(
        LuceneForBrowser.isDescription("org.apache.lucene.index.SegmentInfos", method(STRING)));
  }

  @Test
  void textThatSearchesUseIsKept() {
    // a term attribute's text is the analysed term; a fragment's text is the snippet
    assertFalse(
        LuceneForBrowser.isDescription(
            "org.apache.lucene.analysis.tokenattributes.CharTermAttributeImpl", method(STRING)));
    assertFalse(LuceneForBrowser.isDescription(TextFragment.class.getName(), method(STRING)));
    // the hex of a term that is not UTF-8
    assertFalse(LuceneForBrowser.isDescription(BytesRef.class.getName(), method(STRING)));
    // not Lucene's, another overload, a static helper, no body
    assertFalse(LuceneForBrowser.isDescription("org.broadsheet.search.SearchHit", method(STRING)));
    assertFalse(
        LuceneForBrowser.isDescription(
            "org.apache.lucene.index.SegmentInfo", method(ValueType.INTEGER, STRING)));
    MethodHolder helper = method(ValueType.object(BytesRef.class.getName()), STRING);
    helper.getModifiers().add(ElementModifier.STATIC);
    assertFalse(LuceneForBrowser.isDescription("org.apache.lucene.index.Term", helper));
    assertFalse(
        LuceneForBrowser.isDescription(
            BooleanQuery.class.getName(), new MethodHolder("toString", STRING)));
  }

  private static MethodHolder method(ValueType... signature) {
    MethodHolder m = new MethodHolder("toString", signature);
    m.setProgram(new Program());
    return m;
  }
}
