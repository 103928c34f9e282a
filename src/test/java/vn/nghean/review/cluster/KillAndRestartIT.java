package vn.nghean.review.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 during the demo campaign, then a restart on the same database: tasks, timers, reports
 * and pending notifications are all still there, and the report deadline timer set before the kill
 * fires after the restart. On the file H2 database by default; on PostgreSQL in the postgres
 * profile ({@code it.kill.database}).
 */
class KillAndRestartIT {

  static final Path DATA = Path.of("target", "kill-test");
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  static final String DATABASE = System.getProperty("it.kill.database", "h2");

  /** A fresh database, and the arguments that point a node at it. */
  static List<String> freshDatabase() throws Exception {
    if (DATABASE.equals("h2")) {
      AppNode.deleteTree(DATA);
      return List.of("--spring.datasource.url=jdbc:h2:file:./target/kill-test/db;DB_CLOSE_ON_EXIT=FALSE");
    }
    try (Connection server = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    return List.of("--spring.datasource.url=" + POSTGRES + DATABASE, "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }
  final ObjectMapper json = new ObjectMapper();

  JsonNode read(AppNode node, String path, String user) throws Exception {
    var response = node.get(path, user);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void shouldLoseNothingWhenKilledAndFireTheTimersAfterTheRestart() throws Exception {
    List<String> args = new java.util.ArrayList<>(freshDatabase());
    args.addAll(List.of("--review.demo.report-deadline-in=PT40S", "--camunda.bpm.job-execution.max-wait=1000"));
    Instant started = Instant.now();
    JsonNode tasksBefore;
    JsonNode jobsBefore;
    JsonNode thaiHoaBefore;
    JsonNode notificationsBefore;
    try (AppNode first = AppNode.start("kill-first-" + DATABASE, args)) {
      tasksBefore = read(first, "/engine-rest/task/count", "demo");
      jobsBefore = read(first, "/engine-rest/job/count?timers=true", "demo");
      thaiHoaBefore = read(first, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead");
      notificationsBefore = read(first, "/api/notifications", "vinhofficer");
      assertThat(tasksBefore.get("count").asInt()).isGreaterThan(25);
      first.kill();
    }

    try (AppNode second = AppNode.start("kill-second-" + DATABASE, args)) {
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
