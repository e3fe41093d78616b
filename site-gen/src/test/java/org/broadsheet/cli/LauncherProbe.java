package org.broadsheet.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in for the CLI in LauncherTest's jar: prints its arguments on stdout as JSON, as {@code
 * search --json} prints results, and exits with the code an {@code exit=N} argument asks for. Given
 * {@code jvm}, it also prints the JIT tier and collector options the JVM was given, in order.
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
    if (List.of(args).contains("jvm")) {
      List<String> options = new ArrayList<>();
      for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (option.startsWith("-XX:TieredStopAtLevel=")
            || option.startsWith("-XX:FreqInlineSize=")
            || option.startsWith("-XX:InlineSmallCode=")
            || option.startsWith("-XX:Tier3InvocationThreshold=")
            || option.startsWith("-XX:+Use") && option.endsWith("GC")
            || option.equals("-XX:-UseAdaptiveSizePolicy")
            || option.startsWith("-XX:MaxTenuringThreshold=")) {
          options.add(option);
        }
      }
      json.append(",\"jvm\":\"").append(String.join(" ", options)).append('"');
    }
    System.out.println(json.append('}'));
    System.exit(code);
  }
}
