package vn.nghean.review.sso;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak for the sign-in tests: the distribution that {@code mvn -Psso} unpacks into
 * {@code target/keycloak}, started in development mode on a free port with the realm file a province
 * imports ({@code docs/keycloak/nghean-realm.json}), its placeholders filled from the environment as a
 * province's would be. People, groups and extra clients are then made through Keycloak's admin API, as
 * the province's administrator makes them.
 */
final class Keycloak implements AutoCloseable {

  static final String REALM = "nghean";
  static final String CLIENT_SECRET = "bi-mat-cua-ung-dung-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
  static final String PROGRAM_SECRET = "bi-mat-cua-chuong-trinh";
  private static final ObjectMapper JSON = new ObjectMapper();

  final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> groupIds = new HashMap<>();

  private Keycloak(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts Keycloak for an application that will answer at {@code applicationUrl}. */
  static Keycloak start(int port, String applicationUrl) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("Keycloak is not unpacked at " + home + ": run the tests with mvn -Psso verify");
    }
    Path data = home.resolve("data");
    deleteTree(data);
    Files.createDirectories(data.resolve("import"));
    Files.copy(Path.of("docs/keycloak/nghean-realm.json"), data.resolve("import/nghean-realm.json"));
    Path log = Path.of("target", "keycloak.log").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
        "--import-realm", "--http-management-port=" + freePort(), "--cache=local")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
        "SO_KET_URL", applicationUrl, "SO_KET_CLIENT_SECRET", CLIENT_SECRET, "SO_KET_PROGRAM_SECRET", PROGRAM_SECRET,
        "JAVA_OPTS_APPEND", "-Xmx768m"));
    Keycloak keycloak = new Keycloak(port, builder.start());
    keycloak.awaitRealm(Duration.ofMinutes(4), log);
    return keycloak;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String issuer() {
    return issuer(REALM);
  }

  String issuer(String realm) {
    return "http://localhost:" + port + "/realms/" + realm;
  }

  private void awaitRealm(Duration timeout, Path log) throws IOException, InterruptedException {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped; its log: " + Files.readString(log));
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer()
            + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Keycloak did not serve the realm in " + timeout + "; see " + log);
  }

  // ---- the province administrator's work, through Keycloak's admin API ----

  /** A person with a password, in the named groups of the realm. */
  String createPerson(String username, String firstName, String lastName, String email, String password,
      String... groups) throws IOException, InterruptedException {
    Map<String, Object> user = Map.of("username", username, "firstName", firstName, "lastName", lastName, "email", email,
        "enabled", true, "emailVerified", true,
        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
    HttpResponse<String> created = admin("POST", "/users", user);
    check(created, 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    for (String group : groups) {
      join(id, group);
    }
    return id;
  }

  void join(String userId, String group) throws IOException, InterruptedException {
    check(admin("PUT", "/users/" + userId + "/groups/" + groupId(group), null), 204);
  }

  void leave(String userId, String group) throws IOException, InterruptedException {
    check(admin("DELETE", "/users/" + userId + "/groups/" + groupId(group), null), 204);
  }

  /** The user id of a client's service account (client credentials). */
  String serviceAccount(String clientId) throws IOException, InterruptedException {
    JsonNode clients = JSON.readTree(check(admin("GET", "/clients?clientId=" + clientId, null), 200).body());
    String id = clients.get(0).get("id").asText();
    return JSON.readTree(check(admin("GET", "/clients/" + id + "/service-account-user", null), 200).body()).get("id")
        .asText();
  }

  /** A confidential client with a service account, with or without the realm's groups claim. */
  void createProgramClient(String realm, String clientId, String secret, boolean withGroups, Map<String, String> attributes)
      throws IOException, InterruptedException {
    List<Map<String, Object>> mappers = new java.util.ArrayList<>(List.of(Map.of("name", "so-ket-audience",
        "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
        "config", Map.of("included.client.audience", "so-ket", "access.token.claim", "true"))));
    if (withGroups) {
      mappers.add(Map.of("name", "nhom", "protocol", "openid-connect", "protocolMapper", "oidc-group-membership-mapper",
          "config", Map.of("claim.name", "groups", "full.path", "false", "access.token.claim", "true")));
    }
    Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret", secret,
        "standardFlowEnabled", false, "serviceAccountsEnabled", true, "protocolMappers", mappers,
        "attributes", attributes);
    check(send("POST", "/admin/realms/" + realm + "/clients", client), 201);
  }

  void createRealm(String realm) throws IOException, InterruptedException {
    check(send("POST", "/admin/realms", Map.of("realm", realm, "enabled", true)), 201);
  }

  /** A token for a program (client credentials) of the named realm. */
  String programToken(String realm, String clientId, String secret) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer(realm)
        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "client_id", clientId,
            "client_secret", secret)))).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(check(answer, 200).body()).get("access_token").asText();
  }

  private String groupId(String name) throws IOException, InterruptedException {
    if (groupIds.isEmpty()) {
      JsonNode top = JSON.readTree(check(admin("GET", "/groups?max=1000", null), 200).body());
      for (JsonNode parent : top) {
        groupIds.put(parent.get("name").asText(), parent.get("id").asText());
        JsonNode children = JSON.readTree(check(admin("GET", "/groups/" + parent.get("id").asText()
            + "/children?max=1000", null), 200).body());
        children.forEach(child -> groupIds.put(child.get("name").asText(), child.get("id").asText()));
      }
    }
    String id = groupIds.get(name);
    if (id == null) {
      throw new IllegalArgumentException("No group " + name + " in the realm");
    }
    return id;
  }

  private HttpResponse<String> admin(String method, String path, Object body) throws IOException, InterruptedException {
    return send(method, "/admin/realms/" + REALM + path, body);
  }

  private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String adminToken() throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
            "username", "admin", "password", "admin")))).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(check(answer, 200).body()).get("access_token").asText();
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static HttpResponse<String> check(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " to " + answer.request().method() + " "
          + answer.uri() + ": " + answer.body());
    }
    return answer;
  }

  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
