package org.broadsheet.build;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML checker (nu.validator:validator, the engine of validator.w3.org/nu), run in-process.
 * It needs a Jetty 11 client, which cannot share a class path with our Jetty 12, so Maven copies it
 * with its dependencies into {@code target/nu-validator/} and it is loaded here in a class loader
 * of its own; only {@link ErrorHandler} (the JDK's) crosses over.
 */
final class NuChecker implements ErrorHandler {
  private static final Path JARS = Path.of("target", "nu-validator");
  private final List<String> errors = new ArrayList<>();
  private final Object validator;
  private final Method checkHtmlFile;
  private String page = "";

  NuChecker() throws Exception {
    List<URL> urls = new ArrayList<>();
    if (Files.isDirectory(JARS)) {
      try (Stream<Path> jars = Files.list(JARS)) {
        for (Path jar :
            (Iterable<Path>) jars.filter(j -> j.toString().endsWith(".jar"))::iterator) {
          urls.add(jar.toUri().toURL());
        }
      }
    }
    Assertions.assertFalse(urls.isEmpty(), "no " + JARS + ": run the tests through Maven");
    ClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass("nu.validator.validation.SimpleDocumentValidator");
    validator =
        type.getConstructor(boolean.class, boolean.class, boolean.class)
            .newInstance(true, false, false);
    type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
        .invoke(validator, "http://s.validator.nu/html5-all.rnc", this);
    type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
        .invoke(validator, this, false, false);
    checkHtmlFile = type.getMethod("checkHtmlFile", File.class, boolean.class);
  }

  /** Checks one page; its errors are named {@code name:line:col: message}. */
  void check(Path file, String name) throws Exception {
    page = name;
    checkHtmlFile.invoke(validator, file.toFile(), true);
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void warning(SAXParseException e) {}

  @Override
  public void error(SAXParseException e) {
    errors.add(page + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
  }

  @Override
  public void fatalError(SAXParseException e) {
    error(e);
  }
}
