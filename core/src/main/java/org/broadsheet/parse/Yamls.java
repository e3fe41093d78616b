package org.broadsheet.parse;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadsheet.config.YamlLimits;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** YAML loading for front matter and sidecars: safe types only, and dates kept as text. */
final class Yamls {
  /** SnakeYAML's {@link Yaml} is not thread-safe, and costly to build: one per thread. */
  private static final ThreadLocal<Yaml> LOADERS = ThreadLocal.withInitial(Yamls::newLoader);

  private Yamls() {}

  /**
   * This thread's loader. Timestamps stay strings so that {@link Dates} can honour a missing zone
   * as the site's zone instead of UTC.
   */
  static Yaml loader() {
    return LOADERS.get();
  }

  /**
   * One document: read by {@link FlatYaml} where it has that simple shape, else with this thread's
   * loader. SnakeYAML reports bad input as YAMLException, except a few inputs that escape as other
   * runtime exceptions (found by fuzzing: the tag {@code !+%0A} throws IllegalArgumentException);
   * those become YAMLExceptions too, so callers have one error path.
   */
  static Object load(String yaml) {
    Optional<Map<String, Object>> flat = FlatYaml.read(yaml);
    if (flat.isPresent()) {
      return flat.get();
    }
    try {
      return loader().load(yaml);
    } catch (YAMLException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new YAMLException("unreadable YAML: " + e.getMessage(), e);
    }
  }

  private static Yaml newLoader() {
    LoaderOptions options = YamlLimits.options();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options,
        new NoTimestampResolver());
  }

  private static final class NoTimestampResolver extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }
}
