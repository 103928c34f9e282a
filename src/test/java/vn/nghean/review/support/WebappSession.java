package vn.nghean.review.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist, sending what Tasklist sends: the webapp session cookie and CSRF token,
 * to the webapps' engine API ({@code /camunda/api/engine/...}) and the application's {@code /api}.
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;
  private final String engine;
  private String token;

  /** A user logged in to Tasklist; with a null user, a visitor who has only opened its sign-in page. */
  public WebappSession(int port, String user, String password) {
    this(port, "default", user, password);
  }

  /** The same, on the engine of that name (a test context whose engine has a name of its own). */
  public WebappSession(int port, String engine, String user, String password) {
    this.base = "http://localhost:" + port;
    this.engine = engine;
    token = openTasklist();
    if (user == null) {
      return;
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    // The login gives a new session; its token comes with the next page, as in the browser.
    token = openTasklist();
  }

  /** The session's cookies, as a {@code Cookie} header: to send a request no client would write. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** The CSRF token the webapps gave the session. */
  public String csrfToken() {
    return token;
  }

  /** The first page of a filter's tasks, as Tasklist asks for it: HAL, with identity links and the count. */
  public String filterList(String filterId, int maxResults, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/" + engine + "/filter/" + filterId
        + "/list?firstResult=0&maxResults=" + maxResults))
        .header("Accept", "application/hal+json, application/json; q=0.5")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  /** Any request of the session (a JSON body, or none), answered whatever its status. */
  public HttpResponse<String> send(String method, String path, String json) {
    return send(method, path, json, true);
  }

  /** The same request with the session's cookie but without the CSRF header, as a forged page sends it. */
  public HttpResponse<String> sendWithoutCsrfToken(String method, String path, String json) {
    return send(method, path, json, false);
  }

  private HttpResponse<String> send(String method, String path, String json, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (withToken) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method,
          HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return exchange(request.build());
  }

  private String openTasklist() {
    HttpResponse<String> page = exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/" + engine + "/"))
        .GET().build());
    String header = page.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    if (header != null) {
      return header;
    }
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last)
        .orElseThrow(() -> new IllegalStateException("Tasklist gave no CSRF token"));
  }

  private String send(HttpRequest request) {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
          + response.body());
    }
    return response.body();
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
