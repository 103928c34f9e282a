package vn.nghean.review.unitreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.unit.UnitRegistry;

/**
 * A leader's approval (the unit's submission) and the unit's own overdue timer at the same moment,
 * from two threads, 50 times: every submission is recorded once, on time as the clock says (it is
 * the deadline's very moment), and no job fails. The submission that collides with the timer is run
 * again rather than failing with ENGINE-03005.
 *
 * <p>The job executor is paused while the clock stands at the deadline, so that every overdue timer
 * is still there for the race (it would otherwise fire on its own before the race began), and the
 * test counts the races whose two transactions really ran at the same time: a floor of them must.
 */
class SubmissionRaceTest extends ApplicationTestBase {

  static final String CODE = "SK-RACE";
  static final int UNITS = 50;

  @Autowired CampaignService campaigns;
  @Autowired UnitRegistry registry;

  @AfterEach
  void wallClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRecordEverySubmissionOnceWhenItRacesItsDeadlineTimer() throws Exception {
    user("rcpv01", Groups.PV01);
    List<String> units = registry.codes().subList(0, UNITS);
    // Due tomorrow at 00:00: the test moves the engine's clock there.
    assertStatus(startCampaign("rcpv01", CODE, String.join(",", units), LocalDate.now(VietnamTime.ZONE).plusDays(1)),
        200);
    issueGuidance(CODE);
    for (String unit : units) {
      String key = UnitReviewProcess.businessKey(CODE, unit);
      engine.getTaskService().complete(task(key, Element.CHOOSE_REVIEW_FORMAT).getId(),
          Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", LocalDate.now(VietnamTime.ZONE).toString()));
      reportService.saveDraft(CODE, unit, fullReport(unit), "officer");
      engine.getTaskService().complete(task(key, Element.DRAFT_REPORT).getId());
    }
    Instant deadline = campaigns.get(CODE).getReportDeadline();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    executor.shutdown();
    ClockUtil.setCurrentTime(Date.from(deadline));
    // The submission that collides with the timer is run again, which Submissions logs (at DEBUG).
    ch.qos.logback.classic.Logger submissionsLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
        .getLogger("vn.nghean.review.engine.guard.Submissions");
    ch.qos.logback.classic.Level levelBefore = submissionsLog.getLevel();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> collisions =
        new ch.qos.logback.core.read.ListAppender<>();
    collisions.start();
    submissionsLog.addAppender(collisions);
    submissionsLog.setLevel(ch.qos.logback.classic.Level.DEBUG);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<String> failures = new ArrayList<>();
    int overlapped = 0;
    int timerFirst = 0;
    int timerCollided = 0;
    int timerFoundItGone = 0;
    try {
      for (String unit : units) {
        String key = UnitReviewProcess.businessKey(CODE, unit);
        String approval = task(key, Element.APPROVE_UNIT_REPORT).getId();
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(task(key,
            Element.APPROVE_UNIT_REPORT).getProcessInstanceId()).activityId(Element.REPORT_OVERDUE).singleResult();
        assertThat(overdue).as(unit + "'s overdue timer, waiting for the race").isNotNull();
        CyclicBarrier together = new CyclicBarrier(2);
        long[] submissionSpan = new long[2];
        long[] timerSpan = new long[2];
        Future<?> submission = threads.submit(() -> {
          together.await();
          engine.getIdentityService().setAuthentication(unit.toLowerCase() + "lead", List.of(Groups.unitLeaders(unit)));
          submissionSpan[0] = System.nanoTime();
          try {
            engine.getTaskService().complete(approval, Map.of("leaderDecision", UnitReviewProcess.APPROVE));
          } finally {
            submissionSpan[1] = System.nanoTime();
            engine.getIdentityService().clearAuthentication();
          }
          return null;
        });
        Future<String> timer = threads.submit(() -> {
          together.await();
          timerSpan[0] = System.nanoTime();
          try {
            engine.getManagementService().executeJob(overdue.getId());
            return "fired";
          } catch (OptimisticLockingException collided) {
            return "collided";
          } catch (ProcessEngineException gone) {
            // The submission ended the preparation first and took the timer with it.
            return gone.getMessage() != null && gone.getMessage().contains("No job found") ? "gone" : "failed: " + gone;
          } finally {
            timerSpan[1] = System.nanoTime();
          }
        });
        try {
          submission.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(unit + ": " + e.getCause());
        }
        String outcome = timer.get(60, TimeUnit.SECONDS);
        switch (outcome) {
          case "fired" -> timerFirst++;
          case "collided" -> timerCollided++;
          case "gone" -> timerFoundItGone++;
          default -> failures.add(unit + "'s timer " + outcome);
        }
        if (submissionSpan[0] < timerSpan[1] && timerSpan[0] < submissionSpan[1]) {
          overlapped++;
        }
      }
    } finally {
      threads.shutdownNow();
      submissionsLog.detachAppender(collisions);
      submissionsLog.setLevel(levelBefore);
      ClockUtil.reset();
      executor.start();
    }
    long submissionsRunAgain = collisions.list.stream()
        .filter(event -> event.getFormattedMessage().contains("collided with a concurrent change")).count();

    System.out.printf("SubmissionRaceTest: %d races, %d ran at the same time; the timer fired first %d times, "
        + "collided %d times, found the submission done %d times; submissions run again after a collision: %d%n",
        UNITS, overlapped, timerFirst, timerCollided, timerFoundItGone, submissionsRunAgain);
    assertThat(overlapped).as("races whose submission and timer ran at the same time").isGreaterThanOrEqualTo(UNITS / 5);
    // A race that really collided: one of the two transactions lost to the other's commit.
    assertThat(submissionsRunAgain + timerCollided).as("races that collided").isGreaterThanOrEqualTo(UNITS / 5);
    assertThat(failures).as("submissions that failed").isEmpty();
    // What the paused job executor left (the asynchronous steps of each submission) runs now.
    await("every unit's report to reach PV01", java.time.Duration.ofSeconds(120), () -> units.stream()
        .allMatch(unit -> task(UnitReviewProcess.businessKey(CODE, unit), Element.EVALUATE_REPORT) != null));
    for (String unit : units) {
      UnitReport record = reportService.get(CODE, unit);
      assertThat(record.getSubmissionCount()).as(unit).isEqualTo(1);
      assertThat(record.getFirstSubmittedAt()).as(unit).isEqualTo(deadline);
      assertThat(record.getSubmittedOnTime()).as(unit).isTrue();
      assertThat(record.getStatus()).as(unit).isEqualTo(UnitStatus.SUBMITTED_ON_TIME);
      assertThat(task(UnitReviewProcess.businessKey(CODE, unit), Element.EVALUATE_REPORT)).as(unit).isNotNull();
    }
    assertNoJobFailed(CODE);
  }

}
