package vn.nghean.review.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** The packaged application in a JVM of its own, as an operator runs it: started, asked, killed. */
public final class AppNode implements AutoCloseable {

  public final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  private AppNode(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  public static AppNode start(String name, List<String> arguments) throws IOException, InterruptedException {
    return start(name, arguments, Duration.ofSeconds(120));
  }

  /** Started and healthy within {@code timeout}, or stopped (kill -9) and an exception. */
  public static AppNode start(String name, List<String> arguments, Duration timeout)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-Duser.timezone=Asia/Ho_Chi_Minh",
        "-jar", jar().toString(), "--server.port=" + port));
    command.addAll(arguments);
    Path log = Path.of("target", "cluster-logs", name + ".log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    AppNode node = new AppNode(port, process);
    try {
      node.awaitHealthy(timeout, log);
    } catch (IllegalStateException | IOException | InterruptedException e) {
      node.kill();
      throw e;
    }
    return node;
  }

  private void awaitHealthy(Duration timeout, Path log) throws InterruptedException, IOException {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node died at start-up; see " + log);
      }
      try {
        if (get("/actuator/health", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Node not healthy in time; see " + log);
  }

  public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> send(String method, String path, String user, String json)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A file upload ({@code multipart/form-data}, part {@code file}), as a browser sends it. */
  public HttpResponse<String> upload(String path, String user, String fileName, String contentType, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "----so-ket-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A download, as bytes. */
  public HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** kill -9: no shutdown hook, no last commit. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("model-unit-review-.*\\.jar"))
          .filter(p -> !p.toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("Package the application first (mvn verify does)"));
    }
  }

  public static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
