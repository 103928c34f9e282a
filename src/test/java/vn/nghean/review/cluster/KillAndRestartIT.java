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

import vn.nghean.review.support.AppNode;

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
      return List.of("--spring.datasource.url=jdbc:h2:file:./target/kill-test/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
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
      startSmallCampaign(first);
      tasksBefore = read(first, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000", "demo");
      jobsBefore = read(first, "/engine-rest/job/count?timers=true", "demo");
      thaiHoaBefore = read(first, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead");
      notificationsBefore = read(first, "/api/notifications", "vinhofficer");
      assertThat(tasksBefore.size()).isGreaterThan(25);
      first.kill();
    }

    try (AppNode second = AppNode.start("kill-second-" + DATABASE, args)) {
      assertThat(read(second, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000", "demo")).isEqualTo(tasksBefore);
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
      finishSmallCampaign(second);
      assertThat(read(second, "/engine-rest/incident/count", "demo").get("count").asInt()).isZero();
    }
  }

  static final String SMALL = "SK-KILL";

  static String vars(String... pairs) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":{\"value\":")
          .append(pairs[i + 1].matches("-?\\d+") ? pairs[i + 1] : "\"" + pairs[i + 1] + "\"").append('}');
    }
    return json.append("}}").toString();
  }

  void submit(AppNode node, String businessKey, String taskKey, String user, String variables) throws Exception {
    JsonNode task = awaitTask(node, businessKey, taskKey, user);
    var response = node.send("POST", "/engine-rest/task/" + task.get("id").asText() + "/submit-form", user,
        variables);
    assertThat(response.statusCode()).as(taskKey + " " + response.body()).isEqualTo(204);
  }

  /** Before the kill: a one-unit campaign, guidance issued, format chosen, report written. */
  void startSmallCampaign(AppNode node) throws Exception {
    var started = node.send("POST", "/engine-rest/process-definition/key/reviewCampaign/submit-form", "pv01officer",
        vars("campaignCode", SMALL, "campaignTitle", "Sơ kết thử", "reviewPeriod", "2023–2024",
            "reportDeadline", "2099-07-15", "conferenceDeadline", "2099-08-15", "participatingUnits", "VINH",
            // Vinh is a unit of the registry until 30/06/2025: the campaign takes it as it was then.
            "participantsOn", "2025-06-30"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    submit(node, SMALL, "IssueGuidance", "pv01officer", vars("guidanceNumber", "9/HD", "guidanceDate", "2099-06-01"));
    submit(node, SMALL + "/VINH", "ChooseReviewFormat", "vinhofficer",
        vars("reviewFormat", "WRITTEN", "plannedDate", "2099-06-20"));
    StringBuilder sections = new StringBuilder();
    for (String section : List.of("LEADERSHIP", "ADVISORY", "COORDINATION", "RESULTS", "GOOD_PRACTICES", "ASSESSMENT",
        "RECOMMENDATIONS", "DIRECTIONS")) {
      sections.append(sections.length() == 0 ? "" : ",").append('"').append(section)
          .append("\":\"Nội dung được lưu trước khi máy dừng đột ngột\"");
    }
    var saved = node.send("PUT", "/api/campaigns/" + SMALL + "/units/VINH/report", "vinhofficer",
        "{\"sections\":{" + sections + "},\"modelUnitsBuilt\":3,\"modelUnitsRecognised\":2,\"modelsInOperation\":2}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  /** After the restart: the rest of the campaign, to its close. */
  void finishSmallCampaign(AppNode node) throws Exception {
    submit(node, SMALL + "/VINH", "DraftReport", "vinhofficer", vars());
    submit(node, SMALL + "/VINH", "ApproveUnitReport", "vinhlead", vars("leaderDecision", "APPROVE"));
    submit(node, SMALL + "/VINH", "EvaluateReport", "pv01officer", vars("evaluationDecision", "ACCEPT", "rating", "GOOD"));
    awaitTask(node, SMALL, "CompileProvincialReport", "pv01officer");
    var written = node.send("PUT", "/api/campaigns/" + SMALL + "/provincial-report", "pv01officer",
        "{\"conclusions\":\"Kết luận của PV01\",\"commendations\":\"\"}");
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    submit(node, SMALL, "CompileProvincialReport", "pv01officer", vars());
    submit(node, SMALL, "ApproveProvincialReport", "pv01head", vars("provincialDecision", "APPROVE"));
    submit(node, SMALL, "PrepareConference", "pv01officer", vars("conferenceDate", "2099-08-01T08:00+07:00",
        "conferenceVenue", "Hội trường Công an tỉnh", "conferenceAgenda", "Báo cáo sơ kết",
        "conferenceInvitees", "Các đơn vị"));
    submit(node, SMALL, "RecordConferenceResults", "pv01officer", vars("attendance", "80",
        "conferenceConclusions", "Hội nghị thành công"));
    assertThat(read(node, "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + SMALL
        + "&finished=true", "demo").get("count").asInt()).as("the campaign closed").isEqualTo(1);
  }

  JsonNode awaitTask(AppNode node, String businessKey, String taskKey, String user) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    String path = "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey;
    JsonNode tasks = read(node, path, user);
    while (tasks.isEmpty() && Instant.now().isBefore(until)) {
      Thread.sleep(500);
      tasks = read(node, path, user);
    }
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }
}
