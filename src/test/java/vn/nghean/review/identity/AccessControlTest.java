package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.support.ApplicationTestBase;

/** A unit officer works on their own unit only; managers read; nobody gets in without a password. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest extends ApplicationTestBase {

  static final String CODE = "SK-ACL";
  static final String VINH = CODE + "/VINH";
  static final String CUALO = CODE + "/CUALO";
  static final String VINH_REPORT = "/api/campaigns/" + CODE + "/units/VINH/report";

  @Autowired ReportService reports;
  String vinhTask;

  @BeforeAll
  void campaignWithTwoUnits() {
    user("aclvinh", "unitVINH");
    user("aclcualo", "unitCUALO");
    user("aclmanager", "managers");
    user("aclpv01", "pv01");
    assertStatus(startCampaign("aclpv01", CODE, "VINH, CUALO"), 200);
    TaskService tasks = engine.getTaskService();
    issueGuidance(CODE);
    tasks.complete(task(VINH, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(), Map.of("reviewFormat",
        UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    reports.saveDraft(CODE, "VINH", fullReport("Báo cáo của Vinh"), "aclvinh");
    vinhTask = task(VINH, UnitReviewProcess.Element.DRAFT_REPORT).getId();
  }

  @Test
  void shouldNotLetAnOfficerSeeClaimOrCompleteAnotherUnitsTaskThroughTheEngineApi() {
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    identity.setAuthentication("aclcualo", List.of("unitCUALO"));
    try {
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(VINH).count()).isZero();
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(CUALO).count()).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(CODE + "%")
          .listPage(0, 100)).extracting(p -> p.getBusinessKey()).containsExactly(CUALO);
      assertThatThrownBy(() -> tasks.claim(vinhTask, "aclcualo")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.complete(vinhTask)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(task(VINH, UnitReviewProcess.Element.DRAFT_REPORT).getAssignee()).isNull();
  }

  @Test
  void shouldNotLetAnOfficerSeeClaimOrCompleteAnotherUnitsTaskThroughEngineRest() {
    assertThat(names(read(as("aclcualo").getForEntity("/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike="
        + CODE + "%", String.class)),
        "taskDefinitionKey")).containsExactly(UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    // Camunda filters what a user may not read: the other unit's task does not exist for them.
    assertStatus(as("aclcualo").getForEntity("/engine-rest/task/" + vinhTask, String.class), 404);
    assertStatus(post("aclcualo", "/engine-rest/task/" + vinhTask + "/claim", Map.of("userId", "aclcualo")), 403);
    assertStatus(post("aclcualo", "/engine-rest/task/" + vinhTask + "/submit-form", variables()), 403);
    assertThat(names(read(as("aclcualo").getForEntity("/engine-rest/process-instance?maxResults=100&businessKeyLike=" + CODE
        + "%", String.class)), "businessKey")).containsExactly(CUALO);
    assertThat(names(read(as("aclvinh").getForEntity("/engine-rest/process-instance?maxResults=100&businessKeyLike=" + CODE
        + "%", String.class)), "businessKey")).containsExactly(VINH);
  }

  @Test
  void shouldNotLetAnOfficerReadOrWriteAnotherUnitsReportThroughTheApplicationApi() {
    assertStatus(as("aclcualo").getForEntity(VINH_REPORT, String.class), 403);
    assertStatus(put("aclcualo", VINH_REPORT, fullReport("ghi đè")), 403);
    assertStatus(as("aclcualo").getForEntity(VINH_REPORT + "/attachment", String.class), 403);
    assertStatus(as("aclvinh").getForEntity(VINH_REPORT, String.class), 200);
    assertThat(reports.get(CODE, "VINH").section(vn.nghean.review.record.ReportSection.LEADERSHIP))
        .contains("Báo cáo của Vinh");
  }

  @Test
  void shouldLetManagersReadEverythingAndActOnNothing() {
    assertThat(read(as("aclmanager").getForEntity("/engine-rest/process-instance/count?businessKeyLike=" + CODE
        + "%", String.class)).get("count").asInt()).isEqualTo(3);
    assertStatus(as("aclmanager").getForEntity(VINH_REPORT, String.class), 200);
    assertStatus(put("aclmanager", VINH_REPORT, fullReport("sửa")), 403);
    assertStatus(post("aclmanager", "/engine-rest/task/" + vinhTask + "/claim", Map.of("userId", "aclmanager")), 403);
    assertStatus(post("aclmanager", "/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        variables(CampaignProcess.Var.CAMPAIGN_CODE, "SK-MANAGER")), 403);
  }

  @Test
  void shouldRefuseCallersWithoutValidCredentials() {
    user("aclwrongpassword", "unitVINH");
    assertStatus(rest.getForEntity("/engine-rest/task", String.class), 401);
    assertStatus(rest.getForEntity("/api/units", String.class), 401);
    assertStatus(rest.getForEntity(VINH_REPORT, String.class), 401);
    assertStatus(rest.withBasicAuth("aclwrongpassword", "wrong").getForEntity("/api/units", String.class), 401);
    ResponseEntity<String> units = as("aclvinh").getForEntity("/api/units", String.class);
    assertStatus(units, 200);
    assertThat(units.getBody()).contains("UBND huyện Quỳ Châu");
  }
}
