package org.broadsheet.config;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * Bounds on every YAML (and JSON) document Broadsheet reads: {@code site.yaml}, front matter and
 * sidecars. SnakeYAML's scanner is slow on huge scalars (a 10 MB quoted string costs over a minute
 * of CPU before its own limit stops it), so callers check {@link #MAX_CHARS} on the text before
 * parsing; the loader options are the second line of defence, and also bound aliases ("billion
 * laughs") and nesting.
 */
public final class YamlLimits {
  /**
   * Largest YAML document read, in characters (256 KB): far above any real settings or front
   * matter.
   */
  public static final int MAX_CHARS = 256 * 1024;

  private YamlLimits() {}

  /**
   * Loader options with every bound set; a new instance each time (SnakeYAML's options are
   * mutable).
   */
  public static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(
        MAX_CHARS + 1024); // a little slack: the caller's check is the one that reports
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    return options;
  }

  /** The "too large" message shared by every YAML reader. */
  public static String tooLarge(String what, long size, String unit) {
    return String.format(
        java.util.Locale.ROOT,
        "%s is %,d %s, over the limit of %,d; not read",
        what,
        size,
        unit,
        MAX_CHARS);
  }
}
