package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FootersTest {
  private static Footer strip(String text) {
    return Footers.strip(text, 0, text.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\n Reuter\n",
        "\n REUTER\n",
        "\n reuter\n",
        "\n REUTER...\n",
        "\n Reuter4",
        "\n REUTER N\n",
        "\n REUTER\r",
        " REUTER",
        "        REUTER\n",
        "\n REUTER11:43/VB\n",
        "\n Reuters\n"
      })
  void removesEveryFormOfTheReuterSignOff(String signOff) {
    String body = "Prices rose 2 pct in the week.";
    Footer f = strip(body + signOff);
    assertEquals("Reuters", f.source());
    assertEquals(body.length(), f.end());
  }

  @Test
  void keepsReutersWhenItIsPartOfTheSentence() {
    String text = "a treasury official told Reuters.";
    assertEquals(text.length(), strip(text).end());
    assertEquals("", strip(text).source());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License. | Mehr News Agency | CC-BY-4.0",
        "This work by Example Press is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License. | Example Press | CC-BY-SA-4.0",
        "All content is licensed under a Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International License. | '' | CC-BY-NC-ND-4.0",
        "Material from Example Daily is licenced under CC BY 3.0. | Example Daily | CC-BY-3.0",
      })
  void turnsALicenceSentenceIntoSourceAndSpdxId(String sentence, String source, String spdx) {
    Footer f = strip("The story ends here.\u00a0  " + sentence);
    assertEquals(source, f.source());
    assertEquals(spdx, f.license());
    assertEquals("The story ends here.".length(), f.end());
  }

  @Test
  void readsAuthorsFromACreditLine() {
    Footer f =
        strip(
            "Prices rose.\n\n(Reporting by Jane Doe and Omar Haddad in Cairo; Editing by Sam Lee)\n");
    assertEquals(List.of("Jane Doe", "Omar Haddad"), f.authors());
    assertEquals("Prices rose.".length(), f.end());
  }

  @Test
  void takesOffSeveralFootersInTurn() {
    Footer f = strip("Prices rose.\n(Reporting by Jane Doe)\nSource: Example Wire\n More\n");
    assertEquals("Example Wire", f.source());
    assertEquals(List.of("Jane Doe"), f.authors());
    assertEquals(3, f.removed().size());
  }
}
