package vn.nghean.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * Bad input gets a clear 4xx message in Vietnamese and changes nothing. Each test has a campaign of
 * its own, its unit drafting, whatever order the tests run in.
 */
class BadInputTest extends ApplicationTestBase {

  static final AtomicInteger CAMPAIGNS = new AtomicInteger();

  @Autowired ReportService reports;
  String code;
  String report;

  @BeforeEach
  void drafting() {
    code = "SK-BAD-" + CAMPAIGNS.incrementAndGet();
    report = "/api/campaigns/" + code + "/units/VINH/report";
    user("badpv01", "pv01");
    user("badvinh", "unitVINH");
    assertStatus(startCampaign("badpv01", code, "VINH"), 200);
    issueGuidance(code);
    engine.getTaskService().complete(task(code + "/VINH", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(),
        Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    assertStatus(put("badvinh", report, fullReport("bản gốc")), 200);
  }

  ResponseEntity<String> putRaw(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as("badvinh").exchange(report, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class);
  }

  void assertUnchanged() {
    assertThat(reports.get(code, "VINH").section(ReportSection.LEADERSHIP)).endsWith("bản gốc");
    assertThat(reports.get(code, "VINH").getModelUnitsBuilt()).isEqualTo(5);
  }

  @Test
  void shouldRefuseMalformedJsonAndWrongTypes() {
    ResponseEntity<String> malformed = putRaw("{\"sections\": {\"LEADERSHIP\": \"x\"");
    assertStatus(malformed, 400);
    assertThat(read(malformed).get("message").asText()).contains("không đúng định dạng JSON");
    assertStatus(putRaw("{\"modelUnitsBuilt\": \"mười hai\"}"), 400);
    assertStatus(putRaw("{\"sections\": {\"NO_SUCH_SECTION\": \"x\"}}"), 400);
    assertThat(putRaw("{\"modelUnitsBuilt\": -1}").getBody()).contains("không được âm");
    assertUnchanged();
  }

  @Test
  void shouldRefuseOversizedPayloads() {
    ResponseEntity<String> tooLong = put("badvinh", report, fullReport("x".repeat(50_001)));
    assertStatus(tooLong, 400);
    assertThat(read(tooLong).get("message").asText()).contains("dài quá 50000 ký tự");

    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(new byte[11 * 1024 * 1024]) {
      @Override
      public String getFilename() {
        return "qua-lon.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> tooBig = as("badvinh").postForEntity(report + "/attachment", new HttpEntity<>(body, headers),
        String.class);
    assertThat(tooBig.getStatusCode().value()).isIn(400, 413);
    assertThat(reports.attachment(code, "VINH")).isEmpty();
    assertUnchanged();
  }

  @Test
  void shouldAnswerUnknownIdsWith404() {
    ResponseEntity<String> unknown = as("badpv01").getForEntity("/api/campaigns/NOPE/units/VINH/report", String.class);
    assertStatus(unknown, 404);
    assertThat(read(unknown).get("message").asText()).contains("Không tìm thấy báo cáo");
    assertStatus(as("badpv01").getForEntity("/api/campaigns/" + code + "/provincial-report", String.class), 404);
  }

  @Test
  void shouldRefuseADateTimeWithoutAZone() {
    String draft = task(code + "/VINH", UnitReviewProcess.Element.DRAFT_REPORT).getId();
    assertStatus(post("badvinh", "/engine-rest/task/" + draft + "/submit-form", variables()), 204);
    String approve = task(code + "/VINH", UnitReviewProcess.Element.APPROVE_UNIT_REPORT).getId();
    engine.getTaskService().complete(approve, Map.of("leaderDecision", UnitReviewProcess.APPROVE));
    String evaluate = task(code + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT).getId();

    ResponseEntity<String> noZone = post("badpv01", "/engine-rest/task/" + evaluate + "/submit-form",
        variables(UnitReviewProcess.Var.EVALUATION_DECISION, UnitReviewProcess.REVISE,
            UnitReviewProcess.Var.REVISION_COMMENT, "Bổ sung", UnitReviewProcess.Var.REVISION_DUE_DATE,
                "2099-06-10T10:00"));
    assertStatus(noZone, 400);
    assertThat(read(noZone).get("message").asText()).contains("hạn nộp lại không phải là ngày hợp lệ");
    assertThat(task(code + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT)).isNotNull();
  }
}
