package org.broadsheet.parse.wire;

import java.util.List;
import java.util.Objects;

/**
 * What the end of a wire story says about where it came from, once removed from the body.
 *
 * @param source the agency or publisher ({@code Mehr News Agency}, {@code Reuters}), or empty
 * @param license SPDX identifier ({@code CC-BY-4.0}), or empty
 * @param authors writers named in a credit line ({@code (Reporting by ...)})
 * @param removed the texts taken off the end, for {@code --explain}
 * @param end offset where the body now ends
 */
public record Footer(
    String source, String license, List<String> authors, List<String> removed, int end) {
  public Footer {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(license, "license");
    authors = List.copyOf(authors);
    removed = List.copyOf(removed);
  }
}
