package org.broadsheet.render;

import freemarker.template.utility.StringUtil;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a page being rendered, encoded to UTF-8 as it comes. Text is copied out of each
 * string in bulk and encoded in one loop over a {@code char[]}: a {@code StringBuilder} turned to
 * UTF-16 by the page's first non-Latin-1 character (a dash in the theme) and then encoded with
 * {@code String.getBytes} read the page a character a call three times over, where the JIT is C1
 * (the launcher's), and an {@code OutputStreamWriter} gave each page an 8 KB buffer and a charset
 * encoder. Nothing is synchronised: a page is written by one thread. The bytes equal {@code
 * getBytes(UTF_8)} of the same text, an unpaired surrogate included ({@code ?}).
 */
final class PageText extends Writer {
  private static final int CHUNK = 2048;

  /** Strings at least this long are encoded whole by {@link #whole}; shorter ones by the loop. */
  private static final int WHOLE = 32;

  /**
   * Characters copied out of a string to encode: one array a thread, as a page and the blocks
   * rendered for it are written by one thread, one write at a time.
   */
  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[CHUNK]);

  /**
   * Each render thread's page text, kept from page to page with its buffer: a page's 16 KB and 4 KB
   * of characters, allocated and zeroed, were a tenth of a 10,000-story build's allocation.
   */
  private static final ThreadLocal<PageText> PAGES = new ThreadLocal<>();

  /** A buffer past this many bytes (an exceptional page) is not kept for the next page. */
  private static final int MOST_KEPT = 1 << 20;

  private byte[] bytes;
  private int size;
  private final char[] chars = CHARS.get();
  private boolean inUse;

  /**
   * What FreeMarker's HTML escaping makes of an ASCII character, by character: {@code < > & " '} as
   * {@code &lt; &gt; &amp; &quot; &#39;}, the rest null (as they are).
   */
  private static final byte[][] HTML_ESCAPED = new byte[0x80][];

  static {
    HTML_ESCAPED['<'] = "&lt;".getBytes(StandardCharsets.US_ASCII);
    HTML_ESCAPED['>'] = "&gt;".getBytes(StandardCharsets.US_ASCII);
    HTML_ESCAPED['&'] = "&amp;".getBytes(StandardCharsets.US_ASCII);
    HTML_ESCAPED['"'] = "&quot;".getBytes(StandardCharsets.US_ASCII);
    HTML_ESCAPED['\''] = "&#39;".getBytes(StandardCharsets.US_ASCII);
  }

  /** A high surrogate at the end of the last write, waiting for its low half. */
  private char high;

  /** A page's text: room for 16 KB before it grows. */
  PageText() {
    this(16 * 1024);
  }

  /**
   * This thread's page text, empty, for a page: the one the last page on this thread used when it
   * is done ({@link #done}), else a new one.
   */
  static PageText forPage() {
    PageText text = PAGES.get();
    if (text == null || text.inUse) {
      text = new PageText();
      PAGES.set(text);
    }
    text.size = 0;
    text.high = 0;
    text.inUse = true;
    return text;
  }

  /** The page is written ({@link #forPage}): the next page on this thread may take this text. */
  void done() {
    inUse = false;
    if (bytes.length > MOST_KEPT) {
      bytes = new byte[16 * 1024];
    }
  }

  /** Text of about {@code capacity} bytes, such as a block of a page. */
  PageText(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public void write(char[] text, int offset, int length) {
    encode(text, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    if (offset == 0 && length == s.length() && length >= WHOLE && high == 0) {
      whole(s);
      return;
    }
    for (int end = offset + length; offset < end; ) {
      int n = Math.min(CHUNK, end - offset);
      s.getChars(offset, offset + n, chars, 0);
      encode(chars, 0, n);
      offset += n;
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  /**
   * Text escaped as FreeMarker's HTML output format escapes it ({@link PageHtml}): encoded by
   * {@code String.getBytes} (a check and a copy for most strings, see {@link #whole}), then copied
   * in runs between the bytes to escape, which are ASCII (no byte of a longer UTF-8 sequence is).
   * Where a high surrogate waits, on either side, FreeMarker's escaping writes the text through
   * {@link #write(String, int, int)}.
   */
  void writeHtmlEscaped(String s) throws IOException {
    if (high != 0 || !s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
      StringUtil.XHTMLEnc(s, this);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    int run = 0;
    for (int i = 0; i < utf8.length; i++) {
      byte c = utf8[i];
      byte[] escaped = c >= 0 ? HTML_ESCAPED[c] : null;
      if (escaped != null) {
        writeEncoded(utf8, run, i - run);
        writeEncoded(escaped, 0, escaped.length);
        run = i + 1;
      }
    }
    writeEncoded(utf8, run, utf8.length - run);
  }

  /**
   * A whole string (a body, or text with nothing to escape) encoded by {@code String.getBytes}: a
   * string of Latin-1 characters is then checked and copied as bytes, where the loop of {@link
   * #encode} widened it to characters first and read them one at a time. A string that ends in a
   * high surrogate waits for its low half in the next write, so it takes that loop.
   */
  private void whole(String s) {
    if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
      write(s.toCharArray(), 0, s.length());
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeEncoded(utf8, 0, utf8.length);
  }

  @Override
  public void write(int c) {
    chars[0] = (char) c;
    encode(chars, 0, 1);
  }

  @Override
  public Writer append(CharSequence s) {
    write(String.valueOf(s));
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /**
   * Bytes of a block this class encoded alone ({@link #toBytes} of a block that left no high
   * surrogate waiting), while no high surrogate waits here: the same bytes as writing its text.
   */
  void writeEncoded(byte[] utf8) {
    writeEncoded(utf8, 0, utf8.length);
  }

  /** {@code length} bytes of {@code utf8} from {@code offset}, as {@link #writeEncoded(byte[])}. */
  void writeEncoded(byte[] utf8, int offset, int length) {
    room(length);
    System.arraycopy(utf8, offset, bytes, size, length);
    size += length;
  }

  /**
   * A block encoded alone, its waiting high surrogate included, while none waits here: the same as
   * writing its text here.
   */
  void append(PageText block) {
    room(block.size);
    System.arraycopy(block.bytes, 0, bytes, size, block.size);
    size += block.size;
    high = block.high;
  }

  /** Whether the text so far ends in a high surrogate waiting for its low half. */
  boolean waiting() {
    return high != 0;
  }

  /** The page's bytes. */
  byte[] toBytes() {
    if (high != 0) {
      room(1);
      bytes[size++] = '?';
      high = 0;
    }
    return Arrays.copyOf(bytes, size);
  }

  private void encode(char[] text, int offset, int length) {
    room(3 * length + 4);
    byte[] b = bytes;
    int at = size;
    int i = offset;
    int end = offset + length;
    if (high != 0 && i < end) { // the low half of the last write's high surrogate, or not
      char c = text[i];
      if (Character.isLowSurrogate(c)) {
        at = four(b, at, Character.toCodePoint(high, c));
        i++;
      } else {
        b[at++] = '?';
      }
      high = 0;
    }
    for (; i < end; i++) {
      char c = text[i];
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 == end) {
        high = c;
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(text[i + 1])) {
        at = four(b, at, Character.toCodePoint(c, text[++i]));
      } else {
        b[at++] = '?';
      }
    }
    size = at;
  }

  private static int four(byte[] b, int at, int cp) {
    b[at] = (byte) (0xF0 | cp >> 18);
    b[at + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
    b[at + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
    b[at + 3] = (byte) (0x80 | cp & 0x3F);
    return at + 4;
  }

  private void room(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
