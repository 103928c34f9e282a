package vn.nghean.review.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.AppNode;
import vn.nghean.review.support.Eventually;

/**
 * A backup taken while the demo campaign runs, restored into an empty database in a new JVM: the
 * campaign goes on from the moment of the backup, with nothing lost and nothing doubled. What the
 * two databases share is here; each subclass backs up and restores as the README tells an operator.
 *
 * <p>Before the backup, Diễn Châu writes its report and attaches the signed file, and Thái Hòa's leader
 * approves its report; after it, Diễn Châu rewrites both and sends the report to its leader, which the
 * restored database must not hold (a second, later backup does, as a check that the comparison sees
 * the difference). The restored node then has exactly the tasks, timers not yet due, report, attachment
 * and outbox of the backup's moment; the report deadline's timers, brought forward there, mark the units
 * overdue once each, Diễn Châu submits, and every mail of after the restore goes out exactly once, none of
 * those mailed before the backup again.
 */
abstract class BackupRestoreScenario {

  static final String CAMPAIGN = "SK-2023-2024";
  static final String UNIT = "DIENCHAU";
  static final String UNIT_KEY = CAMPAIGN + "/" + UNIT;
  static final String REPORT = "/api/campaigns/" + CAMPAIGN + "/units/" + UNIT + "/report";
  /**
   * The demo's report deadline, after the first start: far enough for no node of the test to reach it
   * on the clock, however slow the machine. The restored node's administrator brings its timers
   * forward once the restore has been compared, so that they fire there.
   */
  static final Duration DEADLINE_IN = Duration.ofHours(1);
  static final String ORIGINAL = "original";
  static final String RESTORED = "restored";
  static final String LATER = "later";

  static final byte[] SIGNED_BEFORE = bytes(1, 300_000);
  static final byte[] SIGNED_AFTER = bytes(2, 200_000);

  final ObjectMapper json = new ObjectMapper();

