package vn.nghean.review.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 during the demo campaign, then a restart on the same file database: tasks, timers,
 * reports and pending notifications are all still there, and the report deadline timer set before
 * the kill fires after the restart.
 */
class KillAndRestartIT {

  static final Path DATA = Path.of("target", "kill-test");
  static final String DB = "--spring.datasource.url=jdbc:h2:file:./target/kill-test/db;DB_CLOSE_ON_EXIT=FALSE";
  final ObjectMapper json = new ObjectMapper();

  JsonNode read(AppNode node, String path, String user) throws Exception {
    var response = node.get(path, user);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void shouldLoseNothingWhenKilledAndFireTheTimersAfterTheRestart() throws Exception {
    AppNode.deleteTree(DATA);
    List<String> args = List.of(DB, "--review.demo.report-deadline-in=PT40S",
        "--camunda.bpm.job-execution.max-wait=1000");
    Instant started = Instant.now();
    JsonNode tasksBefore;
    JsonNode jobsBefore;
    JsonNode thaiHoaBefore;
    JsonNode notificationsBefore;
    try (AppNode first = AppNode.start("kill-first", args)) {
      tasksBefore = read(first, "/engine-rest/task/count", "demo");
      jobsBefore = read(first, "/engine-rest/job/count?timers=true", "demo");
      thaiHoaBefore = read(first, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead");
      notificationsBefore = read(first, "/api/notifications", "vinhofficer");
      assertThat(tasksBefore.get("count").asInt()).isGreaterThan(25);
      first.kill();
    }

    try (AppNode second = AppNode.start("kill-second", args)) {
      assertThat(read(second, "/engine-rest/task/count", "demo")).isEqualTo(tasksBefore);
      assertThat(read(second, "/engine-rest/job/count?timers=true", "demo").get("count").asInt())
          .isGreaterThanOrEqualTo(jobsBefore.get("count").asInt() - 31);
      assertThat(read(second, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead").get("sections"))
          .isEqualTo(thaiHoaBefore.get("sections"));
      assertThat(read(second, "/api/notifications", "vinhofficer")).isEqualTo(notificationsBefore);

      Instant until = started.plus(Duration.ofSeconds(150));
      boolean overdue = false;
      while (!overdue && Instant.now().isBefore(until)) {
        overdue = read(second, "/api/campaigns/SK-2023-2024/units/VINH/report", "vinhofficer").get("overdue").asBoolean();
        Thread.sleep(1000);
      }
      assertThat(overdue).as("Vinh overdue after the restart").isTrue();
      assertThat(read(second, "/engine-rest/incident/count", "demo").get("count").asInt()).isZero();
    }
  }
}
