package vn.nghean.review.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.campaign.CampaignProcess;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.support.ApplicationTestBase;

/** The progress figures match a campaign driven into known states. */
class ProgressTest extends ApplicationTestBase {

  static final String CODE = "SK-PROGRESS";

  @Autowired ReportService reports;

  void submitReport(String unit) {
    String key = CODE + "/" + unit;
    engine.getTaskService().complete(task(key, "ChooseReviewFormat").getId(),
        Map.of("reviewFormat", "WRITTEN", "plannedDate", "2024-06-20"));
    reports.saveDraft(CODE, unit, fullReport(unit), "officer");
    engine.getTaskService().complete(task(key, "DraftReport").getId());
    engine.getTaskService().complete(task(key, "ApproveUnitReport").getId(), Map.of("leaderDecision", "APPROVE"));
  }

  @Test
  void shouldCountOnTimeLateAndOpenUnitsAsGovernmentTrackingDoes() {
    user("progpv01", "pv01");
    user("progmanager", "managers");
    user("progvinh", "unitVINH");
    Date deadline = new Date(System.currentTimeMillis() + 6000);
    engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of("campaignCode", CODE,
        "campaignTitle", "Sơ kết tiến độ", "reviewPeriod", "2023–2024", "reportDeadline", deadline,
        "conferenceDeadline", new Date(deadline.getTime() + 40L * 86_400_000),
        "participatingUnits", "VINH,CUALO,KYSON,TANKY"));
    engine.getTaskService().complete(task(CODE, "IssueGuidance").getId(),
        Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
    submitReport("VINH");

    JsonNode before = read(as("progmanager").getForEntity("/api/campaigns/" + CODE + "/progress", String.class));
    assertThat(before.get("counts").toString())
        .isEqualTo("{\"doneOnTime\":1,\"doneLate\":0,\"openWithinDeadline\":3,\"openOverdue\":0}");

    await("the deadline", Duration.ofSeconds(20), () -> System.currentTimeMillis() > deadline.getTime() + 500);
    submitReport("CUALO");
    JsonNode after = read(as("progpv01").getForEntity("/api/campaigns/" + CODE + "/progress", String.class));
    assertThat(after.get("counts").toString())
        .isEqualTo("{\"doneOnTime\":1,\"doneLate\":1,\"openWithinDeadline\":0,\"openOverdue\":2}");
    assertThat(after.get("units")).filteredOn(u -> u.get("unitCode").asText().equals("CUALO")).singleElement()
        .satisfies(u -> assertThat(u.get("trackingLabel").asText()).isEqualTo("Hoàn thành quá hạn"));

    assertStatus(as("progvinh").getForEntity("/api/campaigns/" + CODE + "/progress", String.class), 403);
    assertStatus(as("progpv01").getForEntity("/api/campaigns/NOPE/progress", String.class), 404);
  }
}
