package org.broadsheet.search.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat.IntBlockTermState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The postings map, the last section of the open bundle ({@link OpenBundleFile}): for each
 * segment's postings file ({@code .doc}) and each field, the terms in groups of adjacent postings
 * of at most {@link #GROUP_BYTES} bytes (a term with more postings is a group of its own), each
 * group as its first term and where its postings start. A browser that misses the dictionary block
 * of a query's term then knows where that term's postings can only be, and loads them in the same
 * round as the block instead of in the next one: a later query on 10,000 Reuters stories reads the
 * dictionary, the postings and the hits' stored fields in two rounds instead of three. Lucene
 * writes a field's postings in the order of its terms, and the fields one after another, so a
 * group's postings end where the next group's (of any field) start.
 *
 * <pre>
 * repeat per postings file: u16 nameLength | name (UTF-8) | u16 fields
 *   per field: u16 nameLength | name | vint groups
 *     per group: vint shared | vint suffixLength | suffix   (first term, prefix-coded on the group before)
 *                vlong start - the group before's start      (the first group: its start)
 *     vlong end - the last group's start                      (where the field's last postings end)
 * </pre>
 *
 * vint/vlong: 7 bits a byte, low bits first, high bit = more. Read by {@code
 * org.broadsheet.web.index.PostingsMap} in the browser.
 */
final class PostingsMapFile {
  /**
   * Postings bytes a group may span. The browser loads a whole group for a term it has not seen
   * yet, so this is what a term may cost beyond its own postings; 2 KB makes about 500 groups (5 KB
   * of map) on 10,000 Reuters stories.
   */
  static final int GROUP_BYTES = 2048;

  private PostingsMapFile() {}

  /** The map of every segment of {@code reader} whose postings are Lucene 9.12's. */
  static byte[] encode(DirectoryReader reader) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LeafReaderContext leaf : reader.leaves()) {
      if (!(leaf.reader() instanceof SegmentReader segment)) {
        continue;
      }
      String doc = postingsFile(segment);
      if (doc == null) {
        continue;
      }
      List<Field> fields = new ArrayList<>();
      TreeSet<Long> starts = new TreeSet<>();
      for (FieldInfo info : segment.getFieldInfos()) {
        Terms terms = segment.terms(info.name);
        Field field = terms == null ? null : groups(info.name, terms.iterator());
        if (field != null) {
          fields.add(field);
          field.starts.forEach(starts::add);
        }
      }
      long fileEnd = segment.getSegmentInfo().info.dir.fileLength(doc) - CodecUtil.footerLength();
      name(out, doc);
      u16(out, fields.size());
      for (Field field : fields) {
        long last = field.starts.get(field.starts.size() - 1);
        Long next = starts.higher(last);
        field.write(out, next == null ? Math.max(last, fileEnd) : next);
      }
    }
    return out.toByteArray();
  }

  /** The segment's one postings file, or null. */
  private static String postingsFile(SegmentReader segment) {
    String found = null;
    for (String name : segment.getSegmentInfo().info.files()) {
      if (name.endsWith(".doc")) {
        if (found != null) {
          return null;
        }
        found = name;
      }
    }
    return found;
  }

  /**
   * A field's groups: a term starts a new one where the group would otherwise end more than {@link
   * #GROUP_BYTES} after its start (a term's postings end where the next term's start).
   */
  private static Field groups(String name, TermsEnum terms) throws IOException {
    Field field = new Field(name);
    long groupStart = -1;
    BytesRef pending = null; // a term whose postings' end is not known yet
    long pendingStart = 0;
    for (BytesRef term = terms.next(); ; term = terms.next()) {
      long start;
      if (term == null) {
        start = -1;
      } else if (terms.termState() instanceof IntBlockTermState state) {
        start = state.docStartFP;
      } else {
        return null; // another postings format: no map
      }
      if (pending != null
          && (groupStart < 0
              || pendingStart > groupStart && term != null && start - groupStart > GROUP_BYTES)) {
        groupStart = pendingStart;
        field.firstTerms.add(pending);
        field.starts.add(groupStart);
      }
      if (term == null) {
        break;
      }
      pending = BytesRef.deepCopyOf(term);
      pendingStart = start;
    }
    return field.starts.isEmpty() ? null : field;
  }

  private static final class Field {
    final String name;
    final List<BytesRef> firstTerms = new ArrayList<>();
    final List<Long> starts = new ArrayList<>();

    Field(String name) {
      this.name = name;
    }

    void write(ByteArrayOutputStream out, long end) {
      name(out, name);
      vlong(out, starts.size());
      BytesRef before = new BytesRef();
      long at = 0;
      for (int i = 0; i < starts.size(); i++) {
        BytesRef term = firstTerms.get(i);
        int shared = StringHelper.bytesDifference(before, term);
        vlong(out, shared);
        vlong(out, term.length - shared);
        out.write(term.bytes, term.offset + shared, term.length - shared);
        vlong(out, starts.get(i) - at);
        at = starts.get(i);
        before = term;
      }
      vlong(out, end - at);
    }
  }

  private static void name(ByteArrayOutputStream out, String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    u16(out, bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  private static void vlong(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
