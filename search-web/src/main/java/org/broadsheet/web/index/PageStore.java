package org.broadsheet.web.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bytes of the shipped index that this browser session holds so far: whole fixed-size pages of
 * each file, plus the byte ranges of the open bundle. A read of a byte that is in neither records
 * the page it lives in as missing and stops with {@link PageMissingException}; the caller loads the
 * missing pages and runs again (Lucene's reads are deterministic, so a search converges).
 */
public final class PageStore {
  private final int pageSize;
  private final Map<String, IndexFile> files = new TreeMap<>();
  private final Set<String> missing = new LinkedHashSet<>();

  /**
   * Per file, byte ranges a search will read whole (a term's postings): a miss in one names all its
   * pages.
   */
  private final Map<String, List<long[]>> expected = new TreeMap<>();

  private boolean probing;

  private PostingsMap postingsMap;

  /** At most this many pages are named at once for one expected range. */
  static final int MAX_EXPECTED_PAGES = 48;

  public PageStore(int pageSize) {
    this.pageSize = pageSize;
  }

  public int pageSize() {
    return pageSize;
  }

  public void addFile(String name, long length) {
    files.put(name, new IndexFile(name, length, (int) ((length + pageSize - 1) / pageSize)));
  }

  public void addPage(String file, int page, byte[] bytes) {
    IndexFile f = file(file);
    f.pages[page] = bytes;
  }

  /**
   * Bytes at {@code offset} of {@code file}; the whole pages among them become pages (fast reads).
   */
  public void addRange(String file, long offset, byte[] bytes) {
    IndexFile f = file(file);
    f.ranges.add(new Range(offset, bytes));
    long end = offset + bytes.length;
    for (int page = (int) ((offset + pageSize - 1) / pageSize); page < f.pages.length; page++) {
      long start = (long) page * pageSize;
      int length = (int) Math.min(pageSize, f.length - start);
      if (start + length > end) {
        break;
      }
      byte[] copy = new byte[length];
      System.arraycopy(bytes, (int) (start - offset), copy, 0, length);
      f.pages[page] = copy;
    }
  }

  /**
   * Announces that [start, end) of {@code file} will be read whole, so one round can load all of
   * it.
   */
  public void expect(String file, long start, long end) {
    if (end > start && files.containsKey(file)) {
      expected.computeIfAbsent(file, f -> new ArrayList<>()).add(new long[] {start, end});
    }
  }

  /** The open bundle's postings map. */
  void postingsMap(PostingsMap map) {
    postingsMap = map;
  }

  /**
   * Where the postings of {@code term} of {@code field} can only lie in {@code file} (its segment's
   * postings), by the postings map: [start, end), or null when the map does not tell.
   */
  long[] postingsRange(String file, String field, byte[] term, int offset, int length) {
    return postingsMap == null || file == null
        ? null
        : postingsMap.range(file, field, term, offset, length);
  }

  /**
   * Names the missing pages of [start, end) of {@code file} (at most {@link #MAX_EXPECTED_PAGES}),
   * which a search will probably read once a page it missed is loaded: they come in the same round.
   */
  void wish(String file, long start, long end) {
    IndexFile f = files.get(file);
    if (f == null || probing || end <= start) {
      return;
    }
    int first = (int) (start / pageSize);
    int last = (int) Math.min((end - 1) / pageSize, first + MAX_EXPECTED_PAGES - 1);
    for (int p = first; p <= last && p < f.pages.length; p++) {
      if (f.pages[p] == null && f.rangeAt((long) p * pageSize) == null) {
        missing.add(f.name + "#" + p);
      }
    }
  }

  /** The name of the one file with this extension, or null (none, or several segments). */
  public String fileWithExtension(String extension) {
    String found = null;
    for (String name : files.keySet()) {
      if (name.endsWith("." + extension)) {
        if (found != null) {
          return null;
        }
        found = name;
      }
    }
    return found;
  }

  /**
   * While probing, a miss stops the read but is not recorded: the page is not needed, only wished
   * for.
   */
  public void probing(boolean on) {
    probing = on;
  }

  /** Forgets the expected ranges (at the start of each search). */
  public void forgetExpected() {
    expected.clear();
  }

  /** Whether a read has missed a page since the last {@link #takeMissing}. */
  public boolean hasMissing() {
    return !missing.isEmpty();
  }

  /** Pages asked for since the last call, as {@code "file#page"}; clears the list. */
  public List<String> takeMissing() {
    List<String> out = new ArrayList<>(missing);
    missing.clear();
    return out;
  }

  Set<String> names() {
    return Collections.unmodifiableSet(files.keySet());
  }

  IndexFile file(String name) {
    IndexFile f = files.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no such index file: " + name);
    }
    return f;
  }

  /** Copies {@code len} bytes at {@code pos} of {@code file} into {@code dst}. */
  void read(IndexFile file, long pos, byte[] dst, int off, int len) {
    requireAll(file, pos, len);
    while (len > 0) {
      int page = (int) (pos / pageSize);
      int inPage = (int) (pos - (long) page * pageSize);
      byte[] bytes = file.pages[page];
      int n;
      if (bytes != null) {
        n = Math.min(len, pageSize - inPage);
        System.arraycopy(bytes, inPage, dst, off, n);
      } else {
        Range r = file.rangeAt(pos);
        if (r == null) {
          throw missing(file, page);
        }
        n = (int) Math.min(len, r.end() - pos);
        System.arraycopy(r.bytes, (int) (pos - r.start), dst, off, n);
      }
      pos += n;
      off += n;
      len -= n;
    }
  }

  /** Names every page of [pos, pos + len) that is missing, in one round, before stopping. */
  private void requireAll(IndexFile file, long pos, int len) {
    boolean complete = true;
    long end = pos + len;
    while (pos < end) {
      int page = (int) (pos / pageSize);
      long pageEnd = Math.min(end, (long) (page + 1) * pageSize);
      if (file.pages[page] == null) {
        Range r = file.rangeAt(pos);
        if (r == null) {
          miss(file, page);
          complete = false;
        } else if (r.end() < pageEnd) {
          pos = r.end();
          continue;
        }
      }
      pos = pageEnd;
    }
    if (!complete) {
      throw PageMissingException.INSTANCE;
    }
  }

  /** The page that holds {@code pos}, or null when only a bundle range holds it. */
  byte[] pageAt(IndexFile file, long pos) {
    return file.pages[(int) (pos / pageSize)];
  }

  PageMissingException missing(IndexFile file, int page) {
    miss(file, page);
    return PageMissingException.INSTANCE;
  }

  /** Records a missing page, and with it the rest of an expected range it starts or lies in. */
  private void miss(IndexFile file, int page) {
    if (probing) {
      return;
    }
    missing.add(file.name + "#" + page);
    if (file.name.endsWith(".tim")
        && page + 1 < file.pages.length
        && file.pages[page + 1] == null) {
      // a terms block is read whole once its header is: most straddle into the next page
      missing.add(file.name + "#" + (page + 1));
    }
    List<long[]> ranges = expected.get(file.name);
    if (ranges == null) {
      return;
    }
    long pos = (long) page * pageSize;
    for (long[] r : ranges) {
      if (r[0] < pos + pageSize && pos < r[1]) {
        int last = (int) Math.min((r[1] - 1) / pageSize, page + MAX_EXPECTED_PAGES - 1);
        for (int p = page + 1; p <= last; p++) {
          if (file.pages[p] == null) {
            missing.add(file.name + "#" + p);
          }
        }
      }
    }
  }

  static final class IndexFile {
    final String name;
    final long length;
    final byte[][] pages;
    final List<Range> ranges = new ArrayList<>();

    IndexFile(String name, long length, int pageCount) {
      this.name = name;
      this.length = length;
      this.pages = new byte[pageCount][];
    }

    Range rangeAt(long pos) {
      for (Range r : ranges) {
        if (r.start <= pos && pos < r.end()) {
          return r;
        }
      }
      return null;
    }
  }

  static final class Range {
    final long start;
    final byte[] bytes;

    Range(long start, byte[] bytes) {
      this.start = start;
      this.bytes = bytes;
    }

    long end() {
      return start + bytes.length;
    }
  }
}
