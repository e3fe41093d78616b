package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.junit.jupiter.api.Test;

/** Every article's related articles at once, from the index alone. */
class RelatedListsTest {
  static final List<Article> STORIES =
      List.of(
          story(
              "rail-1",
              "en",
              "Rail workers strike over pay",
              "2023-03-06T08:00:00Z",
              "Train drivers walked out on Monday in a national rail strike over pay, halting commuter trains and "
                  + "freight services. The drivers union said its members had rejected the operators pay offer because "
                  + "inflation had eroded wages. Commuters crowded onto buses while freight operators warned of delays "
                  + "to coal and container trains."),
          story(
              "rail-2",
              "en",
              "Rail strike talks resume",
              "2023-03-08T08:00:00Z",
              "Talks between the drivers union and the train operators resumed on Wednesday as the rail strike entered "
                  + "its third day. The union said a pay offer matching inflation could end the walkout; the operators "
                  + "said freight and commuter trains would stay cut until drivers returned."),
          story(
              "rail-3",
              "en",
              "Commuters face a second week of the rail strike",
              "2023-03-13T08:00:00Z",
              "Commuters faced a second week without trains as the drivers strike over pay went on. Freight operators "
                  + "said container and coal trains were stuck in sidings, and the union rejected a revised pay offer "
                  + "that fell short of inflation."),
          story(
              "fire-1",
              "en",
              "Wildfire forces evacuation of hill villages",
              "2023-08-02T08:00:00Z",
              "A wildfire driven by strong winds forced the evacuation of six hill villages overnight. Firefighters "
                  + "and water-bombing aircraft fought the blaze in dry pine forest as temperatures passed forty degrees "
                  + "and smoke closed the coastal motorway."),
          story(
              "fire-2",
              "en",
              "Firefighters contain hillside blaze",
              "2023-08-04T08:00:00Z",
              "Firefighters said they had contained the wildfire in the pine forest above the villages after winds "
                  + "eased. Aircraft kept dropping water on smouldering hillsides and evacuated residents were told "
                  + "they could return once the smoke cleared from the motorway."),
          story(
              "fire-3",
              "en",
              "Burnt forest to be replanted",
              "2023-09-10T08:00:00Z",
              "Foresters will replant the pine forest burnt in the summer wildfire, the region said, after "
                  + "firefighters and aircraft saved the hill villages. Evacuated residents returned to find smoke "
                  + "damage; winds and dry forest had spread the blaze within hours."),
          story(
              "chess-1",
              "en",
              "Teenager leads chess championship",
              "2023-05-01T08:00:00Z",
              "A sixteen-year-old grandmaster leads the national chess championship after winning with the black "
                  + "pieces in the fifth round. Her opening sacrifice of a knight stunned the defending champion, who "
                  + "resigned after the time control."),
          story(
              "chess-2",
              "en",
              "Chess prodigy takes title",
              "2023-05-06T08:00:00Z",
              "The sixteen-year-old grandmaster won the national chess championship with a round to spare. A knight "
                  + "sacrifice in the opening again decided her game, and the defending champion congratulated her "
                  + "after resigning before the time control."),
          story(
              "cheese",
              "en",
              "Village cheese festival draws record crowd",
              "2023-06-18T08:00:00Z",
              "A record crowd tasted mountain cheeses at the village festival, where herdsmen brought their cattle "
                  + "down from summer pastures to music from brass bands."),
          story(
              "bahn-1",
              "de",
              "Lokführer streiken bundesweit",
              "2023-03-06T09:00:00Z",
              "Die Gewerkschaft der Lokführer hat zu einem bundesweiten Streik im Bahnverkehr aufgerufen. Pendler "
                  + "warteten vergeblich auf Züge, im Güterverkehr stauten sich Containerzüge. Die Gewerkschaft fordert "
                  + "mehr Lohn wegen der Inflation."),
          story(
              "bahn-2",
              "de",
              "Bahnstreik geht weiter",
              "2023-03-08T09:00:00Z",
              "Der Streik der Lokführer im Bahnverkehr geht weiter. Die Gewerkschaft lehnte das Angebot der Bahn ab, "
                  + "weil der Lohn die Inflation nicht ausgleiche. Pendler und Güterverkehr müssen weiter mit "
                  + "Ausfällen rechnen."),
          story(
              "bahn-3",
              "de",
              "Pendler leiden unter Streik der Lokführer",
              "2023-03-13T09:00:00Z",
              "Auch in der zweiten Woche fahren kaum Züge: Die Lokführer streiken für mehr Lohn. Pendler stehen an "
                  + "Bahnsteigen, Containerzüge im Güterverkehr stehen still, und die Gewerkschaft verweist auf die "
                  + "Inflation."),
          story(
              "oper",
              "de",
              "Oper eröffnet mit Mozart",
              "2023-10-01T09:00:00Z",
              "Das renovierte Opernhaus eröffnet die Spielzeit mit einer Inszenierung von Mozarts Zauberflöte; das "
                  + "Publikum feierte Sängerinnen und Orchester."));

