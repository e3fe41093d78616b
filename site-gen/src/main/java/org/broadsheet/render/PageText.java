package org.broadsheet.render;

import java.io.Writer;

/**
 * The text of a page being rendered. A page is encoded to UTF-8 once, when done: writing through an
 * {@code OutputStreamWriter} encoded every piece of static text and every value as it came, and
 * gave each page an 8 KB buffer of its own (together an eighth of rendering). Unlike {@code
 * StringWriter}, nothing is synchronised: a page is written by one thread.
 */
final class PageText extends Writer {
  private final StringBuilder text = new StringBuilder(16 * 1024);

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public Writer append(CharSequence s) {
    text.append(s);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
