package org.broadsheet.route;

import java.util.Map;

/** Display names and deeds of the licences news archives commonly carry, by SPDX id. */
final class Licences {
  record Licence(String name, String url) {}

  private static final Map<String, Licence> KNOWN =
      Map.of(
          "CC-BY-4.0", new Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
          "CC-BY-SA-4.0",
              new Licence("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
          "CC-BY-NC-4.0",
              new Licence("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
          "CC-BY-ND-4.0",
              new Licence("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
          "CC-BY-3.0", new Licence("CC BY 3.0", "https://creativecommons.org/licenses/by/3.0/"),
          "CC0-1.0", new Licence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"));

  private Licences() {}

  /** The licence's display name and URL; unknown licences show as written, without a link. */
  static Licence of(String license) {
    Licence known = KNOWN.get(license);
    return known != null ? known : new Licence(license, "");
  }
}
