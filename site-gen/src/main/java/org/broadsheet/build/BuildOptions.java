package org.broadsheet.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to build a site.
 *
 * @param source the site folder: {@code content/}, optional {@code templates/}, {@code static/},
 *     {@code site.yaml}
 * @param out the output folder, replaced as a whole at the end of a successful build
 * @param baseUrl overrides {@code site.yaml}'s base URL when not null
 * @param preview pages are for {@code broadsheet serve}: drafts and future articles carry a badge
 * @param progress show progress bars on long phases when stderr is a terminal (see {@link
 *     Progress#showsBar})
 * @param force replace an existing output folder even when it is not a Broadsheet build (never the
 *     sources)
 * @param clean build everything anew, ignoring what the last build into {@code out} left (its
 *     cache)
 */
public record BuildOptions(
    Path source,
    Path out,
    boolean drafts,
    boolean future,
    boolean offline,
    String baseUrl,
    boolean preview,
    boolean progress,
    Clock clock,
    boolean force,
    boolean clean) {

  public BuildOptions {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(out, "out");
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  public BuildOptions(
      Path source,
      Path out,
      boolean drafts,
      boolean future,
      boolean offline,
      String baseUrl,
      boolean preview,
      boolean progress,
      Clock clock,
      boolean force) {
    this(source, out, drafts, future, offline, baseUrl, preview, progress, clock, force, false);
  }

  /** Options that never replace a folder Broadsheet did not build. */
  public BuildOptions(
      Path source,
      Path out,
      boolean drafts,
      boolean future,
      boolean offline,
      String baseUrl,
      boolean preview,
      boolean progress,
      Clock clock) {
    this(source, out, drafts, future, offline, baseUrl, preview, progress, clock, false);
  }

  /** Defaults: build {@code source} into {@code source/public}, published articles only. */
  public static BuildOptions of(Path source) {
    return new BuildOptions(
        source, source.resolve("public"), false, false, false, null, false, false, null);
  }

  public BuildOptions withOut(Path dir) {
    return new BuildOptions(
        source, dir, drafts, future, offline, baseUrl, preview, progress, clock, force, clean);
  }

  public BuildOptions withOffline(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, value, baseUrl, preview, progress, clock, force, clean);
  }

  public BuildOptions withDraftsAndFuture(boolean withDrafts, boolean withFuture) {
    return new BuildOptions(
        source,
        out,
        withDrafts,
        withFuture,
        offline,
        baseUrl,
        preview,
        progress,
        clock,
        force,
        clean);
  }

  public BuildOptions withClock(Clock value) {
    return new BuildOptions(
        source, out, drafts, future, offline, baseUrl, preview, progress, value, force, clean);
  }

  public BuildOptions withForce(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, offline, baseUrl, preview, progress, clock, value, clean);
  }

  public BuildOptions withClean(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, offline, baseUrl, preview, progress, clock, force, value);
  }
}
