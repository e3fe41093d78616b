package org.broadsheet.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadsheet serve SITE.zip} on archives made by hand to hurt: bombs, lying headers,
 * escapes, links.
 */
class HostileZipTest {
  private static final long BOMB_BYTES = 128L << 20; // deflates to about 130 KB
  private static final long SMALL_HEAP =
      32L << 20; // reading the bomb whole would take 128 MB and more

  @TempDir Path tmp;
  private ArchiveServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void refusesAZipBombWithoutInflatingIt() throws Exception {
    Path zip = siteWith(z -> zeros(z, "404.html", BOMB_BYTES));
    long start = System.nanoTime();
    IOException[] refused = new IOException[1];
    long grown =
        heapGrowth(
            () ->
                refused[0] =
                    assertThrows(
                        IOException.class, () -> ArchiveServer.start(zip, "127.0.0.1", 0)));
    assertTrue(
        System.nanoTime() - start < 5_000_000_000L, "the check reads the directory, not the data");
    assertTrue(grown < SMALL_HEAP, "heap grew by " + (grown >> 20) + " MB");
    String message = refused[0].getMessage();
    assertTrue(message.contains("entry \"404.html\" inflates"), message);
    assertTrue(message.contains("more than 200 to 1"), message);
  }

  @Test
  void countsTheBytesAnEntryReallyInflatesToNotItsHeader() throws Exception {
    Path zip = siteWith(z -> zeros(z, "404.html", BOMB_BYTES));
    patchDirectory(zip, "404.html", (cen, at) -> cen.putInt(at + 24, 2000)); // claims 2,000 bytes
    server = ArchiveServer.start(zip, "127.0.0.1", 0);
    Http http = new Http(server.port());

    long grown =
        heapGrowth(
            () -> {
              HttpResponse<String> missing = http.get("/articles/no-such-story/");
              assertEquals(404, missing.statusCode());
              try {
                HttpResponse<byte[]> direct = http.bytes("/404.html");
                assertTrue(direct.body().length <= 2000, direct.body().length + " bytes sent");
              } catch (IOException cutOff) {
                // the server stopped the response when the entry inflated past its declared size
              }
              return null;
            });
    assertTrue(grown < SMALL_HEAP, "heap grew by " + (grown >> 20) + " MB");
    assertEquals(200, http.get("/").statusCode(), "the rest of the archive is still served");
  }

  @Test
  void refusesAnEntryOverTheSizeLimit() throws Exception {
    Path zip = siteWith(z -> stored(z, "assets/huge.bin", new byte[3 << 20]));
    ServeLimits limits = ServeLimits.DEFAULTS.withEntries(2L << 20, 200, 1L << 20);
    IOException refused =
        assertThrows(IOException.class, () -> ArchiveServer.start(zip, "127.0.0.1", 0, limits));
    assertTrue(
        refused
            .getMessage()
            .contains(
                "entry \"assets/huge.bin\" inflates to 3145728 bytes, over the limit of 2097152"),
        refused.getMessage());
  }

  @Test
  void refusesAbsolutePathsAndSymbolicLinks() throws Exception {
    Path zip =
        siteWith(
            z -> {
              stored(
                  z, "/etc/cron.d/page.html", "<p>absolute</p>".getBytes(StandardCharsets.UTF_8));
              stored(z, "C:/Windows/page.html", "<p>drive</p>".getBytes(StandardCharsets.UTF_8));
              stored(z, "link.html", "/etc/passwd".getBytes(StandardCharsets.UTF_8));
            });
    patchDirectory(
        zip,
        "link.html",
        (cen, at) -> {
          cen.putShort(at + 4, (short) 0x031E); // made on Unix
          cen.putInt(at + 38, 0120777 << 16); // S_IFLNK | rwxrwxrwx
        });
    IOException refused =
        assertThrows(IOException.class, () -> ArchiveServer.start(zip, "127.0.0.1", 0));
    String message = refused.getMessage();
    assertTrue(message.contains("entry \"/etc/cron.d/page.html\" is an absolute path"), message);
    assertTrue(message.contains("entry \"C:/Windows/page.html\" is an absolute path"), message);
    assertTrue(
        message.contains("entry \"link.html\" is a symbolic link (Unix mode 120777)"), message);
  }

  @Test
  void namesTheEntryThatLeadsOutOfTheArchive() throws Exception {
    Path zip =
        siteWith(
            z -> {
              stored(z, "../evil.html", "<p>up</p>".getBytes(StandardCharsets.UTF_8));
              stored(z, "assets/..\\..\\evil.css", "x".getBytes(StandardCharsets.UTF_8));
            });
    IOException refused =
        assertThrows(IOException.class, () -> ArchiveServer.start(zip, "127.0.0.1", 0));
    String message = refused.getMessage();
    assertTrue(message.startsWith("refusing to serve " + zip), message);
    assertTrue(message.contains("entry \"../evil.html\" has a '..' segment"), message);
    assertTrue(message.contains("entry \"assets/..\\..\\evil.css\" has a '..' segment"), message);
    assertTrue(!message.contains("Unable to create FileSystem"), message);
  }

  private Path siteWith(BuiltSite.Extra extra) throws IOException {
    Path site = BuiltSite.write(tmp.resolve("public"));
    Files.delete(site.resolve("404.html"));
    return BuiltSite.zip(site, tmp.resolve("site.zip"), extra);
  }

  /** A deflated entry of {@code bytes} zeros, streamed: the test never holds it. */
  private static void zeros(ZipOutputStream zip, String name, long bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    byte[] chunk = new byte[1 << 20];
    for (long left = bytes; left > 0; left -= chunk.length) {
      zip.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    zip.closeEntry();
  }

  private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  /** Rewrites fields of one entry's central directory header (the zips here are small). */
  private static void patchDirectory(Path zip, String name, BiConsumer<ByteBuffer, Integer> patch)
      throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at + 46 + wanted.length <= bytes.length; at++) {
      if (buffer.getInt(at) == 0x02014b50
          && (buffer.getShort(at + 28) & 0xFFFF) == wanted.length
          && java.util.Arrays.equals(
              bytes, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
        patch.accept(buffer, at);
        Files.write(zip, bytes);
        return;
      }
    }
    throw new AssertionError("no central directory entry " + name);
  }

  private interface Work {
    Object run() throws Exception;
  }

  /**
   * How far the heap grew above where it was while {@code work} ran (peak usage of every heap
   * pool).
   */
  private static long heapGrowth(Work work) throws Exception {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    work.run();
    return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
  }
}