  /**
   * Articles deleted, or replaced by another version, before the last commit: added just before the
   * middle story (chess-1, in either order), which replaces the first version of itself.
   */
  static final List<Article> GONE =
      List.of(
          story(
              "gone-1",
              "en",
              "Rail strike",
              "2023-03-07T08:00:00Z",
              "Rail strike by train drivers over pay."),
          story(
              "gone-2",
              "de",
              "Streik",
              "2023-03-07T09:00:00Z",
              "Streik der Lokführer im Bahnverkehr."),
          story(
              "chess-1",
              "en",
              "An earlier version",
              "2023-05-01T08:00:00Z",
              "A grandmaster leads the championship."));

  static Article story(String id, String lang, String title, String date, String body) {
    return ArticleBuilder.article(id)
        .title(title)
        .summary(body.substring(0, Math.min(40, body.length())))
        .date(date)
        .authors("Desk")
        .section("news")
        .lang(lang)
        .text(body)
        .build();
  }

  /**
   * An index of {@code stories}, committed after every {@code perCommit} (all: one merged segment),
   * with {@code deletedLater} added halfway (into a segment with live documents: a segment whose
   * documents are all deleted is dropped) and deleted or replaced before the last commit.
   */
  static ByteBuffersDirectory index(
      List<Article> stories, int perCommit, List<Article> deletedLater) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // appending (create false): a put replaces the document of its id, as in an incremental build
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), false)) {
      for (int i = 0; i < stories.size(); i++) {
        if (i == stories.size() / 2) {
          for (Article gone : deletedLater) {
            w.put(gone, "x/");
          }
        }
        w.put(stories.get(i), "articles/" + stories.get(i).slug() + "/");
        if ((i + 1) % perCommit == 0) {
          w.commit();
        }
      }
      for (Article gone : deletedLater) {
        if (stories.stream().noneMatch(a -> a.id().equals(gone.id()))) {
          w.delete(gone.id()); // the others were replaced by the story of their id
        }
      }
      if (perCommit >= stories.size()) {
        w.optimizeAndCommit();
      } else {
        w.commit();
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(perCommit >= stories.size(), reader.leaves().size() == 1, "segments as meant");
      assertEquals(!deletedLater.isEmpty(), reader.hasDeletions(), "deletions as meant");
    }
    return dir;
  }

  static Map<String, List<String>> lists(
      List<Article> stories, int perCommit, List<Article> deletedLater) throws IOException {
    try (ByteBuffersDirectory dir = index(stories, perCommit, deletedLater);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Article a : STORIES) {
        out.put(a.id(), related.of(a.id()));
      }
      return out;
    }
  }

  /**
   * Each English article's signature (term and weight) and the score of every article its query
   * meets.
   */
  static Map<String, String> signaturesAndScores(
      List<Article> stories, int perCommit, List<Article> deletedLater) throws IOException {
    try (ByteBuffersDirectory dir = index(stories, perCommit, deletedLater);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      String[] ids = RelatedLists.ids(reader);
      TermSignatures s = TermSignatures.read(reader, SearchSchema.TEXT, List.of(), 15);
      SignaturePostings postings =
          SignaturePostings.invert(s, RelatedLists.ranks(ids), Integer.MAX_VALUE);
      QueryScores m = new QueryScores(reader.maxDoc(), 15);
      Map<String, String> out = new TreeMap<>();
      for (int d = 0; d < ids.length; d++) {
        if (ids[d] != null && s.counts[d] > 0) {
          StringBuilder sb = new StringBuilder();
          for (int i = d * 15; i < d * 15 + s.counts[d]; i++) {
            sb.append(s.eligible.term(s.terms[i]).utf8ToString())
                .append('=')
                .append(s.eligible.idf(s.terms[i]))
                .append(' ');
          }
          postings.match(s, d, new RelatedLists.Tuning(15, 1, 0, Integer.MAX_VALUE), m);
          Map<String, Float> scores = new TreeMap<>();
          for (int i = 0; i < m.size; i++) {
            scores.put(ids[m.touched[i]], m.score(m.touched[i]));
          }
          out.put(ids[d], sb.append(scores).toString());
        }
      }
      return out;
    }
  }

  @Test
  void theListsDependOnTheSetOfArticlesOnlyNotOnOrderSegmentsOrDeletedDocuments()
      throws IOException {
    Map<String, List<String>> merged = lists(STORIES, Integer.MAX_VALUE, List.of());
    List<Article> reversed = new ArrayList<>(STORIES);
    Collections.reverse(reversed);
    assertEquals(merged, lists(reversed, 3, List.of()), "reversed, five segments");
    assertEquals(
        merged,
        lists(STORIES, 4, GONE),
        "deleted documents still in the segments count for nothing");
    assertTrue(merged.values().stream().anyMatch(l -> l.size() >= 2), merged.toString());
  }

  @Test
  void signaturesAndScoresTooAreTheSameWhateverTheSegmentsAndDeletedDocuments() throws IOException {
    Map<String, String> merged = signaturesAndScores(STORIES, Integer.MAX_VALUE, List.of());
    List<Article> reversed = new ArrayList<>(STORIES);
    Collections.reverse(reversed);
    assertEquals(merged, signaturesAndScores(reversed, 3, GONE));
  }

  @Test
  void storiesOfOneEventAreRelatedAndAnArticleIsNeverItsOwnRelative() throws IOException {
    Map<String, List<String>> lists = lists(STORIES, Integer.MAX_VALUE, List.of());
    assertEquals(
        List.of("rail-2", "rail-3"),
        lists.get("rail-1").stream().sorted().toList(),
        lists.toString());
    assertEquals(
        List.of("fire-1", "fire-3"),
        lists.get("fire-2").stream().sorted().toList(),
        lists.toString());
    assertEquals(List.of("chess-1"), lists.get("chess-2"), lists.toString());
    lists.forEach((id, related) -> assertFalse(related.contains(id), id + " " + related));
  }

  @Test
  void pruningTheQueriesChangesNoList() throws IOException {
    try (ByteBuffersDirectory dir = index(STORIES, Integer.MAX_VALUE, List.of());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
      RelatedReference.lists(reader, RelatedLists.Tuning.DEFAULT, 4)
          .forEach((id, list) -> assertEquals(list, related.of(id), id));
    }
  }

  @Test
  void anArticleWithNothingLikeItHasNoRelatedArticles() throws IOException {
    Map<String, List<String>> lists = lists(STORIES, Integer.MAX_VALUE, List.of());
    assertEquals(
        List.of(),
        lists.get("cheese"),
        "a festival shares no subject with strikes, fires or chess");
    assertEquals(List.of(), lists.get("oper"));
  }

  @Test
  void articlesAreRelatedOnlyWithinTheirLanguage() throws IOException {
    Map<String, List<String>> lists = lists(STORIES, Integer.MAX_VALUE, List.of());
    assertEquals(
        List.of("bahn-2", "bahn-3"),
        lists.get("bahn-1").stream().sorted().toList(),
        lists.toString());
    List<String> german =
        STORIES.stream().filter(a -> a.lang().equals("de")).map(Article::id).toList();
    lists.forEach(
        (id, related) ->
            assertTrue(
                related.stream().allMatch(r -> german.contains(r) == german.contains(id)),
                id + " " + related));
  }

  @Test
  void anArticlesIdsAreItsListAmongAllAndAnEditShowsWhichListsChanged() throws IOException {
    List<Article> edited = new ArrayList<>(STORIES);
    edited.set(
        1,
        story(
            "rail-2",
            "en",
            "Museum reopens",
            "2023-03-08T08:00:00Z",
            "The city museum reopened its galleries of medieval tapestries and painted altarpieces."));
    try (ByteBuffersDirectory before = index(STORIES, Integer.MAX_VALUE, List.of());
        DirectoryReader beforeReader = DirectoryReader.open(before);
        ByteBuffersDirectory after = index(edited, Integer.MAX_VALUE, List.of());
        DirectoryReader afterReader = DirectoryReader.open(after)) {
      RelatedLists all = RelatedArticles.all(beforeReader, IndexInfo.read(beforeReader), 4);
      RelatedArticles perArticle = new RelatedArticles(beforeReader, IndexInfo.read(beforeReader));
      for (Article a : STORIES) {
        assertEquals(
            all.of(a.id()),
            perArticle.ids(a.id(), a.lang(), a.title(), a.body().text(), 4),
            a.id());
      }
      RelatedLists now = RelatedArticles.all(afterReader, IndexInfo.read(afterReader), 4);
      Set<String> changed = now.changedSince(all);
      assertTrue(
          changed.containsAll(Set.of("rail-1", "rail-2", "rail-3")),
          "rail-2 is now about a museum: " + changed);
      for (Article a : STORIES) {
        assertEquals(!now.of(a.id()).equals(all.of(a.id())), changed.contains(a.id()), a.id());
      }
      assertEquals(Set.of(), now.changedSince(now));
    }
  }

  @Test
  void equalScoresAreOrderedById() throws IOException {
    String body = STORIES.get(0).body().text();
    List<Article> twins = new ArrayList<>(STORIES);
    twins.add(story("rail-twin-b", "en", STORIES.get(0).title(), "2023-03-06T08:00:00Z", body));
    twins.add(story("rail-twin-a", "en", STORIES.get(0).title(), "2023-03-06T08:00:00Z", body));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        for (Article a : twins) {
          w.put(a, "articles/" + a.slug() + "/");
        }
        w.optimizeAndCommit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
        List<String> ofRail2 = related.of("rail-2");
        assertEquals(
            List.of("rail-1", "rail-twin-a", "rail-twin-b"),
            ofRail2.stream()
                .filter(id -> id.equals("rail-1") || id.startsWith("rail-twin"))
                .toList(),
            "three equal scores, in the order of their ids: " + ofRail2);
        assertEquals(4, ofRail2.size(), ofRail2.toString());
        assertEquals(
            "rail-twin-a", related.of("rail-1").get(0), "its twins first, the smaller id first");
        assertEquals(List.of(), related.of("no-such-article"));
      }
    }
  }
}
