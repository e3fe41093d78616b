package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one reading of search parameters: every parameter's default, accepted forms and refusals,
 * with the exact message the command line, {@code /api/search} and the browser all show.
 */
class SearchParametersTest {
  static SearchRequest parse(String... pairs) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return SearchParameters.parse(params::get);
  }

  static String refusal(String... pairs) {
    return assertThrows(IllegalArgumentException.class, () -> parse(pairs)).getMessage();
  }

  /** {@code query} with every other parameter given, none at its default. */
  static SearchRequest everyValueSet(String query) {
    return request(query)
        .limit(25)
        .offset(50)
        .tag("energy")
        .section("business")
        .from("2023-01")
        .to("2024")
        .sort(SortOrder.DATE)
        .facets()
        .build();
  }

  @Test
  void valuesInTheOrderOfTheNamesAreReadByName() {
    assertEquals(
        everyValueSet("oil"),
        SearchParameters.parse(
            SearchParameters.inOrder(
                "oil", "25", "50", "energy", "business", "2023-01", "2024", "date", "true")));
    assertEquals(null, SearchParameters.inOrder(new String[9]).apply("tags"), "not a parameter");
    assertThrows(IllegalArgumentException.class, () -> SearchParameters.inOrder("oil", "25"));
  }

  @Test
  void nothingGivenIsTheFirstTenByRelevanceWithoutFiltersOrFacets() {
    assertEquals(SearchRequest.of(""), parse());
    assertEquals(
        SearchRequest.of(""),
        parse(
            "q", null, "limit", "", "offset", " ", "tag", "", "section", "  ", "from", "", "to", "",
            "sort", "", "facets", ""));
  }

  @Test
  void everyParameterIsReadIntoTheRequest() {
    assertEquals(
        everyValueSet("oil -opec"),
        parse(
            "q",
            "oil -opec",
            "limit",
            "25",
            "offset",
            "50",
            "tag",
            "energy",
            "section",
            " business ",
            "from",
            "2023-01",
            "to",
            "2024",
            "sort",
            "date",
            "facets",
            "true"));
    assertEquals(SortOrder.DATE, parse("sort", "DATE").sort());
    assertEquals(SortOrder.RELEVANCE, parse("sort", "Relevance").sort());
    assertEquals(false, parse("facets", "false").facets());
    assertEquals(true, parse("facets", "TRUE").facets());
    assertEquals(7, parse("limit", " 007 ").limit());
  }

  @Test
  void queryTextIsKeptAsGiven() {
    assertEquals("  \"central bank\" rate* ", parse("q", "  \"central bank\" rate* ").query());
  }

  @Test
  void limitOutsideOneToAThousandIsRefused() {
    assertEquals("limit must be between 1 and 1000, was -1", refusal("limit", "-1"));
    assertEquals("limit must be between 1 and 1000, was 0", refusal("limit", "0"));
    assertEquals("limit must be between 1 and 1000, was 1001", refusal("limit", "1001"));
    assertEquals(
        "limit must be between 1 and 1000, was 99999999999999999999999",
        refusal("limit", "99999999999999999999999"));
    assertEquals(1000, parse("limit", "1000").limit());
    assertEquals(1, parse("limit", "1").limit());
  }

  @Test
  void numbersThatAreNotWholeNumbersAreRefused() {
    for (String bad : List.of("ten", "2.5", "1e3", "+5", "-", "0x10", "5 0", "١٠")) {
      assertEquals("limit must be a whole number, was \"" + bad + "\"", refusal("limit", bad), bad);
      assertEquals(
          "offset must be a whole number, was \"" + bad + "\"", refusal("offset", bad), bad);
    }
  }

  @Test
  void negativeOffsetAndWindowsPastTenThousandAreRefused() {
    assertEquals("offset must not be negative, was -1", refusal("offset", "-1"));
    assertEquals(
        "offset + limit must be at most 10000 (hits past the 10000th are not served), was 9991 + 10",
        refusal("offset", "9991"));
    assertEquals(
        "offset + limit must be at most 10000 (hits past the 10000th are not served), "
            + "was 99999999999999999999 + 10",
        refusal("offset", "99999999999999999999"));
    assertEquals(9000, parse("offset", "9000", "limit", "1000").offset());
  }

  @Test
  void datesThatAreNotRealDaysAreRefused() {
    assertEquals(
        "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\"",
        refusal("from", "2024-13-01"));
    assertEquals(
        "to must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2023-02-29\"",
        refusal("to", "2023-02-29"));
    assertEquals(
        "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"yesterday\"",
        refusal("from", "yesterday"));
    assertEquals("2024-02-29", parse("to", "2024-02-29").to());
  }

  @Test
  void fromAfterToIsRefusedButTheSameMonthIsARange() {
    assertEquals(
        "from must not be after to, was from 2024-05-02 to 2024-05-01",
        refusal("from", "2024-05-02", "to", "2024-05-01"));
    assertEquals("2024-05-10", parse("from", "2024-05-10", "to", "2024-05").from());
    assertEquals("2024", parse("from", "2024", "to", "2024").to());
  }

  @Test
  void sortAndFacetsTakeOnlyTheirWords() {
    assertEquals("sort must be relevance or date, was \"newest\"", refusal("sort", "newest"));
    assertEquals("facets must be true or false, was \"yes\"", refusal("facets", "yes"));
  }

  @Test
  void everyBadParameterIsNamedInOneMessage() {
    assertEquals(
        "limit must be between 1 and 1000, was -1; "
            + "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\"; "
            + "sort must be relevance or date, was \"x\"",
        refusal("limit", "-1", "from", "2024-13-01", "sort", "x"));
  }

  @Test
  void unknownAndRepeatedParametersAreRefusedWhereTheCallerCannotRuleThemOut() {
    Map<String, String> params = Map.of("q", "oil", "tag", "energy");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchParameters.parse(List.of("q", "tags", "tag", "tag", "tags"), params::get));
    assertEquals(
        "unknown parameter \"tags\" (known: q, limit, offset, tag, section, from, to, sort, facets); "
            + "tag is given more than once",
        e.getMessage());
    assertEquals("energy", SearchParameters.parse(List.of("q", "tag"), params::get).tag());
  }

  @Test
  void theRequestItselfRefusesWithTheSameMessages() {
    assertEquals(
        "limit must be between 1 and 1000, was -1",
        assertThrows(IllegalArgumentException.class, () -> request("").limit(-1).build())
            .getMessage());
    assertEquals(
        "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\"",
        assertThrows(IllegalArgumentException.class, () -> request("").from("2024-13-01").build())
            .getMessage());
  }
}
