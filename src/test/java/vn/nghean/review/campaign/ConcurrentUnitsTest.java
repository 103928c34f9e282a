package vn.nghean.review.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.unit.UnitRegistry;

/** Fifty PV01 officers accept fifty reports at the same moment. */
class ConcurrentUnitsTest extends ApplicationTestBase {

  static final String CODE = "SK-LOAD-50";
  static final int UNITS = 50;
  static final int THREADS = 8;

  @Autowired UnitRegistry registry;
  @Autowired ReportService reports;
  @Autowired CampaignRepository campaigns;
  @Autowired MeterRegistry meters;

  @Test
  void shouldAcceptFiftyReportsFinishedAtOnceWithoutLockFailuresOrIncidents() throws Exception {
    List<String> units = registry.codes().subList(0, UNITS);
    TaskService tasks = engine.getTaskService();
    engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(Var.CAMPAIGN_CODE, CODE,
        Var.CAMPAIGN_TITLE, "Sơ kết thử tải", Var.REVIEW_PERIOD, "2023–2024",
        Var.REPORT_DEADLINE, VietnamTime.plusDays(VietnamTime.now(), 30),
        Var.CONFERENCE_DEADLINE, VietnamTime.plusDays(VietnamTime.now(), 60),
        Var.PARTICIPATING_UNITS, String.join(",", units)));
    issueGuidance(CODE);
    List<String> evaluations = new ArrayList<>();
    for (String unit : units) {
      String key = CODE + "/" + unit;
      tasks.complete(task(key, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(), Map.of("reviewFormat",
          UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
      reports.saveDraft(CODE, unit, fullReport("Báo cáo " + unit), "officer");
      tasks.complete(task(key, UnitReviewProcess.Element.DRAFT_REPORT).getId());
      tasks.complete(task(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT).getId(), Map.of("leaderDecision",
          CampaignProcess.APPROVE));
      evaluations.add(task(key, UnitReviewProcess.Element.EVALUATE_REPORT).getId());
    }

    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService officers = Executors.newFixedThreadPool(THREADS);
    for (int thread = 0; thread < THREADS; thread++) {
      List<String> mine = new ArrayList<>();
      for (int i = thread; i < evaluations.size(); i += THREADS) {
        mine.add(evaluations.get(i));
      }
      officers.submit(() -> {
        go.await();
        for (String taskId : mine) {
          try {
            tasks.complete(taskId, new HashMap<>(Map.of("evaluationDecision", UnitReviewProcess.ACCEPT, "rating",
                "GOOD")));
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
        return null;
      });
    }
    long timedBefore = meters.timer(CampaignService.CLOSED_UNIT_UPDATE).count();
    go.countDown();
    officers.shutdown();
    assertThat(officers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    assertThat(failures).as("failures seen by the officers").isEmpty();
    String campaignId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CODE)
        .singleResult().getId();
    await("the campaign to reach the provincial report", Duration.ofSeconds(90), () -> !engine.getTaskService()
        .createTaskQuery().processInstanceId(campaignId).taskDefinitionKey(CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT).list().isEmpty());
    await("the job executor to be idle", Duration.ofSeconds(30),
        () -> engine.getManagementService().createJobQuery().executable().count() == 0);
    assertNoJobFailed(CODE);
    assertThat(reports.byCampaign(CODE)).hasSize(UNITS).extracting(UnitReport::getStatus)
        .containsOnly(UnitStatus.ACCEPTED);
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(CODE + "/%").list();
    assertThat(open).isEmpty();
    // Every unit counted once, though they ended in concurrent jobs; the last one woke the campaign.
    assertThat(campaigns.closedMinusTotal(CODE)).isZero();
    assertThat(campaigns.findById(CODE).orElseThrow().getClosedUnits()).isEqualTo(UNITS);
    // ... and each count's wait for the campaign's row is on the operators' timer.
    assertThat(meters.timer(CampaignService.CLOSED_UNIT_UPDATE).count() - timedBefore).isGreaterThanOrEqualTo(UNITS);
  }
}
