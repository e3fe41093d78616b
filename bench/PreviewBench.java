import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the preview's edit-to-served latency: writes a file with a fresh marker, then asks the
 * server for a page every 2 ms until the page carries the marker. Run by bench/preview.sh as
 * {@code java bench/PreviewBench.java MODE FILE URL RUNS [TEMPLATE_BASE]}; JDK only.
 *
 * <ul>
 *   <li>{@code article}: FILE is an article; the marker is appended to its body.
 *   <li>{@code template}: FILE is the site's templates/article.ftlh; TEMPLATE_BASE is its original
 *       text, the marker goes in before {@code </article>}.
 * </ul>
 */
public class PreviewBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path file = Path.of(args[1]);
    URI url = URI.create(args[2]);
    int runs = Integer.parseInt(args[3]);
    String base = mode.equals("template") ? Files.readString(Path.of(args[4])) : Files.readString(file);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build();
    List<Double> times = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      String marker = "bench-marker-" + run + "-" + System.nanoTime();
      String text = mode.equals("template")
          ? base.replace("</article>", "<p>" + marker + "</p></article>")
          : base + "\n\n" + marker + "\n";
      long start = System.nanoTime();
      Files.writeString(file, text);
      long deadline = start + Duration.ofSeconds(120).toNanos();
      while (true) {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains(marker)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("run " + run + ": page never showed the change");
        }
        Thread.sleep(2);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      times.add(ms);
      System.out.printf("  %s run %d: %.0f ms%n", mode, run, ms);
      Thread.sleep(mode.equals("template") ? 1500 : 700);
    }
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    System.out.printf("%s edit -> served page: median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n",
        mode, median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    if (mode.equals("template")) {
      Files.writeString(file, base);
    } else {
      Files.writeString(file, base);
    }
  }
}
