package org.broadsheet.route;

/**
 * Site-relative paths of every page kind, and the relative links between them. Links never start
 * with {@code /}, so a site works under any base path; with {@code offline} they end in {@code
 * index.html}, so a site opened from {@code file://} navigates without a server.
 */
public final class Links {
  private final boolean offline;

  public Links(boolean offline) {
    this.offline = offline;
  }

  public boolean offline() {
    return offline;
  }

  /** The file a folder-style page is written to: {@code tags/x/} -> {@code tags/x/index.html}. */
  public static String file(String folder) {
    return folder.isEmpty() ? "index.html" : folder + "index.html";
  }

  /** How a page at folder {@code folder} is linked: with or without {@code index.html}. */
  public String href(String folder) {
    return offline ? file(folder) : folder;
  }

  /**
   * The relative way from a file at site path {@code file} up to the site root ({@code ./} at the
   * root).
   */
  public static String root(String file) {
    int depth = 0;
    for (int i = 0; i < file.length(); i++) {
      if (file.charAt(i) == '/') {
        depth++;
      }
    }
    return depth == 0 ? "./" : "../".repeat(depth);
  }

  public static String article(String slug) {
    return "articles/" + slug + "/";
  }

  public static String group(String kind, String slug) {
    return kind + "/" + slug + "/";
  }

  /** Page {@code n} (1-based) of a listing whose first page is {@code folder}. */
  public static String paged(String folder, int n) {
    return n <= 1 ? folder : folder + "page/" + n + "/";
  }

  public static String year(int year) {
    return "archive/" + year + "/";
  }

  public static String month(int year, int month) {
    return String.format(java.util.Locale.ROOT, "archive/%04d/%02d/", year, month);
  }
}
