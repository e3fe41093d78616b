package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadlinesTest {
  @Test
  void keepsAShortLeadSentenceWhole() {
    assertEquals(
        "Kenya’s central bank held its main rate at 12.5 percent",
        Headlines.fromLead(
            "Kenya’s central bank held its main rate at 12.5 percent. Analysts had expected it."));
  }

  @Test
  void shortensTheSeedLeadTheWayASubEditorWould() {
    assertEquals(
        "Iran’s Foreign Ministry spokesman says negotiations for reviving JCPOA still ongoing",
        Headlines.fromLead(
            "Iran’s Foreign Ministry spokesman says that the negotiations for reviving the Joint "
                + "Comprehensive Plan of Action (JCPOA) is still ongoing."));
  }

  @Test
  void cutsAtAClauseBoundaryKeepingSubjectAndVerb() {
    assertEquals(
        "Lebanon’s parliament failed again on Thursday to elect a president",
        Headlines.fromLead(
            "Lebanon’s parliament failed again on Thursday to elect a president, the eleventh failed "
                + "session since the post fell vacant."));
  }

  @Test
  void neverCutsInsideAWordNorEndsOnAFunctionWord() {
    Random random = new Random(7);
    String[] words =
        ("the minister said of a plan to raise taxes on imported cars and trucks in the "
                + "coming year while unions warned that jobs would be lost across industrial regions")
            .split(" ");
    Set<String> vocabulary = new HashSet<>(Arrays.asList(words));
    Set<String> function = Set.of("the", "of", "a", "to", "on", "and", "in", "that", "would", "be");
    for (int i = 0; i < 300; i++) {
      StringBuilder lead = new StringBuilder("Officials");
      for (int w = 0; w < 10 + random.nextInt(40); w++) {
        lead.append(' ').append(words[random.nextInt(words.length)]);
      }
      String title = Headlines.fromLead(lead + ".");
      assertTrue(title.length() <= Headlines.MAX, title);
      for (String w : title.replace("…", "").split(" ")) {
        assertTrue(w.equals("Officials") || vocabulary.contains(w), "cut inside a word: " + title);
      }
      String last = title.replace("…", "").substring(title.replace("…", "").lastIndexOf(' ') + 1);
      String whole = Headlines.simplify(lead.toString());
      boolean cut =
          !title.equals(lead.toString())
              && !title.equals(whole)
              && !title.equals(Headlines.headlineGrammar(whole));
      assertFalse(cut && function.contains(last), "a cut ends on a function word: " + title);
    }
  }
}
