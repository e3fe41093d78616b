package org.broadsheet.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostics;

/**
 * One input format. A reader hands over each story it could read, and reports the rest: a story it
 * cannot read is an error at its position, and the others still come; a field it cannot map is a
 * note.
 */
interface StoryReader {
  /** The format's name, as {@code --format} takes it and {@code imported.format} records it. */
  String name();

  /**
   * One input file.
   *
   * @param path the file as reports name it (from the current folder)
   * @param key the file's path from the input folder it was found in (its name, when given alone):
   *     stable wherever the import runs, for stories keyed by their file
   */
  record Input(Path file, String path, String key) {}

  void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException;
}
