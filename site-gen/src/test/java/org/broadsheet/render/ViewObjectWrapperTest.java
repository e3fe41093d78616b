package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.broadsheet.view.Card;
import org.broadsheet.view.Link;
import org.broadsheet.view.Messages;
import org.junit.jupiter.api.Test;

/**
 * Templates read a view record's components without reflection, and see exactly what FreeMarker's
 * own wrapper shows them: the same values, types, built-ins, method calls and errors.
 */
class ViewObjectWrapperTest {
  private static final String TEMPLATE =
      """
      ${c.title}|${c.title()}|${c.weight}|${c.weight + 1}|${c.draft?c}|${c.scheduled?string('y', 'n')}
      ${c.section.name}|${c.section.count}|${c.section?is_hash?c}|${c.section?is_string?c}
      <#list c.tags as t>${t.name}=${t.href}<#sep>,</#list>|${c.tags?size}|${c.authors?has_content?c}
      ${(c.image.alt)!"none"}|${c.image???c}|${c.params.k}|${c.params?keys?join(',')}
      ${m.t("hello", 3)}|${m.tn("n", 2)}|${m.isRtl()?c}|${m.rtl?c}|${m.dir}|${m.dir()}
      <#assign t = m.t><#assign tn = m.tn>${t("hello")}|${t("hello", "<i>", 2.5, true)}|${t("nosuch")}|${tn("n", 1, "x")}|${tn("n", c.weight)}|${t("hello", c.weight)}|${fa.t("hello", 2024)}|${fa.tn("n", 12)}|${t?is_method?c}
      ${c.summary?has_content?c}|${c.lang?length}|${c.title?is_method?c}|${c.nosuch!"absent"}|${c.nosuch!"still"}
      ${c.isoDate}|${c.isoDate()}|${x.twice}|${x.twice()}|${x.empty?c}|${x.isEmpty()?c}|${x.isoA}|${x.isoA()}|${x.count}|${x.over(2)}|${(x.over)?is_method?c}|${x.nosuch!"none"}${x.nosuch!"none"}|${x.getA()}|${x.a}|${x.read}${x.read}${x.read()}
      <#assign s = c.section>${s.name}${c.section.name}${s.href}|<#list 1..2 as i>${c.tags[i - 1].name}${c.title}</#list>
      """;

  private static final Card CARD =
      new Card(
          "id-1",
          "A <b> & \"title\"",
          "articles/a/",
          "2024-01-02T00:00:00Z",
          "2 January 2024",
          "",
          "",
          new Link("World", "sections/world/", 4),
          List.of(),
          List.of(Link.of("oil", "tags/oil/"), Link.of("gas", "tags/gas/")),
          false,
          true,
          -3,
          Map.of("k", "v"),
          null,
          "",
          "");

  private static final Messages MESSAGES =
      new Messages("en", "ltr", "en-GB", Map.of("hello", "Hi {0}", "n.other", "{0} things"));

  private static final Messages PERSIAN =
      new Messages("fa", "rtl", "fa-IR", Map.of("hello", "سلام {0}", "n.other", "{0} چیز"));

  private static String render(ObjectWrapper wrapper) throws Exception {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setObjectWrapper(wrapper);
    cfg.setNumberFormat("computer");
    cfg.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
    StringWriter out = new StringWriter();
    new Template("t.ftlh", TEMPLATE, cfg)
        .process(
            Map.of(
                "c",
                CARD,
                "m",
                MESSAGES,
                "fa",
                PERSIAN,
                "x",
                new Shaped("ab", 2, new java.util.concurrent.atomic.AtomicInteger())),
            out);
    return out.toString();
  }

  private static DefaultObjectWrapperBuilder builder() {
    DefaultObjectWrapperBuilder builder =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    builder.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
    builder.setExposeFields(false);
    builder.setMemberAccessPolicy(new ViewAccessPolicy());
    return builder;
  }

  @Test
  void templatesSeeWhatFreemarkersOwnWrapperShows() throws Exception {
    String own = render(builder().build());
    assertEquals(own, render(new ViewObjectWrapper(builder())));
    assertTrue(own.contains("A &lt;b&gt; &amp; &quot;title&quot;|A &lt;b&gt;"), own);
    assertTrue(
        own.contains("Hi {0}|Hi &lt;i&gt;|nosuch|1 things|-3 things|Hi -3|سلام 2024|۱۲ چیز|true"),
        own);
  }

  @Test
  void aStringCalledWithoutItsKeyFailsAsWithFreemarkersOwnWrapper() throws Exception {
    for (String call : List.of("m.t(5)", "m.t()", "m.tn(\"n\")", "m.tn(\"n\", \"x\")")) {
      for (ObjectWrapper wrapper : List.of(builder().build(), new ViewObjectWrapper(builder()))) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(wrapper);
        Template template = new Template("e.ftlh", "${" + call + "}", cfg);
        assertThrows(
            freemarker.template.TemplateException.class,
            () -> template.process(Map.of("m", MESSAGES), new StringWriter()),
            call + " with " + wrapper.getClass().getSimpleName());
      }
    }
  }

  @Test
  void viewRecordsAreReadThroughTheirComponentsOnly() throws Exception {
    ViewObjectWrapper wrapper = new ViewObjectWrapper(builder());
    assertNotEquals(GenericObjectModel.class, wrapper.wrap(CARD).getClass());
    assertTrue(wrapper.wrap(CARD) instanceof GenericObjectModel);
    assertEquals(
        List.of("count", "href", "name"),
        ViewObjectWrapper.components(Link.class).keySet().stream().sorted().toList());
    assertEquals(
        List.of("a", "count", "reads"),
        ViewObjectWrapper.components(Shaped.class).keySet().stream().sorted().toList());
    // a component named like isX but no boolean is no JavaBeans getter
    assertTrue(ViewObjectWrapper.components(Card.class).containsKey("isoDate"));
    // not a view of Broadsheet's: FreeMarker's own model
    record Other(String a) {}
    assertTrue(ViewObjectWrapper.components(Other.class).isEmpty());
    assertTrue(ViewObjectWrapper.components(String.class).isEmpty());
  }

  /** A view with methods besides its components, which FreeMarker reads its own way. */
  public record Shaped(String a, int count, java.util.concurrent.atomic.AtomicInteger reads) {
    /** A method FreeMarker calls at every read: its answer changes. */
    public int read() {
      return reads.incrementAndGet();
    }

    public String twice() {
      return a + a;
    }

    public boolean isEmpty() {
      return a.isEmpty();
    }

    public String isoA() {
      return "iso " + a;
    }

    public String getA() {
      return "got " + a;
    }

    public String over() {
      return "none";
    }

    public String over(int n) {
      return a.repeat(n);
    }
  }

  /** A view-like record that is also something FreeMarker wraps as such. */
  public record Listed(List<String> items) implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return items.iterator();
    }
  }

  @Test
  void valuesAreWrappedInTheModelsFreemarkersOwnWrapperGives() throws Exception {
    ObjectWrapper own = builder().build();
    ViewObjectWrapper views = new ViewObjectWrapper(builder());
    Listed listed = new Listed(List.of("a", "b"));
    assertTrue(ViewObjectWrapper.components(Listed.class).isEmpty());
    for (Object value :
        List.of("text", "", true, false, 3, 2.5, List.of("x"), Map.of("k", 1), listed)) {
      assertEquals(own.wrap(value).getClass(), views.wrap(value).getClass(), String.valueOf(value));
    }
    assertEquals(own.wrap(true), views.wrap(true));
    assertEquals(
        "text", ((freemarker.template.TemplateScalarModel) views.wrap("text")).getAsString());
  }
}
