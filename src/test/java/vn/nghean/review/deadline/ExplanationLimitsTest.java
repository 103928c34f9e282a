package vn.nghean.review.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * One limit per text, enforced where it enters, tested at its boundary: PV01's request for an
 * explanation and the leader's explanation hold 4,000 characters each, kept whole; one more is
 * refused with a clear message and nothing is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationLimitsTest extends ApplicationTestBase {

  static final String CODE = "SK-TEXT";
  static final String REQUEST = "/api/campaigns/" + CODE + "/units/VINH/explanation-request";

  @Autowired DeadlineRecords records;

  @BeforeAll
  void overdueUnit() {
    user("txpv01", Groups.PV01);
    user("txvinhlead", Groups.unitLeaders("VINH"));
    assertStatus(post("txpv01", "/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        variables(CampaignProcess.Var.CAMPAIGN_CODE, CODE, CampaignProcess.Var.CAMPAIGN_TITLE, "Giới hạn văn bản",
            CampaignProcess.Var.REVIEW_PERIOD, "2023–2024",
            CampaignProcess.Var.REPORT_DEADLINE, LocalDate.now(VietnamTime.ZONE).minusDays(1).toString(),
            CampaignProcess.Var.CONFERENCE_DEADLINE, LocalDate.now(VietnamTime.ZONE).plusDays(60).toString(),
            CampaignProcess.Var.PARTICIPATING_UNITS, "VINH")), 200);
    issueGuidance(CODE);
    await("Vinh marked overdue", Duration.ofSeconds(60), () -> reportService.get(CODE, "VINH").isOverdue());
  }

  List<DeadlineEvent> events(DeadlineKind kind) {
    return records.ofUnit(CODE, "VINH").stream().filter(e -> e.getKind() == kind).toList();
  }

  @Test
  void shouldKeepARequestOf4000CharactersWholeAndRefuseOneOf4001() {
    ResponseEntity<String> tooLong = post("txpv01", REQUEST, Map.of("note", "a".repeat(4001)));
    assertStatus(tooLong, 400);
    assertThat(read(tooLong).path("message").asText()).contains("dài quá 4000 ký tự");
    assertThat(events(DeadlineKind.EXPLANATION_REQUESTED)).isEmpty();

    String note = "Đề nghị giải trình ".repeat(250).substring(0, 4000);
    assertStatus(post("txpv01", REQUEST, Map.of("note", note)), 202);
    assertThat(events(DeadlineKind.EXPLANATION_REQUESTED)).singleElement()
        .extracting(DeadlineEvent::getNote, DeadlineEvent::getActor).containsExactly(note, "txpv01");

    String task = task(CODE + "/VINH", Element.PROVIDE_EXPLANATION).getId();
    ResponseEntity<String> longReason = post("txvinhlead", "/engine-rest/task/" + task + "/submit-form",
        variables(UnitReviewProcess.Var.EXPLANATION_REASON, "b".repeat(4001),
            UnitReviewProcess.Var.EXPLANATION_COMMITTED_DATE, "2099-01-10"));
    assertStatus(longReason, 400);
    assertThat(read(longReason).path("message").asText()).contains("dài quá 4000 ký tự");
    assertThat(events(DeadlineKind.EXPLANATION_GIVEN)).isEmpty();

    String reason = "Chờ số liệu của các xã, phường. ".repeat(130).substring(0, 4000);
    assertStatus(post("txvinhlead", "/engine-rest/task/" + task + "/submit-form",
        variables(UnitReviewProcess.Var.EXPLANATION_REASON, reason, UnitReviewProcess.Var.EXPLANATION_COMMITTED_DATE,
            "2099-01-10")), 204);
    await("the explanation recorded", Duration.ofSeconds(20), () -> !events(DeadlineKind.EXPLANATION_GIVEN).isEmpty());
    assertThat(events(DeadlineKind.EXPLANATION_GIVEN)).singleElement()
        .extracting(DeadlineEvent::getNote, DeadlineEvent::getActor).containsExactly(reason, "txvinhlead");
    assertThat(reportService.get(CODE, "VINH").getExplanationReason()).isEqualTo(reason);
  }
}
