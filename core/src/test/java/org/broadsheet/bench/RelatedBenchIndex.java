package org.broadsheet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.broadsheet.content.Body;
import org.broadsheet.search.SearchIndexWriter;

/**
 * Indexes a folder of generated Markdown stories ({@code gen_corpus.py --format md}) the quick way,
 * for {@code RelatedBench} at sizes a full build takes too long for: front matter read line by line
 * (title, date), the Markdown source as body text, each file name as the id.
 *
 * <pre>RelatedBenchIndex CONTENT_DIR INDEX_DIR</pre>
 */
public final class RelatedBenchIndex {
  private RelatedBenchIndex() {}

  public static void main(String[] args) throws IOException {
    try (FSDirectory dir = FSDirectory.open(Path.of(args[1]));
        SearchIndexWriter writer = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true);
        Stream<Path> files = Files.list(Path.of(args[0]))) {
      files
          .filter(f -> f.toString().endsWith(".md"))
          .parallel()
          .forEach(
              f -> {
                try {
                  Article a = article(f);
                  writer.put(a, "articles/" + a.id() + "/");
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      writer.optimizeAndCommit();
    }
  }

  private static Article article(Path file) throws IOException {
    String text = Files.readString(file);
    int end = text.indexOf("\n---", 4);
    String title = "";
    String date = null;
    for (String line : text.substring(0, Math.max(0, end)).split("\n")) {
      if (line.startsWith("title: ")) {
        title = line.substring(7).replace("\"", "");
      } else if (line.startsWith("date: ")) {
        date = line.substring(6).strip();
      }
    }
    String body = text.substring(end < 0 ? 0 : end + 4);
    String id = file.getFileName().toString().replace(".md", "");
    return ArticleBuilder.article(id)
        .title(title)
        .summary(body.substring(0, Math.min(200, body.length())))
        .date(date)
        .sourcePath(file.toString())
        .body(new Body("", body))
        .build();
  }
}
