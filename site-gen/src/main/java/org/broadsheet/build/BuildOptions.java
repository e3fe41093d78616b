package org.broadsheet.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to build a site. Every front end (the command line, the Maven plugin, the Spark job, the
 * preview server) starts from {@link #of} and changes what its user chose with the {@code with...}
 * methods.
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

  /** Defaults: build {@code source} into {@code source/public}, published articles only. */
  public static BuildOptions of(Path source) {
    return new BuildOptions(
        source,
        source.resolve("public"),
        false,
        false,
        false,
        null,
        false,
        false,
        null,
        false,
        false);
  }

  public BuildOptions withOut(Path dir) {
    return new BuildOptions(
        source, dir, drafts, future, offline, baseUrl, preview, progress, clock, force, clean);
  }

  public BuildOptions withOffline(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, value, baseUrl, preview, progress, clock, force, clean);
  }

  public BuildOptions withBaseUrl(String value) {
    return new BuildOptions(
        source, out, drafts, future, offline, value, preview, progress, clock, force, clean);
  }

  public BuildOptions withPreview(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, offline, baseUrl, value, progress, clock, force, clean);
  }

  public BuildOptions withProgress(boolean value) {
    return new BuildOptions(
        source, out, drafts, future, offline, baseUrl, preview, value, clock, force, clean);
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
