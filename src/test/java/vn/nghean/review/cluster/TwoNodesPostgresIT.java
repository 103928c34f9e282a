package vn.nghean.review.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.nghean.review.support.AppNode;
import vn.nghean.review.support.Eventually;

/**
 * Camunda's own cluster: two application nodes on one PostgreSQL database, started together on a new
 * database (one sets it up while the other waits). A burst of due timers
 * runs each job once and mails each notification once, and when one node is killed in the middle
 * of the burst the other finishes its work.
 */
class TwoNodesPostgresIT {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String DB = "soket_cluster";
  static final int SMTP_PORT = 3026;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  /** {@link #count}, for a condition that may not throw. */
  static long rows(String sql) {
    try {
      return count(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long count(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(SERVER + DB, "postgres", "");
        Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static List<String> args(boolean demo) {
    return List.of("--spring.datasource.url=" + SERVER + DB, "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--review.demo.enabled=" + demo, "--review.demo.report-deadline-in=PT60S",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT, "--review.mail.poll-interval=PT1S",
        "--review.mail.claim-lease=PT10S", "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        // One job at a time on each node, so that the burst of the demo's few overdue timers lasts
        // long enough for the kill to land in it: with four threads a node, both nodes together
        // marked all 28 units before the kill once the step had grown lighter (2026-12-08).
        "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1");
  }

  static void stop(AppNode node) {
    try {
      node.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static AppNode start(String name, List<String> arguments) {
    try {
      return AppNode.start(name, arguments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldRunEachDueJobOnceAndFinishTheWorkOfAKilledNode() throws Exception {
    try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DB);
    }
    // Both nodes of the new cluster start at the same time: one sets the database up while the other
    // waits (engine.StartupLock); before, the second failed creating the engine's tables. The node
    // without the demo gets a head start, so that it usually sets up first and its job executor runs
    // while the demo node's start creates the demo campaign and runs its jobs itself (DemoData).
    for (String name : List.of("cluster-first", "cluster-second")) {
      Files.deleteIfExists(Path.of("target", "cluster-logs", name + ".log"));
    }
    CompletableFuture<AppNode> starting = CompletableFuture.supplyAsync(() -> start("cluster-second", args(false)));
    AppNode started;
    try {
      Thread.sleep(3_000);
      started = AppNode.start("cluster-first", args(true));
    } catch (IOException | InterruptedException | RuntimeException e) {
      starting.thenAccept(TwoNodesPostgresIT::stop);
      throw e;
    }
    try (AppNode first = started; AppNode second = starting.join()) {
      assertThat(Files.readString(Path.of("target", "cluster-logs", "cluster-first.log"))
          + Files.readString(Path.of("target", "cluster-logs", "cluster-second.log")))
          .as("one node waited for the other's start-up").contains("another node is setting the database up");
      long notSubmitted = count("select count(*) from unit_report where first_submitted_at is null");
      assertThat(notSubmitted).isGreaterThan(20);

      // The deadline falls 60 s after the first node's start: kill it as soon as the burst of overdue
      // timers has begun, and check that it landed in the burst (some units marked, not all).
      Eventually.until("the burst of overdue timers", Duration.ofSeconds(150), Duration.ofMillis(20),
          () -> rows("select count(*) from unit_report where overdue") > 0);
      first.kill();
      long atKill = count("select count(*) from unit_report where overdue");
      assertThat(atKill).as("units marked overdue when the first node was killed, of %d", notSubmitted)
          .isPositive().isLessThan(notSubmitted);

      Eventually.until("every unit overdue", Duration.ofSeconds(120),
          () -> rows("select count(*) from unit_report where overdue") == notSubmitted);
      assertThat(count("select count(*) from (select unit_code from deadline_event where kind = 'OVERDUE'"
          + " group by unit_code having count(*) > 1) doubled")).isZero();
      // The campaign's summary at the deadline is a timer of its own: if the killed node held it, the
      // second node runs it once the job's lock (15 s here) has expired.
      String summaries = "select count(*) from deadline_event where kind = 'MISSING_REPORTS_SUMMARY'";
      Eventually.until("the deadline's summary", Duration.ofSeconds(60), () -> rows(summaries) > 0);

      Eventually.until("every notification sent", Duration.ofSeconds(120),
          () -> rows("select count(*) from notification where state <> 'SENT'") == 0);
      Map<String, Integer> mails = new HashMap<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        mails.merge(Arrays.toString(message.getAllRecipients()) + " " + message.getSubject(), 1, Integer::sum);
      }
      assertThat(mails).isNotEmpty();
      assertThat(mails).as("mails sent more than once").allSatisfy((key, times) -> assertThat(times).as(key).isOne());
      assertThat(count(summaries)).as("the deadline's summary, once").isEqualTo(1);
      // A failing job is retried 5 minutes later and becomes an incident about 20 minutes on: what a
      // failure leaves at once is its exception on the job and a failure in the job log.
      assertThat(second.get("/engine-rest/job/count?withException=true", "demo").body()).as("jobs failing")
          .contains("\"count\":0");
      assertThat(second.get("/engine-rest/history/job-log/count?failureLog=true", "demo").body())
          .as("failed job attempts").contains("\"count\":0");
      assertThat(second.get("/engine-rest/incident/count", "demo").body()).contains("\"count\":0");
    }
  }
}
