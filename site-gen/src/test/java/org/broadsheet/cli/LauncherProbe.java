package org.broadsheet.cli;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The stand-in for the CLI in LauncherTest's jar: prints its arguments on stdout as JSON, as {@code
 * search --json} prints results, and exits with the code an {@code exit=N} argument asks for. Given
 * {@code tiers}, it also prints the last {@code -XX:TieredStopAtLevel} option the JVM was given
 * ({@code "all"} without one).
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    StringBuilder json = new StringBuilder("{\"args\":[");
    int code = 0;
    for (int i = 0; i < args.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(args[i]).append('"');
      if (args[i].startsWith("exit=")) {
        code = Integer.parseInt(args[i].substring(5));
      }
    }
    json.append(']');
    if (List.of(args).contains("tiers")) {
      String tiers = "all";
      for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (option.startsWith("-XX:TieredStopAtLevel=")) {
          tiers = option.substring(option.indexOf('=') + 1);
        }
      }
      json.append(",\"tiers\":\"").append(tiers).append('"');
    }
    System.out.println(json.append('}'));
    System.exit(code);
  }
}
