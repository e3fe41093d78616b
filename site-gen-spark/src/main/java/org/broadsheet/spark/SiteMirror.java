package org.broadsheet.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;

/**
 * A site folder on any Hadoop file system, seen as a local folder, which is what Broadsheet's
 * parsers and templates read. A site on the local file system is used where it is; one on HDFS, S3
 * ({@code s3a://}) or elsewhere is copied into a scratch folder file by file as the build asks for
 * them: an article with its sidecars ({@code .yaml}, {@code .yml}, {@code .json} beside it) and
 * every {@code _metadata.csv} above it, or a whole small folder ({@code templates/}).
 */
final class SiteMirror {
  private static final List<String> SIDECARS = List.of("yaml", "yml", "json");
  private static final String METADATA_CSV = "_metadata.csv";

  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path root;
  private final Path local;
  private final boolean direct;
  private final Set<String> copied = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> folders = new ConcurrentHashMap<>();

  private SiteMirror(FileSystem fs, org.apache.hadoop.fs.Path root, Path local, boolean direct) {
    this.fs = fs;
    this.root = root;
    this.local = local;
    this.direct = direct;
  }

  /** The site at {@code source}; copies, when needed, go below {@code scratch}. */
  static SiteMirror open(URI source, Configuration conf, Path scratch) throws IOException {
    org.apache.hadoop.fs.Path root = SiteOutput.folder(source);
    FileSystem fs = root.getFileSystem(conf);
    root = fs.makeQualified(root);
    if ("file".equals(fs.getScheme())) {
      return new SiteMirror(fs, root, Path.of(root.toUri()), true);
    }
    Path local = Files.createDirectories(scratch.resolve("site"));
    return new SiteMirror(fs, root, local, false);
  }

  /** The site as a local folder. */
  Path dir() {
    return local;
  }

  /**
   * Every file below {@code content/}, site-relative ({@code content/a/b.md}), in path order;
   * hidden files and folders left out, as a local build leaves them out. A site on the local file
   * system is walked as the local build walks it ({@link ContentSource}, whose problems go to
   * {@code diagnostics}): Hadoop's local file system, without its native library, runs {@code ls
   * -ld} in a new process for each file it lists (10,000 stories: 10,000 processes).
   */
  List<String> contentFiles(Diagnostics diagnostics) throws IOException {
    if (direct) {
      return ContentSource.load(local, local.resolve("content"), diagnostics).stream()
          .map(SourceFile::relativePath)
          .toList();
    }
    org.apache.hadoop.fs.Path content = new org.apache.hadoop.fs.Path(root, "content");
    List<String> files = new ArrayList<>();
    if (!fs.exists(content)) {
      return files;
    }
    String base = root.toUri().getPath();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(content, true);
    while (it.hasNext()) {
      String path = it.next().getPath().toUri().getPath();
      String relative = path.substring(base.endsWith("/") ? base.length() : base.length() + 1);
      if (!hidden(relative)) {
        files.add(relative);
      }
    }
    files.sort(null);
    return files;
  }

  private static boolean hidden(String relative) {
    for (String segment : relative.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes the article file at {@code relative} readable locally, with its sidecars and the {@code
   * _metadata.csv} files of the folders above it up to {@code content/}.
   */
  void localize(String relative) {
    if (direct || copied.contains(relative)) {
      return;
    }
    try {
      copy(relative);
      int slash = relative.lastIndexOf('/');
      String folder = slash < 0 ? "" : relative.substring(0, slash);
      String name = relative.substring(slash + 1);
      int dot = name.lastIndexOf('.');
      String base = dot < 0 ? name : name.substring(0, dot);
      Set<String> here = listing(folder);
      for (String ext : SIDECARS) {
        if (here.contains(base + "." + ext)) {
          copy(folder + "/" + base + "." + ext);
        }
      }
      for (String up = folder; !up.isEmpty(); ) {
        if (listing(up).contains(METADATA_CSV)) {
          copy(up + "/" + METADATA_CSV);
        }
        int cut = up.lastIndexOf('/');
        up = cut < 0 ? "" : up.substring(0, cut);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + relative + " from " + root, e);
    }
  }

  /** Makes a folder of the site ({@code templates}, {@code static}) or a file readable locally. */
  void localizeAll(String relative) throws IOException {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(root, relative);
    if (direct || !fs.exists(remote)) {
      return;
    }
    if (fs.getFileStatus(remote).isFile()) {
      copy(relative);
      return;
    }
    String base = root.toUri().getPath();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(remote, true);
    while (it.hasNext()) {
      String path = it.next().getPath().toUri().getPath();
      copy(path.substring(base.endsWith("/") ? base.length() : base.length() + 1));
    }
  }

  private Set<String> listing(String folder) throws IOException {
    Set<String> names = folders.get(folder);
    if (names == null) {
      names = ConcurrentHashMap.newKeySet();
      for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(root, folder))) {
        names.add(s.getPath().getName());
      }
      folders.put(folder, names);
    }
    return names;
  }

  private void copy(String relative) throws IOException {
    if (!copied.add(relative)) {
      return;
    }
    Path target = local.resolve(relative).normalize();
    if (!target.startsWith(local)) {
      throw new IOException("a path outside the site: " + relative);
    }
    Files.createDirectories(target.getParent());
    try (var in = fs.open(new org.apache.hadoop.fs.Path(root, relative))) {
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
