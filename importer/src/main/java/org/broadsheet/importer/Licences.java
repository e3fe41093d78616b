package org.broadsheet.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creative Commons licence URLs and names, as SPDX ids ({@code CC-BY-4.0}). */
final class Licences {
  private static final Pattern CC_URL =
      Pattern.compile(
          "creativecommons\\.org/licenses/((?:by|nc|sa|nd)(?:-(?:by|nc|sa|nd))*)/(\\d\\.\\d)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CC_ZERO =
      Pattern.compile("creativecommons\\.org/publicdomain/zero/1\\.0", Pattern.CASE_INSENSITIVE);
  private static final Pattern CC_NAME =
      Pattern.compile(
          "\\bCC[ -](BY(?:[ -](?:NC|SA|ND))*)[ -](\\d\\.\\d)\\b", Pattern.CASE_INSENSITIVE);

  private Licences() {}

  /** The SPDX id of a Creative Commons licence named or linked in {@code text}, if any. */
  static Optional<String> spdx(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (CC_ZERO.matcher(text).find()) {
      return Optional.of("CC0-1.0");
    }
    Matcher m = CC_URL.matcher(text);
    if (m.find()) {
      return Optional.of("CC-" + m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2));
    }
    m = CC_NAME.matcher(text);
    if (m.find()) {
      return Optional.of(
          "CC-" + m.group(1).toUpperCase(Locale.ROOT).replace(' ', '-') + "-" + m.group(2));
    }
    return Optional.empty();
  }

  /** The SPDX id when {@code text} names a licence, else the text itself (a rights statement). */
  static String of(String text) {
    return spdx(text).orElse(text == null ? "" : text.replaceAll("\\s+", " ").strip());
  }
}
