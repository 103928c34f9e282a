package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.support.ApplicationTestBase;

/** What operators and integrators reach: health, metrics, the API description. */
class OperationsTest extends ApplicationTestBase {

  @Test
  void shouldAnswerHealthOpenlyAndMetricsOnlyToAUser() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertStatus(health, 200);
    assertThat(read(health).get("status").asText()).isEqualTo("UP");

    assertStatus(rest.getForEntity("/actuator/prometheus", String.class), 401);
    user("opsadmin", "camunda-admin");
    ResponseEntity<String> metrics = as("opsadmin").getForEntity("/actuator/prometheus", String.class);
    assertStatus(metrics, 200);
    assertThat(metrics.getBody()).contains("review_notifications_pending").contains("review_notifications_failed_total")
        .contains("camunda_incidents_open").contains("camunda_jobs_executable").contains("camunda_jobs_failed");
  }

  @Test
  void shouldTellTheAdministratorHowToBackUpTheDatabaseInUse() {
    user("opsadmin", "camunda-admin");
    ResponseEntity<String> backup = as("opsadmin").postForEntity("/api/backups", null, String.class);
    assertStatus(backup, 409);
    boolean postgres = System.getProperty("test.db.url", "").startsWith("jdbc:postgresql:");
    assertThat(read(backup).get("message").asText()).contains(postgres ? "pg_dump" : "jdbc:h2:mem");
    ResponseEntity<String> list = as("opsadmin").getForEntity("/api/backups", String.class);
    assertStatus(list, 200);
    assertThat(read(list)).isEmpty();
  }

  @Test
  void shouldDescribeTheApplicationApiToASignedInPerson() {
    assertStatus(rest.getForEntity("/v3/api-docs", String.class), 401);
    user("opsreader", "managers");
    ResponseEntity<String> docs = as("opsreader").getForEntity("/v3/api-docs", String.class);
    assertStatus(docs, 200);
    assertThat(read(docs).get("paths").has("/api/campaigns/{campaignCode}/units/{unitCode}/report")).isTrue();
  }
}
