package vn.nghean.review.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.support.AppNode;
import vn.nghean.review.support.Eventually;

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
  /** The demo's report deadline after the first start: the kill must come before it. */
  static final Duration DEADLINE_IN = Duration.ofSeconds(Long.getLong("it.kill.deadline-seconds", 60));

  JsonNode read(AppNode node, String path, String user) throws Exception {
    var response = node.get(path, user);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void shouldLoseNothingWhenKilledAndFireTheTimersAfterTheRestart() throws Exception {
    List<String> args = new java.util.ArrayList<>(freshDatabase());
    args.addAll(List.of("--review.demo.report-deadline-in=" + DEADLINE_IN, "--camunda.bpm.job-execution.max-wait=1000"));
    Instant started = Instant.now();
    JsonNode tasksBefore;
    Map<String, String> timersBefore;
    Instant killedAt;
    JsonNode thaiHoaBefore;
    JsonNode notificationsBefore;
    try (AppNode first = AppNode.start("kill-first-" + DATABASE, args)) {
      startSmallCampaign(first);
      tasksBefore = read(first, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000", "demo");
      timersBefore = timersDueAfter(first, started.plus(Duration.ofMinutes(5)), null);
      thaiHoaBefore = read(first, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead");
      notificationsBefore = read(first, "/api/notifications", "vinhofficer");
      assertThat(tasksBefore.size()).isGreaterThan(25);
      assertThat(timersBefore).hasSizeGreaterThan(10);
      // The report deadline must still be ahead at the kill, or "fires after the restart" tests nothing:
      // Vinh not yet overdue, and its overdue timer still waiting (on a slow machine the 60 s may be gone
      // by now: the test then fails here rather than pass without the restart's timer).
      JsonNode vinh = read(first, "/api/campaigns/SK-2023-2024/units/VINH/report", "vinhofficer");
      assertThat(vinh.get("overdue").asBoolean()).as("Vinh overdue before the kill").isFalse();
      String vinhInstance = read(first, "/engine-rest/process-instance?maxResults=10&businessKey=SK-2023-2024/VINH",
          "demo").get(0).get("id").asText();
      JsonNode overdueTimer = read(first, "/engine-rest/job?maxResults=10&timers=true&activityId=Timer_ReportOverdue"
          + "&processInstanceId=" + vinhInstance, "demo");
      assertThat(overdueTimer).as("Vinh's overdue timer waiting at the kill").hasSize(1);
      Instant deadline = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
          .parse(overdueTimer.get(0).get("dueDate").asText(), Instant::from);
      killedAt = Instant.now();
      first.kill();
      assertThat(killedAt).as("killed before Vinh's deadline").isBefore(deadline);
    }

    try (AppNode second = AppNode.start("kill-second-" + DATABASE, args)) {
      assertThat(read(second, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000", "demo")).isEqualTo(tasksBefore);
      // The timers not yet due are exactly those of before (a timer that fires after the restart
      // creates new ones: those are left out by their creation time).
      assertThat(timersDueAfter(second, started.plus(Duration.ofMinutes(5)), killedAt)).isEqualTo(timersBefore);
      assertThat(read(second, "/api/campaigns/SK-2023-2024/units/THAIHOA/report", "thaihoalead").get("sections"))
          .isEqualTo(thaiHoaBefore.get("sections"));
      assertThat(read(second, "/api/notifications", "vinhofficer")).isEqualTo(notificationsBefore);

      Eventually.until("Vinh overdue after the restart", Duration.ofSeconds(150), Duration.ofSeconds(1),
          () -> unchecked(() -> read(second, "/api/campaigns/SK-2023-2024/units/VINH/report", "vinhofficer")
              .get("overdue").asBoolean()));
      finishSmallCampaign(second);
      // A failing job is retried 5 minutes later and becomes an incident 20 minutes on: what a failure
      // leaves at once is its exception on the job and a failure in the job log.
      assertThat(read(second, "/engine-rest/job/count?withException=true", "demo").get("count").asInt())
          .as("jobs failing").isZero();
      assertThat(read(second, "/engine-rest/history/job-log/count?failureLog=true", "demo").get("count").asInt())
          .as("failed job attempts").isZero();
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

  /** Before the kill: a one-unit campaign of today (a commune), guidance issued, format chosen, report written. */
  void startSmallCampaign(AppNode node) throws Exception {
    var started = node.send("POST", "/engine-rest/process-definition/key/reviewCampaign/submit-form", "pv01officer",
        vars("campaignCode", SMALL, "campaignTitle", "Sơ kết thử", "reviewPeriod", "2023–2024",
            "reportDeadline", "2099-07-15", "conferenceDeadline", "2099-08-15", "participatingUnits", "ANHSONXA"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    submit(node, SMALL, CampaignProcess.Element.ISSUE_GUIDANCE, "pv01officer", vars("guidanceNumber", "9/HD",
        "guidanceDate", "2099-06-01"));
    submit(node, SMALL + "/ANHSONXA", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT, "anhsonxaofficer",
        vars("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2099-06-20"));
    StringBuilder sections = new StringBuilder();
    for (String section : List.of("LEADERSHIP", "ADVISORY", "COORDINATION", "RESULTS", "GOOD_PRACTICES", "ASSESSMENT",
        "RECOMMENDATIONS", "DIRECTIONS")) {
      sections.append(sections.length() == 0 ? "" : ",").append('"').append(section)
          .append("\":\"Nội dung được lưu trước khi máy dừng đột ngột\"");
    }
    var saved = node.send("PUT", "/api/campaigns/" + SMALL + "/units/ANHSONXA/report", "anhsonxaofficer",
        "{\"sections\":{" + sections + "},\"modelUnitsBuilt\":3,\"modelUnitsRecognised\":2,\"modelsInOperation\":2}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  /** After the restart: the rest of the campaign, to its close. */
  void finishSmallCampaign(AppNode node) throws Exception {
    submit(node, SMALL + "/ANHSONXA", UnitReviewProcess.Element.DRAFT_REPORT, "anhsonxaofficer", vars());
    submit(node, SMALL + "/ANHSONXA", UnitReviewProcess.Element.APPROVE_UNIT_REPORT, "anhsonxalead",
        vars("leaderDecision", UnitReviewProcess.APPROVE));
    submit(node, SMALL + "/ANHSONXA", UnitReviewProcess.Element.EVALUATE_REPORT, "pv01officer",
        vars("evaluationDecision", UnitReviewProcess.ACCEPT, "rating", "GOOD"));
    awaitTask(node, SMALL, CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT, "pv01officer");
    var written = node.send("PUT", "/api/campaigns/" + SMALL + "/provincial-report", "pv01officer",
        "{\"conclusions\":\"Kết luận của PV01\",\"commendations\":\"\"}");
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    submit(node, SMALL, CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT, "pv01officer", vars());
    submit(node, SMALL, CampaignProcess.Element.APPROVE_PROVINCIAL_REPORT, "pv01head", vars("provincialDecision",
        CampaignProcess.APPROVE));
    submit(node, SMALL, CampaignProcess.Element.PREPARE_CONFERENCE, "pv01officer", vars("conferenceDate",
        "2099-08-01T08:00+07:00",
        "conferenceVenue", "Hội trường Công an tỉnh", "conferenceAgenda", "Báo cáo sơ kết",
        "conferenceInvitees", "Các đơn vị"));
    submit(node, SMALL, CampaignProcess.Element.RECORD_CONFERENCE_RESULTS, "pv01officer", vars("attendance", "80",
        "conferenceConclusions", "Hội nghị thành công"));
    assertThat(read(node, "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + SMALL
        + "&finished=true", "demo").get("count").asInt()).as("the campaign closed").isEqualTo(1);
  }

  JsonNode awaitTask(AppNode node, String businessKey, String taskKey, String user) {
    String path = "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey;
    JsonNode tasks = Eventually.value(taskKey + " of " + businessKey, Duration.ofSeconds(60),
        () -> read(node, path, user), found -> !found.isEmpty());
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  /** The timers due after {@code after} (created before {@code createdBefore}, if given): id to due date. */
  Map<String, String> timersDueAfter(AppNode node, Instant after, Instant createdBefore) throws Exception {
    String path = "/engine-rest/job?timers=true&sortBy=jobId&sortOrder=asc&maxResults=1000&dueDates="
        + restDate("gt_", after) + (createdBefore == null ? "" : "&createTimes=" + restDate("lt_", createdBefore));
    Map<String, String> timers = new java.util.TreeMap<>();
    read(node, path, "demo").forEach(job -> timers.put(job.get("id").asText(), job.get("dueDate").asText()));
    return timers;
  }

  /** A condition of the engine's REST API on a date ({@code gt_2026-12-01T08:00:00.000+0700}), URL-encoded. */
  static String restDate(String operator, Instant at) {
    String date = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    return java.net.URLEncoder.encode(operator + date, java.nio.charset.StandardCharsets.UTF_8);
  }

  static boolean unchecked(java.util.concurrent.Callable<Boolean> condition) {
    try {
      return condition.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