  @RegisterExtension
  final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(smtpPort(), "127.0.0.1", "smtp"));

  /** The database's name in logs: {@code h2}, {@code postgres}. */
  abstract String database();

  abstract int smtpPort();

  /** A new, empty database called {@code name}; the node arguments that point at it. */
  abstract List<String> createDatabase(String name) throws Exception;

  /** Backs up the database of the running node, as the README says; the backup's file. */
  abstract Path backUp(AppNode node) throws Exception;

  /** Restores the backup into a new, empty database called {@code name}; the node arguments for it. */
  abstract List<String> restore(Path backup, String name) throws Exception;

  /** A connection to the database called {@code name}, while no node runs on it. */
  abstract Connection connect(String name) throws SQLException;

  /** The directory of this test's files (backups, logs of the tools). */
  Path files() {
    return Path.of("target", "backup-test", database());
  }

  List<String> nodeArguments(List<String> database) {
    List<String> arguments = new ArrayList<>(database);
    arguments.addAll(List.of("--review.demo.report-deadline-in=" + DEADLINE_IN,
        "--camunda.bpm.job-execution.max-wait=1000", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort(), "--review.mail.poll-interval=PT1S",
        "--review.backup.directory=" + files().resolve("backups")));
    return arguments;
  }

  /** What a user sees at the moment of the backup, read through the APIs. */
  record Snapshot(JsonNode tasks, Map<String, String> timers, JsonNode report, String attachment,
      JsonNode notifications, Map<String, Integer> counts) {}

  @Test
  void shouldRestoreABackupTakenMidCampaignAndGoOnWithNothingLostOrDoubled() throws Exception {
    AppNode.deleteTree(files());
    Files.createDirectories(files());
    List<String> original = nodeArguments(createDatabase(ORIGINAL));
    Snapshot atBackup;
    Path backup;
    Path later;
    try (AppNode first = AppNode.start("backup-first-" + database(), original)) {
      writeReport(first, "Nội dung đã viết trước khi sao lưu");
      attach(first, SIGNED_BEFORE);
      submit(first, CAMPAIGN + "/THAIHOA", UnitReviewProcess.Element.APPROVE_UNIT_REPORT, "thaihoalead",
          vars("leaderDecision", UnitReviewProcess.APPROVE));
      awaitTask(first, CAMPAIGN + "/THAIHOA", UnitReviewProcess.Element.EVALUATE_REPORT, "pv01officer");
      awaitQuiet(first, 0);
      atBackup = snapshot(first);
      backup = backUp(first);
      assertThat(snapshot(first)).as("nothing moved while the backup ran").isEqualTo(atBackup);

      // After the backup: work that the restored database must not hold.
      writeReport(first, "Nội dung sửa sau khi sao lưu");
      attach(first, SIGNED_AFTER);
      submit(first, UNIT_KEY, UnitReviewProcess.Element.DRAFT_REPORT, "dienchauofficer", vars());
      awaitTask(first, UNIT_KEY, UnitReviewProcess.Element.APPROVE_UNIT_REPORT, "dienchaulead");
      awaitQuiet(first, 0);
      assertThat(snapshot(first).tasks()).as("the work after the backup").isNotEqualTo(atBackup.tasks());
      later = backUp(first);
    }
    assertThat(atBackup.timers()).as("timers waiting at the backup").hasSizeGreaterThan(20);

    NavigableMap<Long, Map<String, String>> originalOutbox = outbox(ORIGINAL);
    // The later backup holds the later work: the comparisons below would see a wrong backup.
    restore(later, LATER);
    assertThat(reportText(LATER)).isEqualTo("Nội dung sửa sau khi sao lưu");
    assertThat(outbox(LATER)).isEqualTo(originalOutbox);

    List<String> restored = nodeArguments(restore(backup, RESTORED));
    NavigableMap<Long, Map<String, String>> restoredOutbox = outbox(RESTORED);
    long lastOfBackup = restoredOutbox.lastKey();
    assertThat(reportText(RESTORED)).isEqualTo("Nội dung đã viết trước khi sao lưu");
    assertThat(restoredOutbox).as("the outbox of the backup's moment").isEqualTo(originalOutbox.headMap(lastOfBackup, true));
    assertThat(originalOutbox.tailMap(lastOfBackup, false)).as("notifications of the work after the backup")
        .isNotEmpty();
    assertThat(restoredOutbox.values()).as("every notification of the backup had been delivered")
        .allSatisfy(row -> assertThat(row.get("STATE")).isEqualTo("SENT"));
    assertThat(count(RESTORED, "select count(*) from deadline_event where kind = 'OVERDUE'")).isZero();

    int mailsBeforeRestore = smtp.getReceivedMessages().length;
    Map<String, Integer> mailedBeforeRestore = mails();
    try (AppNode second = AppNode.start("backup-second-" + database(), restored)) {
      Snapshot afterRestore = snapshot(second);
      assertThat(afterRestore.tasks()).as("open tasks").isEqualTo(atBackup.tasks());
      assertThat(afterRestore.timers()).as("timers").isEqualTo(atBackup.timers());
      assertThat(afterRestore.report()).as("Diễn Châu's report").isEqualTo(atBackup.report());
      assertThat(afterRestore.attachment()).as("the signed file").isEqualTo(atBackup.attachment())
          .isEqualTo(sha256(SIGNED_BEFORE));
      assertThat(afterRestore).as("everything else").isEqualTo(atBackup);

      // The report deadline passes after the restore: an administrator brings its timers forward
      // (as Cockpit's "change the due date" does), and they fire here.
      String now = REST_DATE.format(Instant.now());
      String deadline = reportDeadline(second);
      assertThat(atBackup.timers()).as("timers due at the report deadline").containsValue(deadline);
      for (Map.Entry<String, String> timer : atBackup.timers().entrySet()) {
        if (timer.getValue().equals(deadline)) {
          var moved = second.send("PUT", "/engine-rest/job/" + timer.getKey() + "/duedate", "demo",
              "{\"duedate\":\"" + now + "\",\"cascade\":false}");
          assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        }
      }
      Eventually.until("the report deadline's timers to fire", Duration.ofSeconds(150), Duration.ofSeconds(1),
          () -> unchecked(() -> timers(second).keySet().stream()
              .noneMatch(id -> deadline.equals(atBackup.timers().get(id)))));
      assertThat(read(second, REPORT, "dienchauofficer").get("overdue").asBoolean()).isTrue();

      // Diễn Châu submits: its officer, then its leader; PV01 then has the report to evaluate.
      submit(second, UNIT_KEY, UnitReviewProcess.Element.DRAFT_REPORT, "dienchauofficer", vars());
      submit(second, UNIT_KEY, UnitReviewProcess.Element.APPROVE_UNIT_REPORT, "dienchaulead", vars("leaderDecision",
          UnitReviewProcess.APPROVE));
      awaitTask(second, UNIT_KEY, UnitReviewProcess.Element.EVALUATE_REPORT, "pv01officer");
      JsonNode submitted = read(second, REPORT, "dienchauofficer");
      // On time all the same: the verdict reads the deadline of the campaign's record, an hour away;
      // only the timers were brought forward.
      assertThat(submitted.get("submittedOnTime").asBoolean()).isTrue();
      assertThat(submitted.get("sections").toString()).contains("trước khi sao lưu").doesNotContain("sau khi");
      awaitQuiet(second, mailsBeforeRestore);
      // A failing job is retried 5 minutes later and becomes an incident about 20 minutes on: what a
      // failure leaves at once is its exception on the job and a failure in the job log.
      assertThat(read(second, "/engine-rest/job/count?withException=true", "demo").get("count").asInt())
          .as("jobs failing").isZero();
      assertThat(read(second, "/engine-rest/history/job-log/count?failureLog=true", "demo").get("count").asInt())
          .as("failed job attempts").isZero();
      assertThat(read(second, "/engine-rest/incident/count", "demo").get("count").asInt()).as("incidents").isZero();
    }

    NavigableMap<Long, Map<String, String>> finalOutbox = outbox(RESTORED);
    assertThat(finalOutbox.headMap(lastOfBackup, true)).as("the backup's notifications, none sent again")
        .isEqualTo(restoredOutbox);
    NavigableMap<Long, Map<String, String>> afterTheRestore = finalOutbox.tailMap(lastOfBackup, false);
    assertThat(afterTheRestore.values()).allSatisfy(row -> assertThat(row.get("STATE")).isEqualTo("SENT"));
    Map<String, Integer> expectedMails = new TreeMap<>();
    afterTheRestore.values().stream().filter(row -> row.get("RECIPIENT_EMAIL") != null)
        .forEach(row -> expectedMails.merge(row.get("RECIPIENT_EMAIL") + " " + row.get("SUBJECT"), 1, Integer::sum));
    Map<String, Integer> mails = mails();
    mailedBeforeRestore.forEach((mail, times) -> mails.computeIfPresent(mail,
        (key, all) -> all.equals(times) ? null : all - times));
    assertThat(mails).as("the mails of after the restore: one for each new notification").isEqualTo(expectedMails);
    assertThat(afterTheRestore.values()).as("Diễn Châu's leader told of the report to approve")
        .anySatisfy(row -> assertThat(row).containsEntry("KIND", "TASK_ASSIGNED").containsEntry("UNIT_CODE", UNIT)
            .containsEntry("RECIPIENT_EMAIL", "lanhdao.dienchau@nghean.example"));
    assertThat(mails.entrySet()).as("mails of Diễn Châu's submission").filteredOn(e -> e.getKey()
        .startsWith("lanhdao.dienchau@nghean.example ")).isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isOne());
    assertThat(count(RESTORED, "select count(*) from (select unit_code from deadline_event where kind = 'OVERDUE'"
        + " group by unit_code having count(*) > 1) doubled")).as("units marked overdue twice").isZero();
    assertThat(count(RESTORED, "select count(*) from deadline_event where kind = 'OVERDUE'"))
        .isEqualTo(count(RESTORED, "select count(*) from unit_report where overdue")).isGreaterThan(20);
  }

  // --- the campaign, through the APIs ---

  void writeReport(AppNode node, String text) throws Exception {
    StringBuilder sections = new StringBuilder();
    for (String section : List.of("LEADERSHIP", "ADVISORY", "COORDINATION", "RESULTS", "GOOD_PRACTICES",
        "ASSESSMENT", "RECOMMENDATIONS", "DIRECTIONS")) {
      sections.append(sections.length() == 0 ? "" : ",").append('"').append(section).append("\":\"").append(text)
          .append('"');
    }
    var saved = node.send("PUT", REPORT, "dienchauofficer",
        "{\"sections\":{" + sections + "},\"modelUnitsBuilt\":6,\"modelUnitsRecognised\":4,\"modelsInOperation\":4}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  void attach(AppNode node, byte[] content) throws Exception {
    var uploaded = node.upload(REPORT + "/attachment", "dienchauofficer", "bao-cao-co-chu-ky.pdf", "application/pdf",
        content);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
  }

  Snapshot snapshot(AppNode node) throws Exception {
    ObjectNode notifications = json.createObjectNode();
    for (String user : List.of("dienchauofficer", "dienchaulead", "thaihoalead", "pv01officer", "vinhofficer")) {
      notifications.set(user, read(node, "/api/notifications", user));
    }
    var attachment = node.download(REPORT + "/attachment", "dienchauofficer");
    assertThat(attachment.statusCode()).isEqualTo(200);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String path : List.of("/engine-rest/process-instance/count", "/engine-rest/history/process-instance/count",
        "/engine-rest/history/activity-instance/count", "/engine-rest/history/task/count",
        "/engine-rest/incident/count", "/engine-rest/job/count")) {
      counts.put(path, read(node, path, "demo").get("count").asInt());
    }
    return new Snapshot(read(node, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000", "demo"),
        timers(node), read(node, REPORT, "dienchauofficer"), sha256(attachment.body()), notifications, counts);
  }

  /** Every timer waiting: id to due date. */
  Map<String, String> timers(AppNode node) throws Exception {
    Map<String, String> timers = new TreeMap<>();
    read(node, "/engine-rest/job?timers=true&sortBy=jobId&sortOrder=asc&maxResults=2000", "demo")
        .forEach(job -> timers.put(job.get("id").asText(), Instant.from(REST_DATE.parse(job.get("dueDate").asText()))
            .toString()));
    return timers;
  }

  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  /**
   * The report deadline: the due date of Diễn Châu's overdue timer. Not the earliest timer: a unit in
   * a revision round has its own deadline, at midnight, and its reminders come before the report
   * deadline when the test runs in the hour before midnight in Vietnam.
   */
  String reportDeadline(AppNode node) throws Exception {
    String instance = read(node, "/engine-rest/process-instance?businessKey="
        + URLEncoder.encode(UNIT_KEY, StandardCharsets.UTF_8) + "&maxResults=2", "demo").get(0).get("id").asText();
    JsonNode timers = read(node, "/engine-rest/job?timers=true&activityId=Timer_ReportOverdue&maxResults=2&processInstanceId="
        + instance, "demo");
    assertThat(timers).as("Diễn Châu's overdue timer").hasSize(1);
    return Instant.from(REST_DATE.parse(timers.get(0).get("dueDate").asText())).toString();
  }

  /**
   * Waits until nothing is left to do: no job due, no notification waiting, every mail this node sent
   * received ({@code mailsBefore} were received before it started), and still so a poll later.
   */
  void awaitQuiet(AppNode node, int mailsBefore) {
    long[] previous = {-1};
    Eventually.until("no job due and every notification mailed", Duration.ofSeconds(60), Duration.ofMillis(500),
        () -> unchecked(() -> {
          String metrics = node.get("/actuator/prometheus", "demo").body();
          long sent = (long) metric(metrics, "review_notifications_sent_total");
          boolean quiet = metric(metrics, "review_notifications_pending") == 0
              && metric(metrics, "camunda_jobs_executable") == 0
              && sent == smtp.getReceivedMessages().length - mailsBefore;
          boolean again = quiet && previous[0] == sent;
          previous[0] = quiet ? sent : -1;
          return again;
        }));
  }

  static double metric(String metrics, String name) {
    Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
    return value.find() ? Double.parseDouble(value.group(2)) : -1;
  }

  JsonNode read(AppNode node, String path, String user) throws Exception {
    var response = node.get(path, user);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static String vars(String... pairs) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":{\"value\":\"").append(pairs[i + 1])
          .append("\"}");
    }
    return json.append("}}").toString();
  }

  void submit(AppNode node, String businessKey, String taskKey, String user, String variables) throws Exception {
    JsonNode task = awaitTask(node, businessKey, taskKey, user);
    var response = node.send("POST", "/engine-rest/task/" + task.get("id").asText() + "/submit-form", user, variables);
    assertThat(response.statusCode()).as(taskKey + " " + response.body()).isEqualTo(204);
  }

  JsonNode awaitTask(AppNode node, String businessKey, String taskKey, String user) {
    String path = "/engine-rest/task?maxResults=100&processInstanceBusinessKey="
        + URLEncoder.encode(businessKey, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey;
    JsonNode tasks = Eventually.value(taskKey + " of " + businessKey, Duration.ofSeconds(60),
        () -> read(node, path, user), found -> !found.isEmpty());
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  // --- the databases, directly, while no node runs on them ---

  /** The outbox, every column of every row, by id. */
  NavigableMap<Long, Map<String, String>> outbox(String name) throws SQLException {
    NavigableMap<Long, Map<String, String>> rows = new TreeMap<>();
    try (Connection db = connect(name); Statement sql = db.createStatement();
        ResultSet result = sql.executeQuery("select * from notification order by id")) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.put(columns.getColumnLabel(i).toUpperCase(), result.getString(i));
        }
        rows.put(result.getLong("id"), row);
      }
    }
    return rows;
  }

  String reportText(String name) throws SQLException {
    try (Connection db = connect(name); Statement sql = db.createStatement();
        ResultSet result = sql.executeQuery("select t.leadership from unit_report r join unit_report_text t"
            + " on t.report_id = r.id where r.campaign_code = '" + CAMPAIGN + "' and r.unit_code = '" + UNIT + "'")) {
      assertThat(result.next()).as("Diễn Châu's report in " + name).isTrue();
      return result.getString(1);
    }
  }

  long count(String name, String query) throws SQLException {
    try (Connection db = connect(name); Statement sql = db.createStatement();
        ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  // --- helpers ---

  /**
   * The mails received so far: recipient and subject, and how many times (GreenMail lists them by
   * mailbox, not in the order received).
   */
  Map<String, Integer> mails() throws MessagingException {
    Map<String, Integer> mails = new TreeMap<>();
    for (MimeMessage received : smtp.getReceivedMessages()) {
      for (Address to : received.getAllRecipients()) {
        mails.merge(((InternetAddress) to).getAddress() + " " + received.getSubject(), 1, Integer::sum);
      }
    }
    return mails;
  }

  /** A command of the README, run here; fails the test with its output unless it succeeds. */
  void run(String... command) throws IOException, InterruptedException {
    Path log = files().resolve("commands.log");
    Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    assertThat(process.waitFor()).as(String.join(" ", command) + ": see " + log).isZero();
  }

  static byte[] bytes(long seed, int size) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    content[0] = '%';
    content[1] = 'P';
    content[2] = 'D';
    content[3] = 'F';
    return content;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean unchecked(Callable<Boolean> condition) {
    try {
      return condition.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
