package org.broadsheet.web.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat.IntBlockTermState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.content.Article;
import org.broadsheet.web.BrowserSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open bundle's postings map, as the build writes it and the browser reads it: every term of
 * every field lies in the range the map gives for it, and a group spans more than the group size
 * only where one term's postings do.
 */
class PostingsMapTest {
  @TempDir Path tmp;

  @Test
  void everyTermsPostingsLieInTheRangeTheMapGivesForIt() throws Exception {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        // a few common words, and many rare ones: groups of many terms and groups of one
        body.append(w % 3 == 0 ? "w" + (i * 31 + w) % 4000 : "common" + (w % 7)).append(' ');
      }
      articles.add(
          BrowserSite.article(
              "en",
              "m" + i,
              "Story " + i,
              body.toString(),
              String.format("2021-%02d-%02dT08:00:00Z", 1 + i % 12, 1 + i % 28),
              "World",
              List.of("t" + i % 5)));
    }
    Path site = tmp.resolve("site");
    BrowserSite.build(site, articles, 1024);
    Path search = site.resolve("search");
    PageStore store = new PageStore(1024);
    Path lucene = search.resolve("lucene");
    try (var files = Files.list(lucene)) {
      files.forEach(f -> store.addFile(f.getFileName().toString(), f.toFile().length()));
    }
    String open;
    try (var files = Files.list(search)) {
      open = files.filter(f -> f.toString().endsWith(".open")).findFirst().orElseThrow().toString();
    }
    OpenBundle.load(Files.readAllBytes(Path.of(open)), store);

    int checked = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(lucene))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SegmentReader segment = (SegmentReader) leaf.reader();
        String doc =
            segment.getSegmentInfo().info.files().stream()
                .filter(n -> n.endsWith(".doc"))
                .findFirst()
                .orElseThrow();
        for (FieldInfo info : segment.getFieldInfos()) {
          Terms terms = segment.terms(info.name);
          if (terms == null) {
            continue;
          }
          TermsEnum te = terms.iterator();
          BytesRef term = te.next();
          IntBlockTermState state = term == null ? null : (IntBlockTermState) te.termState();
          assertNull(
              store.postingsRange(doc, info.name, new byte[0], 0, 0),
              "the empty term sorts before every term of " + info.name);
          while (term != null) {
            BytesRef here = BytesRef.deepCopyOf(term);
            long start = state.docStartFP;
            term = te.next();
            IntBlockTermState next = term == null ? null : (IntBlockTermState) te.termState();
            long[] range = store.postingsRange(doc, info.name, here.bytes, 0, here.length);
            assertNotNull(range, info.name + ":" + here.utf8ToString());
            long end = next == null ? range[1] : next.docStartFP;
            assertTrue(
                range[0] <= start && end <= range[1],
                info.name
                    + ":"
                    + here.utf8ToString()
                    + " at "
                    + start
                    + ".."
                    + end
                    + " not in "
                    + range[0]
                    + ".."
                    + range[1]);
            // a field's last term ends where the next field starts, which its group does not know
            assertTrue(
                range[1] - range[0] <= 2048 || range[0] == start && range[1] == end || next == null,
                "a group over 2 KB is one term's: " + info.name + ":" + here.utf8ToString());
            state = next;
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 4000, checked + " terms");
    assertEquals(null, store.postingsRange("no such file.doc", "text", new byte[] {'a'}, 0, 1));
  }
}
