package vn.nghean.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.nghean.review.support.ApplicationTestBase;

/** Bad input gets a clear 4xx message in Vietnamese and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends ApplicationTestBase {

  static final String CODE = "SK-BAD";
  static final String REPORT = "/api/campaigns/" + CODE + "/units/VINH/report";

  @Autowired ReportService reports;

  @BeforeAll
  void drafting() {
    user("badpv01", "pv01");
    user("badvinh", "unitVINH");
    assertStatus(startCampaign("badpv01", CODE, "VINH"), 200);
    issueGuidance(CODE);
    engine.getTaskService().complete(task(CODE + "/VINH", "ChooseReviewFormat").getId(),
        Map.of("reviewFormat", "WRITTEN", "plannedDate", "2024-06-20"));
    assertStatus(put("badvinh", REPORT, fullReport("bản gốc")), 200);
  }

  ResponseEntity<String> putRaw(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as("badvinh").exchange(REPORT, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class);
  }

  void assertUnchanged() {
    assertThat(reports.get(CODE, "VINH").section(ReportSection.LEADERSHIP)).endsWith("bản gốc");
    assertThat(reports.get(CODE, "VINH").getModelUnitsBuilt()).isEqualTo(5);
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
    ResponseEntity<String> tooLong = put("badvinh", REPORT, fullReport("x".repeat(50_001)));
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
    ResponseEntity<String> tooBig = as("badvinh").postForEntity(REPORT + "/attachment", new HttpEntity<>(body, headers),
        String.class);
    assertThat(tooBig.getStatusCode().value()).isIn(400, 413);
    assertThat(reports.attachment(CODE, "VINH")).isEmpty();
    assertUnchanged();
  }

  @Test
  void shouldAnswerUnknownIdsWith404() {
    ResponseEntity<String> unknown = as("badpv01").getForEntity("/api/campaigns/NOPE/units/VINH/report", String.class);
    assertStatus(unknown, 404);
    assertThat(read(unknown).get("message").asText()).contains("Không tìm thấy báo cáo");
    assertStatus(as("badpv01").getForEntity("/api/campaigns/" + CODE + "/provincial-report", String.class), 404);
  }

  @Test
  void shouldRefuseADateTimeWithoutAZone() {
    String draft = task(CODE + "/VINH", "DraftReport").getId();
    assertStatus(post("badvinh", "/engine-rest/task/" + draft + "/submit-form", variables()), 204);
    String approve = task(CODE + "/VINH", "ApproveUnitReport").getId();
    engine.getTaskService().complete(approve, Map.of("leaderDecision", "APPROVE"));
    String evaluate = task(CODE + "/VINH", "EvaluateReport").getId();

    ResponseEntity<String> noZone = post("badpv01", "/engine-rest/task/" + evaluate + "/submit-form",
        variables("evaluationDecision", "REVISE", "revisionComment", "Bổ sung", "revisionDueDate", "2099-06-10T10:00"));
    assertStatus(noZone, 400);
    assertThat(read(noZone).get("message").asText()).contains("hạn nộp lại không phải là ngày hợp lệ");
    assertThat(task(CODE + "/VINH", "EvaluateReport")).isNotNull();
  }
}
