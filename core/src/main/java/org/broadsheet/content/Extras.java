package org.broadsheet.content;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an article carries besides Broadsheet's own fields, mostly from content written for Hugo or
 * Jekyll.
 *
 * @param aliases old addresses of the article (site-relative paths), each published as a redirect
 * @param weight orders articles of the same date, lower first (Hugo's {@code weight}); unset last
 * @param publishDate not published before this instant (Hugo's {@code publishDate}, when a {@code
 *     date} is given too)
 * @param expiryDate not published after this instant (Hugo's {@code expiryDate})
 * @param params every other front-matter key, as plain values (text, numbers, booleans, lists and
 *     mappings of them; dates as ISO 8601 text), for templates as {@code article.card.params}
 */
public record Extras(
    List<String> aliases,
    OptionalInt weight,
    Optional<ZonedDateTime> publishDate,
    Optional<ZonedDateTime> expiryDate,
    Map<String, Object> params) {

  public static final Extras NONE =
      new Extras(List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Map.of());

  public Extras {
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(publishDate, "publishDate");
    Objects.requireNonNull(expiryDate, "expiryDate");
    params = plainMap(params);
  }

  /** These extras with the gaps filled from {@code other}; params merge, these win. */
  public Extras orElse(Extras other) {
    Map<String, Object> merged = new LinkedHashMap<>(other.params);
    merged.putAll(params);
    return new Extras(
        aliases.isEmpty() ? other.aliases : aliases,
        weight.isPresent() ? weight : other.weight,
        publishDate.or(other::publishDate),
        expiryDate.or(other::expiryDate),
        merged);
  }

  /** The key for ordering: the weight, unset ones after every set one. */
  public long order() {
    return weight.isPresent() ? weight.getAsInt() : Long.MAX_VALUE;
  }

  /**
   * A YAML or JSON value as templates may see it: text, numbers and booleans as they are, dates as
   * ISO 8601 text, lists and mappings (with text keys) copied and unmodifiable, nulls left out.
   */
  public static Object plain(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Date d) {
      return d.toInstant().toString();
    }
    if (value instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object item : l) {
        if (item != null) {
          out.add(plain(item));
        }
      }
      return Collections.unmodifiableList(out);
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.put(String.valueOf(k), plain(v));
          }
        });
    // most articles have no params: one shared empty map, not a map, its wrapper and their views
    // each (about 120 bytes an article, measured at 1,000,000 articles)
    return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
  }
}
