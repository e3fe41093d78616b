package org.broadsheet.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.InputStreamContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the site's files: refuses malformed and escaping paths (400) and methods other than GET
 * and HEAD (405), answers missing and hidden files (any segment starting with a dot) with the
 * site's own {@code 404.html} (status 404), redirects folders to their trailing-slash form and
 * hands everything else to Jetty's {@link ResourceHandler} for content types, ETag and
 * Last-Modified with 304s, HEAD and ranges. Never lists a folder.
 *
 * <p>With a {@link PageDecorator} (preview), HTML pages up to {@code maxDecorated} bytes are read
 * fresh on every request and decorated (larger ones are streamed as built); other files bypass
 * Jetty's content cache so a rebuild shows at once. Entries of a zip are streamed through {@link
 * SiteFiles#newInputStream}, which counts what they really inflate to.
 */
public final class SiteHandler extends Handler.Wrapper {
  private static final HttpField ALLOW = new HttpField(HttpHeader.ALLOW, "GET, HEAD");

  private final SiteFiles files;
  private final PageDecorator decorator;
  private final int maxDecorated;

  SiteHandler(SiteFiles files, PageDecorator decorator, int maxDecorated) {
    this.files = files;
    this.decorator = decorator;
    this.maxDecorated = maxDecorated;
    setHandler(resourceHandler(files, decorator != null));
  }

  private static ResourceHandler resourceHandler(SiteFiles files, boolean live) {
    ResourceHandler handler =
        live || files.isZip() ? new StreamingResourceHandler(files) : new ResourceHandler();
    handler.setBaseResource(files.resource());
    handler.setDirAllowed(false);
    handler.setWelcomeFiles(SiteFiles.INDEX);
    handler.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
    handler.setEtags(true);
    handler.setAcceptRanges(true);
    handler.setCacheControl(live ? "no-cache" : "public, max-age=60");
    return handler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PathRules.acceptable(request.getHttpURI())) {
      Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "bad path");
      return true;
    }
    if (refuseMethod(request, response, callback)) {
      return true;
    }
    String path = Request.getPathInContext(request);
    Optional<Path> file =
        PathRules.hidden(request.getHttpURI()) ? Optional.empty() : files.lookup(path);
    if (file.isEmpty()) {
      return notFound(request, response, callback);
    }
    if (!path.endsWith("/")
        && file.get().getFileName().toString().equals(SiteFiles.INDEX)
        && !path.endsWith("/" + SiteFiles.INDEX)) {
      String query = request.getHttpURI().getQuery();
      Response.sendRedirect(
          request,
          response,
          callback,
          HttpStatus.MOVED_PERMANENTLY_301,
          request.getHttpURI().getPath() + "/" + (query == null ? "" : "?" + query),
          true);
      return true;
    }
    if (decorator != null && isHtml(file.get()) && Files.size(file.get()) <= maxDecorated) {
      sendHtml(response, callback, HttpStatus.OK_200, decorate(file.get()));
      return true;
    }
    return super.handle(request, response, callback);
  }

  /** Answers 405 with {@code Allow: GET, HEAD} to any other method; true when it did. */
  public static boolean refuseMethod(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
      return false;
    }
    response.getHeaders().put(ALLOW);
    Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
    return true;
  }

  /**
   * The site's {@code 404.html} with status 404: decorated when small enough, streamed when larger;
   * Jetty's own 404 when the site has none or its page cannot be read whole (a zip entry that
   * inflates past its declared size).
   */
  private boolean notFound(Request request, Response response, Callback callback)
      throws IOException {
    Optional<Path> page = files.lookup("/404.html");
    if (page.isPresent() && Files.size(page.get()) > maxDecorated) {
      InputStream in;
      try {
        in = files.newInputStream(page.get());
      } catch (IOException refused) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        return true;
      }
      response.setStatus(HttpStatus.NOT_FOUND_404);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
      Content.copy(new InputStreamContentSource(in), response, callback);
      return true;
    }
    Optional<byte[]> body = page.flatMap(this::pageOrEmpty);
    if (body.isEmpty()) {
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
    } else {
      sendHtml(response, callback, HttpStatus.NOT_FOUND_404, body.get());
    }
    return true;
  }

  private Optional<byte[]> pageOrEmpty(Path file) {
    try {
      return Optional.of(decorator == null ? read(file) : decorate(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private byte[] decorate(Path file) throws IOException {
    String sitePath = "/" + files.root().relativize(file).toString().replace('\\', '/');
    return decorator.decorate(sitePath, read(file));
  }

  /** A page of at most {@code maxDecorated} bytes, whatever its size claims. */
  private byte[] read(Path file) throws IOException {
    try (InputStream in = files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxDecorated);
      if (in.read() >= 0) {
        throw new IOException(file + " is larger than " + maxDecorated + " bytes");
      }
      return bytes;
    }
  }

  private static boolean isHtml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  private static void sendHtml(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * Reads files fresh on every request: the preview rewrites them while serving, and a zip's
   * entries are streamed through {@link SiteFiles#newInputStream}, never cached whole in memory.
   */
  private static final class StreamingResourceHandler extends ResourceHandler {
    private final SiteFiles files;

    StreamingResourceHandler(SiteFiles files) {
      this.files = files;
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
      HttpContent.Factory plain =
          new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), pool);
      if (!files.isZip()) {
        return plain;
      }
      return path -> {
        HttpContent content = plain.getContent(path);
        return content == null || content.getResource().isDirectory()
            ? content
            : new HttpContent.Wrapper(content) {
              @Override
              public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
                try {
                  InputStream in = files.newInputStream(getResource().getPath());
                  Content.copy(
                      new InputStreamContentSource(in, pool, offset, length), sink, callback);
                } catch (IOException | RuntimeException e) {
                  callback.failed(e);
                }
              }
            };
      };
    }
  }
}
