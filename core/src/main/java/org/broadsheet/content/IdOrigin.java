package org.broadsheet.content;

import java.util.Objects;

/**
 * Where an article's id is written: the {@code id:} line of its front matter or sidecar, its {@code
 * _metadata.csv} row, or the start of the file when the id comes from the file name. The
 * duplicate-id error points here.
 *
 * @param path file relative to the site folder (the article, its sidecar or a CSV)
 * @param line 1-based line
 * @param column 1-based column
 * @param sourceLine the text of that line, or empty
 */
public record IdOrigin(String path, int line, int column, String sourceLine) {
  public IdOrigin {
    Objects.requireNonNull(path, "path");
    sourceLine = Objects.requireNonNullElse(sourceLine, "");
  }

  /** The start of the article's own file: where an id taken from the file name is "written". */
  public static IdOrigin fileStart(Article article) {
    return new IdOrigin(article.sourcePath(), 1, 1, "");
  }
}
