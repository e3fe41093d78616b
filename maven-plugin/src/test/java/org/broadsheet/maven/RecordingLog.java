package org.broadsheet.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps each message as {@code "level message"}, e.g. {@code "error x.md:1"}. */
final class RecordingLog implements Log {
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final boolean debug;

  RecordingLog(boolean debug) {
    this.debug = debug;
  }

  RecordingLog() {
    this(false);
  }

  String text() {
    return String.join("\n", lines);
  }

  private void add(String level, CharSequence content, Throwable error) {
    lines.add(level + " " + (content == null ? String.valueOf(error) : content));
  }

  @Override
  public boolean isDebugEnabled() {
    return debug;
  }

  @Override
  public void debug(CharSequence content) {
    add("debug", content, null);
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    add("debug", content, error);
  }

  @Override
  public void debug(Throwable error) {
    add("debug", null, error);
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public void info(CharSequence content) {
    add("info", content, null);
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    add("info", content, error);
  }

  @Override
  public void info(Throwable error) {
    add("info", null, error);
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(CharSequence content) {
    add("warn", content, null);
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    add("warn", content, error);
  }

  @Override
  public void warn(Throwable error) {
    add("warn", null, error);
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(CharSequence content) {
    add("error", content, null);
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    add("error", content, error);
  }

  @Override
  public void error(Throwable error) {
    add("error", null, error);
  }
}
