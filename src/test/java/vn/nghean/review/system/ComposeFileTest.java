package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as an operator runs it: no secret has a default (compose refuses to
 * start without them), the mail catcher's page is reachable from this machine only, session cookies
 * are secure unless turned off. {@code .ci/run} also checks that compose refuses a missing password.
 */
class ComposeFileTest {

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"), StandardCharsets.UTF_8)) {
      Map<String, Object> compose = new Yaml().load(in);
      return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> environment(String name) throws IOException {
    return (Map<String, Object>) service(name).get("environment");
  }

  @Test
  void shouldRequireEverySecretAndGiveNoneADefault() throws IOException {
    assertThat(environment("db").get("POSTGRES_PASSWORD")).asString().startsWith("${DB_PASSWORD:?");
    assertThat(environment("app").get("DB_PASSWORD")).asString().startsWith("${DB_PASSWORD:?");
    assertThat(environment("app").get("REVIEW_ADMIN_PASSWORD")).asString().startsWith("${REVIEW_ADMIN_PASSWORD:?");
    assertThat(environment("app").get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
  }

  @Test
  void shouldKeepTheMailCatchersPageOnThisMachineAndCookiesSecure() throws IOException {
    assertThat(service("mail").get("ports")).isEqualTo(List.of("127.0.0.1:8025:8025"));
    assertThat(environment("app").get("SECURE_COOKIES")).isEqualTo("${SECURE_COOKIES:-true}");
  }
}
