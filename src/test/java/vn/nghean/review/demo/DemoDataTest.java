package vn.nghean.review.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.support.DemoApplicationTestBase;

/** The first start creates the demo; a second run of the same start-up adds nothing. */
class DemoDataTest extends DemoApplicationTestBase {

  static final String CODE = DEMO_CAMPAIGN;

  @Autowired DemoData demoData;
  @Autowired ReportService reports;

  @Test
  void shouldCreateTheDemoOnceWithWorkWaitingAtEveryStage() {
    assertThat(engine.getIdentityService().checkPassword("vinhofficer", "demo")).isTrue();
    assertThat(engine.getIdentityService().checkPassword("pv01head", "demo")).isTrue();
    assertWaiting("VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    assertWaiting("CUALO", UnitReviewProcess.Element.HOLD_UNIT_CONFERENCE);
    assertWaiting("DIENCHAU", UnitReviewProcess.Element.DRAFT_REPORT);
    assertWaiting("THAIHOA", UnitReviewProcess.Element.APPROVE_UNIT_REPORT);
    assertWaiting("HOANGMAI", UnitReviewProcess.Element.EVALUATE_REPORT);
    assertWaiting("ANHSON", UnitReviewProcess.Element.DRAFT_REPORT);
    assertThat(reports.get(CODE, "ANHSON").getStatus()).isEqualTo(UnitStatus.UNDER_REVISION);
    assertThat(reports.get(CODE, "CONCUONG").getStatus()).isEqualTo(UnitStatus.ACCEPTED);
    // The report deadline falls minutes after the first start.
    java.util.Date due = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CODE + "/VINH")
        .singleResult().getDueDate();
    assertThat(due.toInstant()).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(11)));

    long users = engine.getIdentityService().createUserQuery().count();
    // History counts finished units too: the accepted one may end, in its own job, at any moment.
    long units = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(UnitReviewProcess.KEY).processInstanceBusinessKeyLike(CODE + "/%").count();
    demoData.createOnce();

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(CODE).count()).isEqualTo(1);
    // The 21 district-level units of 2024 and the 10 departments of the seed: the campaign's own period.
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(UnitReviewProcess.KEY).processInstanceBusinessKeyLike(CODE + "/%").count())
        .isEqualTo(units).isEqualTo(31);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
  }

  void assertWaiting(String unit, String taskKey) {
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CODE + "/" + unit)
        .singleResult().getTaskDefinitionKey()).as(unit).isEqualTo(taskKey);
  }
}
