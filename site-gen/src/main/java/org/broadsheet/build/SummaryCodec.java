package org.broadsheet.build;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.Body;
import org.broadsheet.content.Extras;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.image.Renditions;

/**
 * The one binary format of the build's own data: an article's summary (an {@link Article} without
 * its body), diagnostics, the index's entries, a picture's {@link Renditions}, and the strings,
 * lists and maps they are made of. It is what the {@link BuildCache} keeps between builds and what
 * a distributed build's parts and driver send each other ({@link SplitBuild}). Strings are
 * length-prefixed UTF-8; dates their instant and zone id; counts and pixel sizes 4-byte ints.
 */
public final class SummaryCodec {
  private SummaryCodec() {}

  /** At most this many strings are shared in one stream; later new ones are written in full. */
  private static final int SHARED = 1 << 16;

  /**
   * A stream of summaries. The strings that recur across articles (sections, tags, authors,
   * diagnostics' messages and paths) are written once, then by number: 10,000 Reuters stories carry
   * 25,000 notes whose text repeats, which made up 10 of the cache's 17 MB.
   */
  public static final class Out extends DataOutputStream {
    private final Map<String, Integer> shared = new HashMap<>();

    public Out(OutputStream out) {
      super(out);
    }
  }

  /** Reads what an {@link Out} wrote; a shared string is read as one object. */
  public static final class In extends DataInputStream {
    private final List<String> shared = new ArrayList<>();

    public In(InputStream in) {
      super(in);
    }
  }

  /** A string that may recur in the stream: the first time in full, then its number. */
  static void writeShared(Out out, String s) throws IOException {
    Integer number = out.shared.get(s);
    if (number != null) {
      out.writeInt(-1 - number);
      return;
    }
    writeString(out, s);
    if (out.shared.size() < SHARED) {
      out.shared.put(s, out.shared.size());
    }
  }

