package vn.nghean.review.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.ReviewApplication;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.support.Eventually;
import vn.nghean.review.support.Jobs;

/** A timer set before the application stops fires after it starts again on the same file database. */
class TimerRestartTest {

  static final Path DATA = Path.of("target", "restart-test");
  static final String CODE = "SK-RESTART";

  ConfigurableApplicationContext start(boolean jobExecutor) {
    // Arguments, not default properties: they must win over the test profile's in-memory database.
    return new SpringApplicationBuilder(ReviewApplication.class).web(WebApplicationType.SERVLET).profiles("test")
        .run("--spring.datasource.url=jdbc:h2:file:./" + DATA.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.process-engine-name=restartTest", "--server.port=0",
            "--camunda.bpm.job-execution.enabled=" + jobExecutor);
  }

  @Test
  void shouldFireATimerSetBeforeARestartAfterIt() throws IOException, InterruptedException {
    deleteData();
    try (ConfigurableApplicationContext before = start(false)) {
      // Due about when the application is up again (a stop and a start take 2–4 s): a deadline that
      // passed while it was down fires at the start, one still ahead fires on time; either proves it.
      Date deadline = new Date(System.currentTimeMillis() + 4000);
      ProcessEngine engine = before.getBean(ProcessEngine.class);
      engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of("campaignCode", CODE,
          "campaignTitle", "Sơ kết thử khởi động lại", "reviewPeriod", "2023–2024", "reportDeadline", deadline,
          "conferenceDeadline", new Date(deadline.getTime() + 40L * 86_400_000), "participatingUnits", "KYSON"));
      engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CODE)
          .singleResult().getId(), Map.of("guidanceNumber", "8/HD", "guidanceDate", "2024-06-01"));
      // No job executor before the restart: run the guidance mail and the unit's start here.
      new Jobs(engine).runContinuations();
      assertThat(before.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
      assertThat(engine.getManagementService().createJobQuery().activityId(UnitReviewProcess.Element.REPORT_OVERDUE).count()).isEqualTo(1);
    }

    try (ConfigurableApplicationContext after = start(true)) {
      ReportService reports = after.getBean(ReportService.class);
      Eventually.until("Kỳ Sơn overdue after the restart", Duration.ofSeconds(60),
          () -> reports.get(CODE, "KYSON").isOverdue());
      assertThat(after.getBean(DeadlineRecords.class).ofUnit(CODE, "KYSON"))
          .extracting(DeadlineEvent::getKind).contains(DeadlineKind.OVERDUE);
    }
  }

  static void deleteData() throws IOException {
    if (Files.exists(DATA)) {
      try (Stream<Path> files = Files.walk(DATA)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
