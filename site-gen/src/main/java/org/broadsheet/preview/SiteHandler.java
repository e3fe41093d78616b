package org.broadsheet.preview;

import java.io.IOException;
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
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the site's files: refuses malformed and escaping paths (400), answers missing files with
 * the site's own {@code 404.html} (status 404), redirects folders to their trailing-slash form and
 * hands everything else to Jetty's {@link ResourceHandler} for content types, ETag and
 * Last-Modified with 304s, HEAD and ranges. Never lists a folder.
 *
 * <p>With a {@link PageDecorator} (preview), HTML pages are read fresh on every request and
 * decorated; other files bypass Jetty's content cache so a rebuild shows at once.
 */
final class SiteHandler extends Handler.Wrapper {
  private static final HttpField ALLOW = new HttpField(HttpHeader.ALLOW, "GET, HEAD");

  private final SiteFiles files;
  private final PageDecorator decorator;

  SiteHandler(SiteFiles files, PageDecorator decorator) {
    this.files = files;
    this.decorator = decorator;
    setHandler(resourceHandler(files, decorator != null));
  }

  private static ResourceHandler resourceHandler(SiteFiles files, boolean live) {
    ResourceHandler handler = live ? new UncachedResourceHandler() : new ResourceHandler();
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
    String method = request.getMethod();
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
      response.getHeaders().put(ALLOW);
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return true;
    }
    String path = Request.getPathInContext(request);
    Optional<Path> file = files.lookup(path);
    if (file.isEmpty()) {
      return notFound(request, response, callback);
    }
    if (!path.endsWith("/") && file.get().getFileName().toString().equals(SiteFiles.INDEX)
        && !path.endsWith("/" + SiteFiles.INDEX)) {
      String query = request.getHttpURI().getQuery();
      Response.sendRedirect(request, response, callback, HttpStatus.MOVED_PERMANENTLY_301,
          request.getHttpURI().getPath() + "/" + (query == null ? "" : "?" + query), true);
      return true;
    }
    if (decorator != null && isHtml(file.get())) {
      sendHtml(response, callback, HttpStatus.OK_200, decorate(file.get()));
      return true;
    }
    return super.handle(request, response, callback);
  }

  private boolean notFound(Request request, Response response, Callback callback) throws IOException {
    Optional<Path> page = files.lookup("/404.html");
    if (page.isEmpty()) {
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
    } else {
      sendHtml(response, callback, HttpStatus.NOT_FOUND_404,
          decorator == null ? Files.readAllBytes(page.get()) : decorate(page.get()));
    }
    return true;
  }

  private byte[] decorate(Path file) throws IOException {
    String sitePath = "/" + files.root().relativize(file).toString().replace('\\', '/');
    return decorator.decorate(sitePath, Files.readAllBytes(file));
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

  /** Reads files fresh on every request: the preview rewrites them while serving. */
  private static final class UncachedResourceHandler extends ResourceHandler {
    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
      return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), pool);
    }
  }
}
