package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.MonthDay;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelinesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "TEHRAN — Iran said                      | TEHRAN             | ''    | ''",
        "TEHRAN – Iran said                      | TEHRAN             | ''    | ''",
        "BEIRUT - Lebanon said                   | BEIRUT             | ''    | ''",
        "SALVADOR, Feb 26 - Showers continued    | SALVADOR           | 02-26 | ''",
        "NEW YORK, March 3 - Shares rose         | NEW YORK           | 03-03 | ''",
        "NEW YORK , March 20 - Shares rose       | NEW YORK           | 03-20 | ''",
        "COMMACK, N.Y., Feb 26 - A maker         | COMMACK, N.Y.      | 02-26 | ''",
        "RICHMOND, Va. Feb 26 - Qtly div         | RICHMOND, Va.      | 02-26 | ''",
        "CHEVY CHASE, Md., - March 4 - Geico     | CHEVY CHASE, Md.   | 03-04 | ''",
        "MONTREAL, Feb 26- Shr 1.11 dlrs         | MONTREAL           | 02-26 | ''",
        "JOHANNESBURG March 13 - Shr 516 cts     | JOHANNESBURG       | 03-13 | ''",
        "Caracas, feb 26 - venezuela is          | Caracas            | 02-26 | ''",
        "FORT WAYNE, IND., Marchg 12 - Qtly div  | FORT WAYNE, IND.   | 03-12 | ''",
        "DALLAS/FORT WORTH, Texas, March 3 - AMR | DALLAS/FORT WORTH, Texas | 03-03 | ''",
        "LONDON (Reuters) - British prices       | LONDON             | ''    | Reuters",
        "TEHRAN, Aug. 15 (MNA) – Iran’s          | TEHRAN             | 08-15 | MNA",
        "WASHINGTON, March 12, Reuter - A judge  | WASHINGTON         | 03-12 | Reuters",
        "SÃO PAULO, March 3 - Brazil’s           | SÃO PAULO          | 03-03 | ''",
        "TEHRAN-Iranian singer Homayoun          | TEHRAN             | ''    | ''",
        "TEHRAN- The 5th edition opened          | TEHRAN             | ''    | ''",
        "NEW YORK-Shares rose                    | NEW YORK           | ''    | ''",
      })
  void findsTheDatelineInEveryForm(String text, String place, String monthDay, String agency) {
    Dateline d = Datelines.find(text).orElseThrow();
    assertEquals(place, d.place());
    assertEquals(
        monthDay.isEmpty() ? Optional.empty() : Optional.of(MonthDay.parse("--" + monthDay)),
        d.monthDay());
    assertEquals(agency, d.agency());
    assertTrue(
        Character.isLetter(text.charAt(d.end())) || text.charAt(d.end()) == '<',
        "body starts at a word");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The central bank - which had raised rates - held.",
        "IBM said on Monday - in a filing - that it would.",
        "U.S. DIVIDEND MEETINGS - MARCH 3\nCompany Date",
        "FEDERAL RESERVE WEEKLY MONEY SUPPLY REPORT - the figures",
        "SALVADOR, Feb 30 - no such day",
        "Nothing here at all",
        "",
        "COVID-19 cases rose again - officials said",
        "Al-Monitor reported - citing sources - that",
        "NEW YORK-based firm - the statement said",
        "EU-China summit - the first in years",
        "U.S.-Iran talks - in Vienna",
        "AL-MONITOR reported - citing sources",
        "HIGH-RISE fire - dozens hurt",
        "TEHRAN-",
        "TEHRAN-born singer - dies",
        "TEHRAN- 5 people - were hurt",
        "CHICAGO COMMODITY TRENDS- OPENING April 7\n wheat up 1",
      })
  void findsNoDatelineInOrdinaryText(String text) {
    assertEquals(Optional.empty(), Datelines.find(text));
  }

  @Test
  void readsAYearWhenTheDatelineGivesOne() {
    Dateline d = Datelines.find("GENEVA, March 3, 2021 - Talks resumed.").orElseThrow();
    assertEquals(2021, d.year().getAsInt());
  }

  @Test
  void looksOnlyAtTheStartOfAHugeText() {
    String huge = "x".repeat(10_000_000);
    assertEquals(Optional.empty(), Datelines.find(huge));
  }
}
