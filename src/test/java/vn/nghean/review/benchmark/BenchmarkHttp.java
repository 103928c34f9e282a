package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls of the benchmarks' simulated users: HTTP Basic, JSON, a failure on any non-2xx answer. */
final class BenchmarkHttp {

  private final HttpClient http;
  private final int port;
  private final String password;

  /** One client, its connections kept between calls, as a browser's are. */
  BenchmarkHttp(HttpClient http, int port, String password) {
    this.http = http;
    this.port = port;
    this.password = password;
  }

  String send(String method, String path, String user, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Camunda's REST form of string variables, as Tasklist sends them. */
  static String vars(String... pairs) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":{\"value\":\"").append(pairs[i + 1])
          .append("\",\"type\":\"String\"}");
    }
    return json.append("}}").toString();
  }
}
