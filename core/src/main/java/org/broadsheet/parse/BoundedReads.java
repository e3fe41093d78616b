package org.broadsheet.parse;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Markdown as flexmark reads it, one character at a time, with a bound on how many characters it
 * may read: {@link #READS_PER_CHAR} reads of each character, and {@link #READS_AT_LEAST} in all.
 * flexmark reads every character through the sequence it is given (its block parsers, its regular
 * expressions and its renderer alike): 5 to 18 times each in the Reuters and synthetic benchmark
 * stories. Its pattern for a link label reads a backslash before punctuation either as an escape or
 * as a backslash, so a {@code [} never closed over forty {@code \-} has 2^40 ways to fail, tried
 * one by one (fuzzing found it: 140 bytes hung a build for good). Past the bound the file is
 * refused with an error, in about half a second, and the build goes on. A count, not a clock: the
 * same file is refused on any machine, under any load. The count costs about 6 % of flexmark's time
 * (measured on 20,000 synthetic stories), since our own code copies a node's text from the String
 * underneath ({@link #documentOf}), not a read at a time.
 */
final class BoundedReads implements CharSequence {
  /** Reads allowed per character of the Markdown. */
  static final long READS_PER_CHAR = 2_000;

  /** Reads allowed in all, whatever the length (a short file may be read more than its share). */
  static final long READS_AT_LEAST = 50_000_000;

  private final String text;
  private long left;

  BoundedReads(String text) {
    this(text, Math.max(READS_AT_LEAST, READS_PER_CHAR * text.length()));
  }

  BoundedReads(String text, long reads) {
    this.text = text;
    this.left = reads;
  }

  @Override
  public char charAt(int index) {
    if (--left < 0) {
      throw new TooManyReads();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The whole Markdown {@code chars} is part of, where flexmark was given a String or this: our own
   * code copies a node's characters from it at once, not one read at a time.
   */
  static String documentOf(BasedSequence chars) {
    Object base = chars.getBase();
    return base instanceof BoundedReads bounded
        ? bounded.text
        : base instanceof String document ? document : null;
  }

  /** Thrown where flexmark has read more than the bound. */
  static final class TooManyReads extends RuntimeException {
    TooManyReads() {
      super("flexmark read past its bound", null, false, false); // no stack: thrown once a file
    }
  }
}