  static String readShared(In in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      if (-1 - n >= in.shared.size()) {
        throw new IOException("corrupt summary data: shared string " + (-1 - n) + " unknown");
      }
      return in.shared.get(-1 - n);
    }
    String s = readBytes(in, n);
    if (in.shared.size() < SHARED) {
      in.shared.add(s);
    }
    return s;
  }

  private static void writeSharedList(Out out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeShared(out, s);
    }
  }

  private static List<String> readSharedList(In in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readShared(in));
    }
    return list;
  }

  public static void writeArticle(Out out, Article a) throws IOException {
    for (String s : new String[] {a.id(), a.slug(), a.title(), a.summary(), a.sourcePath()}) {
      writeString(out, s);
    }
    for (String s : new String[] {a.dateline(), a.section(), a.source(), a.license(), a.lang()}) {
      writeShared(out, s);
    }
    writeDate(out, a.date());
    writeDate(out, a.updated());
    writeSharedList(out, a.authors());
    writeSharedList(out, a.tags());
    out.writeBoolean(a.draft());
    writeExtras(out, a.extras());
    out.writeBoolean(a.image().isPresent());
    if (a.image().isPresent()) {
      ArticleImage i = a.image().get();
      for (String s : new String[] {i.src(), i.alt(), i.caption(), i.credit()}) {
        writeString(out, s);
      }
    }
  }

  private static void writeExtras(Out out, Extras e) throws IOException {
    writeList(out, e.aliases());
    writeString(out, e.weight().isPresent() ? String.valueOf(e.weight().getAsInt()) : "");
    writeDate(out, e.publishDate());
    writeDate(out, e.expiryDate());
    writeString(out, e.params().isEmpty() ? "" : JSON.std.asString(e.params()));
  }

  private static Extras readExtras(In in) throws IOException {
    List<String> aliases = readList(in);
    String weight = readString(in);
    Optional<ZonedDateTime> publish = readDate(in);
    Optional<ZonedDateTime> expiry = readDate(in);
    String json = readString(in);
    Map<String, Object> params = json.isEmpty() ? Map.of() : JSON.std.mapFrom(json);
    return new Extras(
        aliases,
        weight.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(weight)),
        publish,
        expiry,
        params);
  }

  public static Article readArticle(In in) throws IOException {
    String[] own = new String[5];
    for (int i = 0; i < own.length; i++) {
      own[i] = readString(in);
    }
    String[] shared = new String[5];
    for (int i = 0; i < shared.length; i++) {
      shared[i] = readShared(in);
    }
    Optional<ZonedDateTime> date = readDate(in);
    Optional<ZonedDateTime> updated = readDate(in);
    List<String> authors = readSharedList(in);
    List<String> tags = readSharedList(in);
    boolean draft = in.readBoolean();
    Extras extras = readExtras(in);
    Optional<ArticleImage> image =
        in.readBoolean()
            ? Optional.of(
                new ArticleImage(readString(in), readString(in), readString(in), readString(in)))
            : Optional.empty();
    return new Article(
        own[0],
        own[1],
        own[2],
        own[3],
        date,
        updated,
        authors,
        shared[0],
        shared[1],
        tags,
        shared[2],
        shared[3],
        shared[4],
        draft,
        own[4],
        Body.EMPTY,
        extras,
        image);
  }

  /**
   * A date as its instant and zone, which give back an equal {@link ZonedDateTime} (an instant has
   * one offset in a zone) without parsing text, the slowest part of reading a summary.
   */
  public static void writeDate(Out out, Optional<ZonedDateTime> date) throws IOException {
    out.writeBoolean(date.isPresent());
    if (date.isPresent()) {
      out.writeLong(date.get().toEpochSecond());
      out.writeInt(date.get().getNano());
      writeShared(out, date.get().getZone().getId());
    }
  }

  public static Optional<ZonedDateTime> readDate(In in) throws IOException {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
    try {
      return Optional.of(ZonedDateTime.ofInstant(instant, ZoneId.of(readShared(in))));
    } catch (DateTimeException e) {
      throw new IOException("corrupt summary data: " + e.getMessage(), e);
    }
  }

  public static void writeDiagnostics(Out out, List<Diagnostic> diagnostics) throws IOException {
    out.writeInt(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      writeShared(out, d.severity().name());
      writeShared(out, d.path());
      out.writeInt(d.line());
      out.writeInt(d.column());
      writeShared(out, d.message());
      writeShared(out, d.sourceLine());
    }
  }

  public static List<Diagnostic> readDiagnostics(In in) throws IOException {
    int n = in.readInt();
    List<Diagnostic> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(
          new Diagnostic(
              Severity.valueOf(readShared(in)),
              readShared(in),
              in.readInt(),
              in.readInt(),
              readShared(in),
              readShared(in)));
    }
    return list;
  }

  /** The index's entries by id ({@link BuildCache.Indexed}). */
  static void writeIndexed(DataOutputStream out, Map<String, BuildCache.Indexed> indexed)
      throws IOException {
    out.writeInt(indexed.size());
    for (Map.Entry<String, BuildCache.Indexed> e : indexed.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue().sourcePath());
      writeString(out, e.getValue().hash());
      writeString(out, e.getValue().slug());
    }
  }

  static Map<String, BuildCache.Indexed> readIndexed(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, BuildCache.Indexed> indexed = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      indexed.put(
          readString(in), new BuildCache.Indexed(readString(in), readString(in), readString(in)));
    }
    return indexed;
  }

  /** A picture's sizes as published: key, source size, each size, the thumbnail, the original. */
  static void writeRenditions(DataOutputStream out, Renditions r) throws IOException {
    writeString(out, r.key());
    out.writeInt(r.width());
    out.writeInt(r.height());
    out.writeInt(r.sizes().size());
    for (Renditions.Size size : r.sizes()) {
      writeSize(out, size);
    }
    out.writeBoolean(r.thumb() != null);
    if (r.thumb() != null) {
      writeSize(out, r.thumb());
    }
    writeString(out, r.original());
  }

  static Renditions readRenditions(DataInputStream in) throws IOException {
    String key = readString(in);
    int width = in.readInt();
    int height = in.readInt();
    int n = in.readInt();
    List<Renditions.Size> sizes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sizes.add(readSize(in));
    }
    Renditions.Size thumb = in.readBoolean() ? readSize(in) : null;
    return new Renditions(key, width, height, sizes, thumb, readString(in));
  }

  private static void writeSize(DataOutputStream out, Renditions.Size size) throws IOException {
    writeString(out, size.path());
    out.writeInt(size.width());
    out.writeInt(size.height());
  }

  private static Renditions.Size readSize(DataInputStream in) throws IOException {
    return new Renditions.Size(readString(in), in.readInt(), in.readInt());
  }

  static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      map.put(readString(in), readString(in));
    }
    return map;
  }

  public static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  public static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInputStream in) throws IOException {
    return readBytes(in, in.readInt());
  }

  private static String readBytes(DataInputStream in, int n) throws IOException {
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("corrupt summary data: a string of " + n + " bytes");
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes); // cut short: EOFException
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
