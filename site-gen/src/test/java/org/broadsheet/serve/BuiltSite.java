package org.broadsheet.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.broadsheet.search.SearchIndexWriter;

/** A small built site written by hand, as the build would leave it, with a real Lucene index. */
public final class BuiltSite {
  public static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";

  private BuiltSite() {}

  public static Path write(Path dir) throws IOException {
    page(
        dir,
        "index.html",
        "<!doctype html><html lang=\"en\"><head><title>Front</title></head><body><h1>Front page</h1>"
            + "<p>"
            + "News of the day. ".repeat(100)
            + "</p></body></html>");
    page(
        dir,
        "404.html",
        "<!doctype html><html lang=\"en\"><body><h1>Page not found</h1></body></html>");
    page(
        dir,
        "articles/vienna-talks/index.html",
        "<!doctype html><html lang=\"en\"><body><h1>Vienna talks resume</h1></body></html>");
    page(dir, "assets/site.css", "body { font-family: serif; }\n".repeat(40));
    page(
        dir,
        "feed.xml",
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");
    Files.createDirectories(dir.resolve("assets/empty-folder"));
    byte[] wasm = new byte[20_000];
    wasm[0] = 0;
    wasm[1] = 'a';
    wasm[2] = 's';
    wasm[3] = 'm';
    for (int i = 4; i < wasm.length; i++) {
      wasm[i] = (byte) (i * 31);
    }
    Files.write(dir.resolve("assets/search.wasm"), wasm);
    index(dir.resolve("search/lucene"));
    return dir;
  }

  public static void page(Path dir, String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void index(Path lucene) throws IOException {
    Files.createDirectories(lucene);
    try (var dir = FSDirectory.open(lucene);
        var writer = SearchIndexWriter.open(dir, "en", ZoneOffset.UTC, true)) {
      writer.put(
          article(
              "vienna-talks",
              "Vienna talks resume over nuclear deal",
              "Negotiators returned to Vienna on Monday to revive the JCPOA nuclear agreement.",
              "2022-02-26",
              "Diplomacy"),
          "articles/vienna-talks/");
      writer.put(
          article(
              "harvest",
              "Wheat harvest beats forecasts",
              "Farmers brought in a record wheat harvest this summer, the ministry said.",
              "2021-08-10",
              "Economy"),
          "articles/harvest/");
      writer.optimizeAndCommit();
    }
  }

  public static Article article(String id, String title, String text, String day, String section) {
    return ArticleBuilder.article(id)
        .title(title)
        .summary(text)
        .date(day + "T09:00:00Z")
        .authors("Staff")
        .section(section)
        .tags("news")
        .source("Wire")
        .license("CC-BY-4.0")
        .lang("en")
        .text(text)
        .build();
  }

  /** The site folder packed into a zip, files at the top, as {@code broadsheet pack} writes it. */
  public static Path zip(Path site, Path zipFile) throws IOException {
    return zip(site, zipFile, zip -> {});
  }

  /** Writes more entries after the site's. */
  interface Extra {
    void write(ZipOutputStream zip) throws IOException;
  }

  /** The site packed into a zip, then {@code extra} entries written by hand. */
  public static Path zip(Path site, Path zipFile, Extra extra) throws IOException {
    try (OutputStream os = Files.newOutputStream(zipFile);
        ZipOutputStream zip = new ZipOutputStream(os);
        Stream<Path> files = Files.walk(site)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = site.relativize(file).toString().replace('\\', '/');
        if (name.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(file)) {
          zip.putNextEntry(new ZipEntry(name + "/"));
        } else {
          zip.putNextEntry(new ZipEntry(name));
          Files.copy(file, zip);
        }
        zip.closeEntry();
      }
      extra.write(zip);
    }
    return zipFile;
  }
}
