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

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.report.UnitReport;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.unit.UnitRegistry;

/**
 * A leader's approval (the unit's submission) and the unit's own overdue timer at the same moment,
 * from two threads, 50 times: every submission is recorded once, on time as the clock says (it is
 * the deadline's very moment), and no job becomes an incident. The submission that collides with
 * the timer is run again rather than failing with ENGINE-03005.
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
          Map.of("reviewFormat", "WRITTEN", "plannedDate", LocalDate.now(VietnamTime.ZONE).toString()));
      reportService.saveDraft(CODE, unit, fullReport(unit), "officer");
      engine.getTaskService().complete(task(key, Element.DRAFT_REPORT).getId());
    }
    Instant deadline = campaigns.get(CODE).getReportDeadline();
    ClockUtil.setCurrentTime(Date.from(deadline));

    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<String> failures = new ArrayList<>();
    try {
      for (String unit : units) {
        String key = UnitReviewProcess.businessKey(CODE, unit);
        String approval = task(key, Element.APPROVE_UNIT_REPORT).getId();
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(task(key,
            Element.APPROVE_UNIT_REPORT).getProcessInstanceId()).activityId(Element.REPORT_OVERDUE).singleResult();
        CyclicBarrier together = new CyclicBarrier(2);
        Future<?> submission = threads.submit(() -> {
          together.await();
          engine.getIdentityService().setAuthentication(unit.toLowerCase() + "lead", List.of(Groups.unitLeaders(unit)));
          try {
            engine.getTaskService().complete(approval, Map.of("leaderDecision", "APPROVE"));
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
          return null;
        });
        Future<?> timer = threads.submit(() -> {
          together.await();
          if (overdue != null) {
            try {
              engine.getManagementService().executeJob(overdue.getId());
            } catch (RuntimeException lostToTheSubmission) {
              // The submission ended the preparation first and took the timer with it, or the job
              // executor ran it: as the job executor's own attempt would find.
            }
          }
          return null;
        });
        try {
          submission.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(unit + ": " + e.getCause());
        }
        timer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(failures).as("submissions that failed").isEmpty();
    for (String unit : units) {
      UnitReport record = reportService.get(CODE, unit);
      assertThat(record.getSubmissionCount()).as(unit).isEqualTo(1);
      assertThat(record.getFirstSubmittedAt()).as(unit).isEqualTo(deadline);
      assertThat(record.getSubmittedOnTime()).as(unit).isTrue();
      assertThat(record.getStatus()).as(unit).isEqualTo(UnitStatus.SUBMITTED_ON_TIME);
      assertThat(task(UnitReviewProcess.businessKey(CODE, unit), Element.EVALUATE_REPORT)).as(unit).isNotNull();
    }
    for (String unit : units) {
      String instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(UnitReviewProcess.businessKey(CODE, unit)).singleResult().getId();
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).as(unit).isZero();
    }
  }

}
