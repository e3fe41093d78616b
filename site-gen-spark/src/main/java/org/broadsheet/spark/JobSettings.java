package org.broadsheet.spark;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.broadsheet.build.BuildOptions;
import scala.Tuple2;

/**
 * What every task of one build is told: where the site and its output are, the build's options, and
 * the instant the build runs at (every page is dated relative to the same one).
 *
 * @param partitions how many parts the articles are cut into (0: one per 2,000 articles, at least
 *     Spark's default parallelism)
 */
public record JobSettings(
    URI source,
    URI out,
    boolean drafts,
    boolean future,
    boolean offline,
    String baseUrl,
    int partitions,
    long nowMillis)
    implements Serializable {

  /** The build's options for a site seen locally in {@code site}, written below {@code out}. */
  BuildOptions options(Path site, Path out) {
    return BuildOptions.of(site)
        .withOut(out)
        .withDraftsAndFuture(drafts, future)
        .withOffline(offline)
        .withBaseUrl(baseUrl)
        .withClock(Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC))
        .withClean(true);
  }

  /**
   * The Hadoop configuration in a task: the defaults on the classpath ({@code core-site.xml}) and
   * every {@code spark.hadoop.*} setting the job was given, as Spark gives them to the driver.
   */
  static Configuration taskConf() {
    Configuration conf = new Configuration();
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      for (Tuple2<String, String> e : env.conf().getAllWithPrefix("spark.hadoop.")) {
        conf.set(e._1(), e._2());
      }
    }
    return conf;
  }
}
