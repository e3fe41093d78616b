package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

/**
 * The shipped index's segment layout. Browsers cache the index by file (its URL carries the file's
 * hash), so a rebuild should leave old files alone: a clean build writes one segment (the fewest
 * reads per query), and an incremental build adds its articles as new segments on top and merges
 * only small ones, newest first, never the big old ones. As new articles are the newest, segments
 * are tiers by date in practice: the old stories' tier keeps its files, and a returning reader
 * downloads again only what the rebuild wrote.
 *
 * <p>Segments sorted by size, largest first: the smallest ones are merged together, and a larger
 * one joins them while it is less than {@link #RATIO} times the next smaller one. So sizes step up
 * by at least that ratio (a few levels: log base 8 of the index's size in articles), adding an
 * article rewrites a small tier, and the whole index is rewritten only when the tiers on top have
 * grown to about an eighth of it. At most {@link #MAX_SEGMENTS} segments; a segment with deleted
 * documents (a replaced or removed article) is rewritten without them, so that term statistics,
 * scores and related articles equal a clean build's.
 *
 * <p>Merges happen only when the writer is finished ({@link SearchIndexWriter#optimizeAndCommit}),
 * one at a time, never while indexing.
 */
final class AppendTiers extends MergePolicy {
  /** How much larger a segment must be than the next smaller one to be left alone. */
  static final double RATIO = 8;

  /**
   * At most this many segments (16 files each, with BroadsheetCodec): 64 files under search/ at
   * most.
   */
  static final int MAX_SEGMENTS = 3;

  /** The {@code maxSegmentCount} of {@code forceMerge} that asks for this layout. */
  static final int TIERED = Integer.MAX_VALUE;

  AppendTiers() {
    // never compound files: the browser finds a segment's postings and stored fields by their
    // files (search-web's PrefetchingReader), and the open bundle carries whole .tip/.nvd/.fdx
    setNoCFSRatio(0.0);
  }

  @Override
  public MergeSpecification findMerges(
      MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
    return null; // the layout is made once, at the end
  }

  @Override
  public MergeSpecification findForcedMerges(
      SegmentInfos infos,
      int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge,
      MergeContext context)
      throws IOException {
    List<SegmentCommitInfo> idle = idle(infos, context);
    if (maxSegmentCount != TIERED) {
      boolean done = idle.size() <= 1 && (idle.isEmpty() || !hasDeletions(idle.get(0), context));
      return done || idle.size() != infos.size() ? null : spec(idle);
    }
    List<SegmentCommitInfo> merge = smallest(idle, context);
    if (merge.size() < 2) {
      merge = idle.stream().filter(s -> hasDeletions(s, context)).limit(1).toList();
    }
    return merge.isEmpty() ? null : spec(merge);
  }

  @Override
  public MergeSpecification findForcedDeletesMerges(SegmentInfos infos, MergeContext context) {
    return null; // part of the layout: findForcedMerges
  }

  /** The smallest segments that merge: see the class comment. */
  private List<SegmentCommitInfo> smallest(List<SegmentCommitInfo> idle, MergeContext context)
      throws IOException {
    List<SegmentCommitInfo> bySize = new ArrayList<>(idle);
    List<Long> sizes = new ArrayList<>();
    for (SegmentCommitInfo s : idle) {
      sizes.add(size(s, context));
    }
    bySize.sort(
        Comparator.comparingLong((SegmentCommitInfo s) -> sizes.get(idle.indexOf(s)))
            .reversed()
            .thenComparing(s -> s.info.name));
    int first = bySize.size() - 1;
    while (first > 0) {
      long larger = sizes.get(idle.indexOf(bySize.get(first - 1)));
      long smaller = sizes.get(idle.indexOf(bySize.get(first)));
      if (larger >= RATIO * smaller && first < MAX_SEGMENTS) {
        break;
      }
      first--;
    }
    return bySize.subList(first, bySize.size());
  }

  private static List<SegmentCommitInfo> idle(SegmentInfos infos, MergeContext context) {
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> idle = new ArrayList<>();
    for (SegmentCommitInfo s : infos) {
      if (!merging.contains(s)) {
        idle.add(s);
      }
    }
    return idle;
  }

  private static boolean hasDeletions(SegmentCommitInfo s, MergeContext context) {
    try {
      return context.numDeletesToMerge(s) > 0 || s.getDelCount() > 0;
    } catch (IOException e) {
      return s.getDelCount() > 0;
    }
  }

  private static MergeSpecification spec(List<SegmentCommitInfo> segments) {
    MergeSpecification spec = new MergeSpecification();
    spec.add(new OneMerge(List.copyOf(segments)));
    return spec;
  }
}
