package org.broadsheet.spark;

import org.apache.spark.broadcast.Broadcast;
import org.broadsheet.build.SplitBuild;

/**
 * The broadcast model decoded once per executor, not once per task: the one piece of state an
 * executor keeps between tasks. It is keyed by the broadcast's bytes, which an executor holds once
 * per broadcast (ids restart with each Spark context); a new build's model replaces the last one.
 */
final class Models {
  private static byte[] bytes;
  private static SplitBuild.Merged model;

  private Models() {}

  static synchronized SplitBuild.Merged of(Broadcast<byte[]> broadcast) {
    byte[] value = broadcast.value();
    if (value != bytes) {
      model = SplitBuild.Merged.decodeForPages(value);
      bytes = value;
    }
    return model;
  }
}
