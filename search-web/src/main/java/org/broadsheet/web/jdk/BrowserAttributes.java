package org.broadsheet.web.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.SentenceAttribute;
import org.apache.lucene.analysis.tokenattributes.SentenceAttributeImpl;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostAttributeImpl;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttributeImpl;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;

/**
 * Lucene's {@code AttributeFactory} finds an attribute's implementation class by name and calls its
 * constructor through a {@code MethodHandle}; TeaVM has neither. In the browser the factory's two
 * entry points are rewritten to these methods: a fixed table of the attributes that analysis and
 * search use, and token attributes from {@link PackedTokenAttributeImpl}.
 */
public final class BrowserAttributes {
  private static final Map<Class<?>, Supplier<AttributeImpl>> IMPLS = new HashMap<>();

  static {
    IMPLS.put(KeywordAttribute.class, KeywordAttributeImpl::new);
    IMPLS.put(FlagsAttribute.class, FlagsAttributeImpl::new);
    IMPLS.put(PayloadAttribute.class, PayloadAttributeImpl::new);
    IMPLS.put(BytesTermAttribute.class, BytesTermAttributeImpl::new);
    IMPLS.put(SentenceAttribute.class, SentenceAttributeImpl::new);
    IMPLS.put(BoostAttribute.class, BoostAttributeImpl::new);
    IMPLS.put(MaxNonCompetitiveBoostAttribute.class, MaxNonCompetitiveBoostAttributeImpl::new);
  }

  private BrowserAttributes() {}

  /** Replaces {@code AttributeFactory.DefaultAttributeFactory.createAttributeInstance}. */
  public static AttributeImpl create(Object factory, Class<? extends Attribute> attClass) {
    if (attClass.isAssignableFrom(PackedTokenAttributeImpl.class)) {
      return new PackedTokenAttributeImpl();
    }
    Supplier<AttributeImpl> impl = IMPLS.get(attClass);
    if (impl == null) {
      throw new IllegalArgumentException(
          "no browser implementation for attribute " + attClass.getName());
    }
    return impl.get();
  }

  /** Replaces {@code AttributeFactory.getStaticImplementation}: token attributes come packed. */
  public static AttributeFactory staticImplementation(
      AttributeFactory delegate, Class<?> implClass) {
    return new AttributeFactory() {
      @Override
      public AttributeImpl createAttributeInstance(Class<? extends Attribute> attClass) {
        return attClass.isAssignableFrom(PackedTokenAttributeImpl.class)
            ? new PackedTokenAttributeImpl()
            : delegate.createAttributeInstance(attClass);
      }
    };
  }
}
