package org.broadsheet.render;

import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.ClassUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code <@cached key=...>...</@cached>}: the body's output, kept for the rest of the build under
 * its key and where it is written, and written again, not rendered again, wherever the same block
 * comes back with an equal key (as Hugo's {@code partialCached}). The body must depend on nothing
 * but the key and what is the same for every page of a build ({@code site}, {@code page.links},
 * {@code t(...)}): the default theme keeps its header, footer and head links by {@code page.root},
 * and its story cards by card, root and heading level (a story is carded on the front page's pages
 * and in the related lists of several others).
 *
 * <p>A key is strings, numbers, booleans, markup, views, or sequences of these. A view is the same
 * only as itself (one object: a story's card is one for the whole build), so no change to a view
 * after it was seen can make a kept block wrong. Two blocks never share output: where the block is
 * (its place in its template) is part of the key.
 *
 * <p>{@code <@cached key=... fill=page.root; root>} hands the body a value it only prints, as the
 * start of links (the default theme's cards: the way up to the site's root), as its loop variable,
 * and leaves it out of the key: the block is rendered with a stand-in for it, a string of
 * private-use characters drawn at random for the build, and each page writes its own value where
 * the stand-in was. So a story's card is rendered once for the front page's pages, the archive's,
 * its source's and the related lists, which are each at another depth. A value that is not dots and
 * slashes (as roots are), which markup escaping could change, is handed over as it is and the block
 * rendered, not kept.
 *
 * <p>A block is kept the second time its key is seen: most keys come once (a story's card on a
 * deeper listing), and those render straight into the page, as without this directive. A filled
 * block is kept the first time while there is room: a card keyed without its root comes back on the
 * front page's pages, the archive's and in related lists. What is kept is its UTF-8 bytes, bounded
 * ({@value #MOST_ENTRIES} blocks, {@value #MOST_BYTES} bytes, the least recently used going first),
 * so a build of any size holds some megabytes at most. A body that fails is not kept, nor one
 * written into a capture ({@code <#assign x>}), which renders every time.
 */
final class CachedOutput implements TemplateDirectiveModel {
  static final int MOST_ENTRIES = 32_768;
  static final int MOST_BYTES = 16_000_000;
  private static final int MOST_KEY_ITEMS = 32;
  private static final int MOST_KEY_DEPTH = 4;

  /** Least recently used first. */
  private final LinkedHashMap<Object, Kept> kept = new LinkedHashMap<>(1_024, 0.75f, true);

  /** What a filled block prints in place of the variable while it is rendered to be kept. */
  private final String standIn = standIn(new Random());

  private final byte[] standInUtf8 = standIn.getBytes(StandardCharsets.UTF_8);

  /**
   * A kept block's UTF-8 bytes, and where its filled variable's value goes in them (none: {@code
   * fills} empty).
   */
  private record Kept(byte[] utf8, int[] fills) {
    static final int[] NO_FILLS = {};

    int length() {
      return utf8.length;
    }
  }

  private long bytes;

  /**
   * Keys seen, by hash (set bit 32: a slot in use), one a slot: a key whose slot another took is
   * only seen again as new, and one sharing its slot's hash is kept a time early; either way the
   * page is the same.
   */
  private final long[] seen = new long[1 << 16];

  /** The block at {@code place} with the key {@code value}: the place by identity. */
  private record Key(DirectiveCallPlace place, Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.place == place && other.value.equals(value);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(place) * 31 + value.hashCode();
    }
  }

  /** A view in a key: equal only to itself. */
  private record Same(Object view) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same other && other.view == view;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(view);
    }
  }

  @Override
  public void execute(
      Environment env,
      @SuppressWarnings("rawtypes") Map params,
      TemplateModel[] loopVars,
      TemplateDirectiveBody body)
      throws TemplateException, IOException {
    boolean filled = params.containsKey("fill");
    if (!params.containsKey("key")
        || params.size() != (filled ? 2 : 1)
        || loopVars.length != (filled ? 1 : 0)) {
      throw new TemplateModelException(
          "cached takes a key, or a key and a value to fill with its loop variable:"
              + " <@cached key=page.root>...</@cached>,"
              + " <@cached key=[c] fill=page.root; root>...${root}...</@cached>");
    }
    if (body == null) {
      return;
    }
    Key key =
        new Key(env.getCurrentDirectiveCallPlace(), value((TemplateModel) params.get("key"), 0));
    TemplateModel fill = filled ? (TemplateModel) params.get("fill") : null;
    String filler = "";
    if (filled) {
      loopVars[0] = fill;
      filler = filler(fill);
    }
    if (!(env.getOut() instanceof PageText page) || page.waiting() || filler == null) {
      body.render(env.getOut()); // a capture (#assign x), half a character before, or no filler
      return;
    }
    Kept known;
    synchronized (kept) {
      known = kept.get(key);
    }
    if (known != null) {
      write(known, filler, page);
      return;
    }
    int hash = key.hashCode();
    int slot = hash & (seen.length - 1);
    long mark = 1L << 32 | hash & 0xFFFFFFFFL;
    if (seen[slot] != mark && !(filled && hasRoom())) {
      seen[slot] = mark;
      body.render(page); // the first time: as if not cached
      return;
    }
    PageText block = new PageText(1024); // a card or a header, not a page's 16 KB
    if (filled) {
      loopVars[0] = new SimpleScalar(standIn);
    }
    body.render(block);
    if (block.waiting()) { // half a character at its end: not kept
      if (filled) { // its stand-ins are no page's text: rendered again with the value
        loopVars[0] = fill;
        body.render(page);
      } else {
        page.append(block);
      }
      return;
    }
    byte[] utf8 = block.toBytes();
    Kept made = new Kept(utf8, filled ? occurrences(utf8, standInUtf8) : Kept.NO_FILLS);
    write(made, filler, page);
    keep(key, made);
  }

  /**
   * The value to fill with when markup escaping leaves it as it is (dots and slashes, as a page's
   * root is), else null: the block is then rendered, not kept.
   */
  private static String filler(TemplateModel fill) throws TemplateModelException {
    if (!(fill instanceof TemplateScalarModel text)) {
      return null;
    }
    String s = text.getAsString();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '.' && s.charAt(i) != '/') {
        return null;
      }
    }
    return s;
  }

  /** A kept block written with {@code filler} where its stand-ins were. */
  private void write(Kept block, String filler, PageText page) {
    byte[] utf8 = block.utf8();
    if (block.fills().length == 0) {
      page.writeEncoded(utf8);
      return;
    }
    byte[] fill = filler.getBytes(StandardCharsets.US_ASCII);
    int at = 0;
    for (int stand : block.fills()) {
      page.writeEncoded(utf8, at, stand - at);
      page.writeEncoded(fill);
      at = stand + standInUtf8.length;
    }
    page.writeEncoded(utf8, at, utf8.length - at);
  }

  /**
   * Where {@code part} starts in {@code utf8}, not overlapping. Only where its first byte is does
   * it compare the rest: a stand-in starts with one a block seldom holds elsewhere (0xEE or 0xEF),
   * and a comparison at every byte was a fifth of the time a block took to keep.
   */
  static int[] occurrences(byte[] utf8, byte[] part) {
    int[] found = new int[4];
    int n = 0;
    byte first = part[0];
    for (int i = 0; i + part.length <= utf8.length; i++) {
      if (utf8[i] == first && Arrays.equals(utf8, i, i + part.length, part, 0, part.length)) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = i;
        i += part.length - 1;
      }
    }
    return Arrays.copyOf(found, n);
  }

  /**
   * Eight private-use characters (U+E000 to U+F8FF) at random: no text a page prints holds them by
   * chance. Text that held them would only show the page's root (dots and slashes) in their place,
   * so they need not be secret.
   */
  static String standIn(Random random) {
    char[] chars = new char[8];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (0xE000 + random.nextInt(0x1900));
    }
    return new String(chars);
  }

  /** Whether a block can be kept with none going: a filled block is then kept the first time. */
  private boolean hasRoom() {
    synchronized (kept) {
      return kept.size() < MOST_ENTRIES && bytes < MOST_BYTES - MOST_BYTES / 16;
    }
  }

  /** Keeps {@code utf8} under {@code key}, the least recently used going past the bounds. */
  void keep(Object key, byte[] utf8) {
    keep(key, new Kept(utf8, Kept.NO_FILLS));
  }

  private void keep(Object key, Kept block) {
    if (block.length() > MOST_BYTES / 16) {
      return; // a page's worth: not what this is for
    }
    synchronized (kept) {
      Kept before = kept.put(key, block);
      bytes += block.length() - (before == null ? 0 : before.length());
      Iterator<Kept> oldest = kept.values().iterator();
      while (kept.size() > MOST_ENTRIES || bytes > MOST_BYTES) {
        bytes -= oldest.next().length();
        oldest.remove();
      }
    }
  }

  /** Blocks kept. */
  int keptBlocks() {
    synchronized (kept) {
      return kept.size();
    }
  }

  /** Their bytes. */
  long keptBytes() {
    synchronized (kept) {
      return bytes;
    }
  }

  /** The key's Java value: equal for equal content, and not changed after (records, copies). */
  private static Object value(TemplateModel model, int depth) throws TemplateModelException {
    if (model == null) {
      throw new TemplateModelException("cached: the key is missing (null)");
    }
    if (model instanceof TemplateMarkupOutputModel<?> markup) {
      return List.of("markup", markupOf(markup));
    }
    if (model instanceof WrapperTemplateModel wrapper) {
      Object wrapped = wrapper.getWrappedObject();
      if (wrapped instanceof Record) {
        return new Same(wrapped); // a view: the same object (a story's card is one a build)
      }
      if (wrapped instanceof String
          || wrapped instanceof Number
          || wrapped instanceof Boolean
          || wrapped instanceof Character
          || wrapped instanceof Enum<?>) {
        return wrapped;
      }
      if (!(model instanceof TemplateSequenceModel)) {
        throw refused(model); // not by its text: a bean's toString may leave out what it shows
      }
    }
    if (model instanceof TemplateSequenceModel sequence && depth < MOST_KEY_DEPTH) {
      int size = sequence.size();
      if (size <= MOST_KEY_ITEMS) {
        List<Object> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          items.add(value(sequence.get(i), depth + 1));
        }
        return List.copyOf(items);
      }
    }
    if (model instanceof TemplateScalarModel scalar) {
      return scalar.getAsString();
    }
    if (model instanceof TemplateNumberModel number) {
      return number.getAsNumber();
    }
    if (model instanceof TemplateBooleanModel bool) {
      return bool.getAsBoolean();
    }
    throw refused(model);
  }

  private static TemplateModelException refused(TemplateModel model) {
    return new TemplateModelException(
        "cached: a key is made of strings, numbers, booleans, markup, views and sequences of"
            + " them (at most "
            + MOST_KEY_ITEMS
            + " items, "
            + MOST_KEY_DEPTH
            + " deep), not "
            + ClassUtil.getFTLTypeDescription(model));
  }

  private static <M extends TemplateMarkupOutputModel<M>> String markupOf(
      TemplateMarkupOutputModel<?> markup) throws TemplateModelException {
    @SuppressWarnings("unchecked")
    M m = (M) markup;
    return m.getOutputFormat().getMarkupString(m);
  }
}
