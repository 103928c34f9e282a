package vn.nghean.review.unitreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.support.ApplicationTestBase;

/** One unit's review driven as Tasklist drives it: form submissions to /engine-rest, report through /api. */
class UnitReviewRestTest extends ApplicationTestBase {

  static final String CODE = "SK-REST-1";
  static final String UNIT_KEY = CODE + "/VINH";
  static final String REPORT = "/api/campaigns/" + CODE + "/units/VINH/report";

  @BeforeEach
  void users() {
    user("restpv01", "pv01");
    user("restvinh", "unitVINH");
    user("restvinhlead", "unitVINHlead");
  }

  /** The one task the user sees for this instance and step, found as Tasklist finds it. */
  String taskId(String userId, String businessKey, String taskKey) {
    JsonNode tasks = read(as(userId).getForEntity("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskKey, String.class));
    assertThat(tasks).as("%s sees %s of %s", userId, taskKey, businessKey).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  ResponseEntity<String> submit(String userId, String taskId, Object variables) {
    return post(userId, "/engine-rest/task/" + taskId + "/submit-form", variables);
  }

  @Test
  void shouldDriveOneUnitsReviewThroughFormSubmissionsAsTasklistDoes() {
    assertStatus(startCampaign("restpv01", CODE, "VINH"), 200);
    assertStatus(submit("restpv01", taskId("restpv01", CODE, CampaignProcess.Element.ISSUE_GUIDANCE),
        variables(CampaignProcess.Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01", CampaignProcess.Var.GUIDANCE_DATE,
            "2024-06-01")), 204);
    awaitUnitsStarted(CODE);

    String choose = taskId("restvinh", UNIT_KEY, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    ResponseEntity<String> refused = submit("restvinh", choose, variables());
    assertStatus(refused, 400);
    assertThat(read(refused).get("message").asText()).contains("chưa nhập «Hình thức sơ kết»");
    assertStatus(submit("restvinh", choose, variables(UnitReviewProcess.Var.REVIEW_FORMAT,
        UnitReviewProcess.CONFERENCE, UnitReviewProcess.Var.PLANNED_DATE, "2024-06-20")), 204);
    assertStatus(submit("restvinh", taskId("restvinh", UNIT_KEY, UnitReviewProcess.Element.HOLD_UNIT_CONFERENCE),
        variables(
        UnitReviewProcess.Var.CONFERENCE_HELD_ON, "2024-06-20", UnitReviewProcess.Var.CONFERENCE_CHAIR,
            "Chủ tịch UBND thành phố", UnitReviewProcess.Var.PARTICIPANT_COUNT, 85L)), 204);

    String draft = taskId("restvinh", UNIT_KEY, UnitReviewProcess.Element.DRAFT_REPORT);
    ResponseEntity<String> incomplete = submit("restvinh", draft, variables());
    assertStatus(incomplete, 400);
    assertThat(read(incomplete).get("message").asText()).contains("chưa viết mục «Công tác lãnh đạo, chỉ đạo»");

    String tenThousand = "Đơn vị điển hình về an ninh trật tự ở khu dân cư. ".repeat(200);
    assertThat(tenThousand).hasSize(10_000);
    ResponseEntity<String> saved = put("restvinh", REPORT, fullReport(tenThousand));
    assertStatus(saved, 200);
    assertThat(read(saved).get("editable").asBoolean()).isTrue();
    assertThat(read(as("restvinh").getForEntity(REPORT, String.class)).at("/sections/RESULTS").asText())
        .endsWith(tenThousand).hasSize(tenThousand.length() + "Kết quả thực hiện các nhiệm vụ trọng tâm: ".length());

    ResponseEntity<String> attached = upload("restvinh", "../../bao-cao-co-chu-ky.pdf", "%PDF-1.4 ký số".getBytes());
    assertStatus(attached, 200);
    assertThat(read(attached).get("fileName").asText()).isEqualTo("bao-cao-co-chu-ky.pdf");
    assertStatus(upload("restvinh", "virus.exe", new byte[] {1, 2, 3}), 400);
    assertStatus(submit("restvinh", draft, variables()), 204);

    JsonNode forLeader = read(as("restvinhlead").getForEntity(REPORT, String.class));
    assertThat(forLeader.at("/sections/LEADERSHIP").asText()).endsWith(tenThousand);
    assertThat(forLeader.get("editable").asBoolean()).isFalse();
    assertStatus(submit("restvinhlead", taskId("restvinhlead", UNIT_KEY, UnitReviewProcess.Element.APPROVE_UNIT_REPORT),
        variables(UnitReviewProcess.Var.LEADER_DECISION, UnitReviewProcess.APPROVE,
            UnitReviewProcess.Var.LEADER_COMMENT, "")), 204);

    String evaluate = taskId("restpv01", UNIT_KEY, UnitReviewProcess.Element.EVALUATE_REPORT);
    ResponseEntity<String> noRating = submit("restpv01", evaluate,
        variables(UnitReviewProcess.Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT));
    assertStatus(noRating, 400);
    assertThat(read(noRating).get("message").asText()).contains("phải chọn xếp loại");
    assertStatus(submit("restpv01", evaluate, variables(UnitReviewProcess.Var.EVALUATION_DECISION,
        UnitReviewProcess.ACCEPT, UnitReviewProcess.Var.RATING, "EXCELLENT",
        UnitReviewProcess.Var.SELECTED_PRACTICES, "Mô hình \"Camera an ninh khu dân cư\"")), 204);

    String unitInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(UNIT_KEY).singleResult().getId();
    await("the unit's instance to end", Duration.ofSeconds(30), () -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(unitInstance).finished().count() == 1);
    JsonNode accepted = read(as("restvinh").getForEntity(REPORT, String.class));
    assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("statusLabel").asText()).isEqualTo("Báo cáo đã được tiếp nhận");
    assertThat(accepted.get("submittedOnTime").asBoolean()).isTrue();
    // The forms show the sections with the titles the report carries, in the plan's order (no copy in the forms).
    assertThat(accepted.get("sectionTitles").findValuesAsText("title")).hasSize(8)
        .startsWith("Công tác lãnh đạo, chỉ đạo").endsWith("Phương hướng, nhiệm vụ và giải pháp");
    assertThat(accepted.get("sectionTitles").findValuesAsText("key")).startsWith("LEADERSHIP");
    // The report text is business data in the application's tables, never a process variable.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(unitInstance).list())
        .map(HistoricVariableInstance::getValue).noneMatch(v -> v instanceof String s && s.contains(tenThousand));
  }

  @Test
  void shouldRefuseABadCampaignStartWithAClearMessageAndStartNothing() {
    ResponseEntity<String> refused = post("restpv01", "/engine-rest/process-definition/key/reviewCampaign/submit-form",
        variables(CampaignProcess.Var.CAMPAIGN_CODE, "SK-REST-BAD", CampaignProcess.Var.CAMPAIGN_TITLE, "Sơ kết",
            CampaignProcess.Var.REVIEW_PERIOD, "2023–2024",
            CampaignProcess.Var.REPORT_DEADLINE, "2099-07-15", CampaignProcess.Var.CONFERENCE_DEADLINE, "2099-07-01",
                CampaignProcess.Var.PARTICIPATING_UNITS, "VINH, ATLANTIS"));

    assertStatus(refused, 400);
    assertThat(read(refused).get("message").asText())
        .contains("hạn hoàn thành hội nghị (01/07/2099) phải sau hạn chốt tổng hợp (29/07/2099)")
        .contains("không có đơn vị mã ATLANTIS trong danh mục đơn vị");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike("SK-REST-BAD%").count()).isZero();
  }

  ResponseEntity<String> upload(String userId, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(userId).postForEntity(REPORT + "/attachment", new HttpEntity<>(body, headers), String.class);
  }
}
