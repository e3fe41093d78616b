package org.broadsheet.parse.wire;

import java.util.Locale;
import java.util.Map;

/**
 * Agency codes as datelines write them ({@code (MNA)}, {@code (Reuters)}) and the names they stand
 * for.
 */
final class Agencies {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("reuters", "Reuters"),
          Map.entry("reuter", "Reuters"),
          Map.entry("mna", "Mehr News Agency"),
          Map.entry("mehr", "Mehr News Agency"),
          Map.entry("ap", "Associated Press"),
          Map.entry("afp", "Agence France-Presse"),
          Map.entry("irna", "Islamic Republic News Agency"),
          Map.entry("upi", "United Press International"),
          Map.entry("xinhua", "Xinhua"),
          Map.entry("dpa", "Deutsche Presse-Agentur"),
          Map.entry("ansa", "ANSA"),
          Map.entry("efe", "EFE"),
          Map.entry("tasnim", "Tasnim News Agency"),
          Map.entry("isna", "Iranian Students' News Agency"),
          Map.entry("pti", "Press Trust of India"),
          Map.entry("kyodo", "Kyodo News"),
          Map.entry("yonhap", "Yonhap"),
          Map.entry("tass", "TASS"),
          Map.entry("bloomberg", "Bloomberg"));

  private Agencies() {}

  /** The agency's name for a code, or the code itself when unknown; empty for an empty code. */
  static String name(String code) {
    return NAMES.getOrDefault(code.strip().toLowerCase(Locale.ROOT), code.strip());
  }
}
