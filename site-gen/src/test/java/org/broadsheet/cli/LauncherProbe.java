package org.broadsheet.cli;

/**
 * The stand-in for the CLI in LauncherTest's jar: prints its arguments on stdout as JSON, as {@code
 * search --json} prints results, and exits with the code an {@code exit=N} argument asks for.
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
    System.out.println(json.append("]}"));
    System.exit(code);
  }
}
