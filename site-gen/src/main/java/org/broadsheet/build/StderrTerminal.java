package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process's stderr is a terminal. Java has no API for it: {@code System.console()}
 * asks about stdin and stdout, and from Java 22 on answers even when they are redirected.
 */
final class StderrTerminal {
  private StderrTerminal() {}

  static boolean check() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) { // Linux: where fd 2 points, without starting a process
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd).toString());
      } catch (IOException e) {
        return false;
      }
    }
    try { // other POSIX systems; elsewhere (no `test`) no bar
      Process test =
          new ProcessBuilder("test", "-t", "2")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return test.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A pseudo-terminal or a console, not a file, a pipe ("pipe:[123]"), a socket or /dev/null. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }
}
