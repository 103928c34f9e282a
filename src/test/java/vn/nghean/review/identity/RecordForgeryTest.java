package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.WebappSession;

/**
 * The record cannot be forged (design section 9, docs/security.md): Vinh's officer, Vinh's leader
 * and a PV01 officer each try every way the engine's API offers to write variables, move timers,
 * correlate messages or modify instances, on Vinh's instance and on Cửa Lò's; each is refused, and
 * the record has not moved: Vinh's deadline, its late verdict when it finally submits, Cửa Lò's row,
 * the campaign's count of closed units and the names on PV01's task cards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordForgeryTest extends ApplicationTestBase {

  static final String CODE = "SK-FORGE";
  static final String OFFICER = "fgvinh";
  static final String LEADER = "fgvinhlead";
  static final String PV01 = "fgpv01";
  static final List<String> ATTACKERS = List.of(OFFICER, LEADER, PV01);

  @Autowired CampaignService campaigns;

  ProcessInstance vinh;
  ProcessInstance cuaLo;
  Instant deadline;
  Snapshot before;

  /** What decides the record, and what PV01's task cards show. */
  record Snapshot(Instant reportDeadline, Instant vinhDue, String vinhStatus, int closedUnits, List<Object> cuaLoRow,
      Map<String, Object> vinhCard, Map<String, Object> cuaLoCard) {}

  @BeforeAll
  void campaignWhoseDeadlineHasPassed() {
    user(OFFICER, Groups.unitOfficers("VINH"));
    user(LEADER, Groups.unitLeaders("VINH"));
    user(PV01, Groups.PV01);
    // The deadline passed yesterday: whatever Vinh submits now is late.
    String yesterday = LocalDate.now(VietnamTime.ZONE).minusDays(1).toString();
    assertStatus(post(PV01, "/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        variables(CampaignProcess.Var.CAMPAIGN_CODE, CODE, CampaignProcess.Var.CAMPAIGN_TITLE, "Sơ kết thử giả mạo",
            CampaignProcess.Var.REVIEW_PERIOD, "2023–2024",
            CampaignProcess.Var.REPORT_DEADLINE, yesterday, CampaignProcess.Var.CONFERENCE_DEADLINE,
                LocalDate.now(VietnamTime.ZONE).plusDays(60).toString(),
            CampaignProcess.Var.PARTICIPATING_UNITS, "VINH, CUALO")), 200);
    issueGuidance(CODE);
    vinh = instance("VINH");
    cuaLo = instance("CUALO");
    deadline = campaigns.get(CODE).getReportDeadline();
    // Both are marked overdue by their own timers; the next rung is days away, so nothing moves now.
    await("both units marked overdue", Duration.ofSeconds(60),
        () -> reportService.get(CODE, "VINH").isOverdue() && reportService.get(CODE, "CUALO").isOverdue());
    await("the overdue timers' jobs to end", Duration.ofSeconds(60), () -> engine.getManagementService()
        .createJobQuery().processInstanceId(vinh.getId()).executable().count() == 0);
    before = snapshot();
  }

  ProcessInstance instance(String unit) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(UnitReviewProcess.businessKey(CODE, unit)).singleResult();
  }

  Snapshot snapshot() {
    UnitReport vinhRecord = reportService.get(CODE, "VINH");
    UnitReport cuaLoRecord = reportService.get(CODE, "CUALO");
    return new Snapshot(campaigns.get(CODE).getReportDeadline(), vinhRecord.getDueAt(), vinhRecord.getStatus().name(),
        campaigns.get(CODE).getClosedUnits(), List.of(cuaLoRecord.getStatus(), String.valueOf(cuaLoRecord.getDueAt()),
        cuaLoRecord.getSubmissionCount(), String.valueOf(cuaLoRecord.getFirstSubmittedAt()),
        String.valueOf(cuaLoRecord.getRating()), cuaLoRecord.getEscalationCount()),
        card(vinh), card(cuaLo));
  }

  /** The variables a task card and Cockpit show for the unit. */
  Map<String, Object> card(ProcessInstance unit) {
    Map<String, Object> all = engine.getRuntimeService().getVariables(unit.getId());
    Map<String, Object> card = new LinkedHashMap<>();
    for (String name : List.of("unitName", "unitCode", "campaignCode", "reportDeadline", "reportDueDate",
        "synthesisCutoff", "unitStatus")) {
      card.put(name, all.get(name));
    }
    return card;
  }

  String task(ProcessInstance unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(unit.getId()).singleResult().getId();
  }

  Job timer(ProcessInstance unit, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(unit.getId()).activityId(activityId)
        .singleResult();
  }

  /**
   * One write. A unit may not even read the campaign's definition, so a start of it is 404 for a unit
   * user (it does not exist for them), 403 for PV01: both refuse it and change nothing.
   */
  record Attempt(HttpMethod method, String path, Object body) {
    boolean refused(int status) {
      return status == 403 || (status == 404 && path.contains("/key/" + CampaignProcess.KEY + "/"));
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Attempt attempt(HttpMethod method, String path, Object body) {
    return new Attempt(method, path, body);
  }

  static Map<String, Object> value(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  /** Every path of {@code /engine-rest} that would move what the record is decided from. */
  List<Attempt> writes(ProcessInstance unit) {
    String task = task(unit);
    String pi = unit.getId();
    String execution = engine.getRuntimeService().createExecutionQuery().processInstanceId(pi)
        .activityId(Element.CHOOSE_REVIEW_FORMAT).singleResult().getId();
    String job = timer(unit, Element.ESCALATION).getId();
    String jobDefinition = timer(unit, Element.ESCALATION).getJobDefinitionId();
    Map<String, Object> farDeadline = value("2099-01-01T00:00:00.000+0700", "Date");
    Map<String, Object> otherUnit = value("CUALO", "String");
    Map<String, Object> modifications = Map.of("modifications", Map.of("reportDeadline", farDeadline,
        "unitCode", otherUnit, "submitReport", value("x", "String")), "deletions", List.of("unitName"));
    return List.of(
        attempt(HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/reportDeadline", farDeadline),
        attempt(HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/unitCode", otherUnit),
        attempt(HttpMethod.PUT, "/engine-rest/task/" + task + "/localVariables/reportDeadline", farDeadline),
        attempt(HttpMethod.POST, "/engine-rest/task/" + task + "/variables", modifications),
        attempt(HttpMethod.POST, "/engine-rest/task/" + task + "/localVariables", modifications),
        attempt(HttpMethod.DELETE, "/engine-rest/task/" + task + "/variables/unitName", null),
        attempt(HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/reportDeadline", farDeadline),
        attempt(HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/variables", modifications),
        attempt(HttpMethod.DELETE, "/engine-rest/process-instance/" + pi + "/variables/unitName", null),
        attempt(HttpMethod.PUT, "/engine-rest/execution/" + execution + "/localVariables/unitCode", otherUnit),
        attempt(HttpMethod.POST, "/engine-rest/execution/" + execution + "/localVariables", modifications),
        attempt(HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", Element.SUBMIT_REPORT)))),
        attempt(HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "ExplanationRequested",
            "processInstanceId", pi, "processVariables", Map.of("reportDeadline", farDeadline))),
        attempt(HttpMethod.POST, "/engine-rest/message", Map.of("messageName", UnitReviewProcess.UNITS_CLOSED_MESSAGE,
            "businessKey", CODE)),
        attempt(HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything", "variables",
            Map.of("reportDeadline", farDeadline))),
        attempt(HttpMethod.PUT, "/engine-rest/job/" + job + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0700")),
        attempt(HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null),
        attempt(HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)),
        attempt(HttpMethod.PUT, "/engine-rest/job/" + job + "/suspended", Map.of("suspended", true)),
        attempt(HttpMethod.PUT, "/engine-rest/job-definition/" + jobDefinition + "/suspended", Map.of("suspended", true)),
        attempt(HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended", Map.of("suspended", true)),
        attempt(HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null),
        attempt(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "cualoofficer")),
        attempt(HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "cualoofficer")),
        attempt(HttpMethod.PUT, "/engine-rest/task/" + task, Map.of("name", "Việc của Cửa Lò", "due",
            "2099-01-01T00:00:00.000+0700")),
        attempt(HttpMethod.POST, "/engine-rest/process-definition/key/" + UnitReviewProcess.KEY + "/start",
            Map.of("businessKey", CODE + "/HOANGMAI", "variables", Map.of("unitCode", value("HOANGMAI", "String")))),
        attempt(HttpMethod.POST, "/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/start",
            Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                CampaignProcess.Element.PREPARE_CONFERENCE)))));
  }

  ResponseEntity<String> send(String user, Attempt attempt) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(attempt.path(), attempt.method(), new HttpEntity<>(attempt.body(), headers), String.class);
  }

  @Test
  @Order(1)
  void shouldRefuseEveryWriteOfTheEngineApiToEachUserOnVinhsAndCuaLosInstancesAndMoveNothing() {
    List<String> wrong = new ArrayList<>();
    for (ProcessInstance unit : List.of(vinh, cuaLo)) {
      for (Attempt attempt : writes(unit)) {
        for (String user : ATTACKERS) {
          ResponseEntity<String> response = send(user, attempt);
          if (!attempt.refused(response.getStatusCode().value())) {
            wrong.add(user + " " + attempt + ": " + response.getStatusCode().value() + " " + response.getBody());
          }
        }
      }
    }
    assertThat(wrong).as("attempts not refused").isEmpty();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(timer(vinh, Element.ESCALATION).getDuedate()).isEqualTo(java.util.Date.from(deadline.plus(
        Duration.ofDays(3))));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CODE + "/HOANGMAI")
        .count()).isZero();
  }

  @Test
  @Order(2)
  void shouldRefuseTheSameWritesThroughTheWebappsOwnApi() {
    WebappSession officer = new WebappSession(port, OFFICER, PASSWORD);
    List<String> wrong = new ArrayList<>();
    for (Attempt attempt : writes(vinh)) {
      String path = attempt.path().replace("/engine-rest/", "/camunda/api/engine/engine/default/");
      HttpResponse<String> response = officer.send(attempt.method().name(), path, json(attempt.body()));
      if (!attempt.refused(response.statusCode())) {
        wrong.add(attempt + ": " + response.statusCode() + " " + response.body());
      }
    }
    assertThat(wrong).as("attempts not refused").isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void shouldRefuseACompletionCarryingAVariableTheFormDoesNotDeclareOnEveryPathAndLeaveTheTaskOpen() {
    String task = task(vinh);
    Map<String, Object> forged = variables(UnitReviewProcess.Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN,
        UnitReviewProcess.Var.PLANNED_DATE, "2024-06-20",
        UnitReviewProcess.Var.REPORT_DEADLINE, "2099-01-01");
    for (String path : List.of("/engine-rest/task/" + task + "/complete", "/engine-rest/task/" + task + "/submit-form")) {
      ResponseEntity<String> refused = post(OFFICER, path, forged);
      assertStatus(refused, 400);
      assertThat(read(refused).path("message").asText()).contains("biểu mẫu không có trường «reportDeadline»");
      assertStatus(post(PV01, path, forged), 403);
      assertStatus(post(LEADER, path, forged), 403);
    }
    WebappSession officer = new WebappSession(port, OFFICER, PASSWORD);
    HttpResponse<String> webapp = officer.send("POST", "/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", json(forged));
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
    assertThat(webapp.body()).contains("biểu mẫu không có trường «reportDeadline»");
    // A declared field of the wrong kind: the format is a choice, not a number.
    assertStatus(post(OFFICER, "/engine-rest/task/" + task + "/complete",
        variables(UnitReviewProcess.Var.REVIEW_FORMAT, 1L,
        UnitReviewProcess.Var.PLANNED_DATE, "2024-06-20")), 400);

    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(vinh.getId())).doesNotContainKeys("reviewFormat", "plannedDate");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void shouldRefuseTheSameWritesThroughTheEngineItselfToAUserAndKeepTheRecord() {
    String task = task(vinh);
    engine.getIdentityService().setAuthentication(OFFICER, List.of(Groups.unitOfficers("VINH")));
    try {
      assertThatThrownBy(() -> engine.getTaskService().setVariable(task, "reportDeadline", "2099-01-01"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getTaskService().setVariableLocal(task, "unitCode", "CUALO"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getRuntimeService().setVariable(vinh.getId(), "unitCode", "CUALO"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(UnitReviewProcess.UNITS_CLOSED_MESSAGE)
          .processInstanceBusinessKey(CODE).correlateAll()).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getManagementService().setJobDuedate(timer(vinh, Element.ESCALATION).getId(),
          java.util.Date.from(Instant.parse("2099-01-01T00:00:00Z")))).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getTaskService().claim(task, "cualoofficer"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getRuntimeService().suspendProcessInstanceById(vinh.getId()))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void shouldRecordVinhsReportLateWhenItFinallySubmitsAfterEveryAttempt() {
    assertStatus(post(OFFICER, "/engine-rest/task/" + task(vinh) + "/claim", Map.of("userId", OFFICER)), 204);
    assertStatus(post(OFFICER, "/engine-rest/task/" + task(vinh) + "/unclaim", null), 204);
    assertStatus(post(OFFICER, "/engine-rest/task/" + task(vinh) + "/submit-form",
        variables(UnitReviewProcess.Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN, UnitReviewProcess.Var.PLANNED_DATE,
            LocalDate.now(VietnamTime.ZONE).toString())), 204);
    assertStatus(put(OFFICER, "/api/campaigns/" + CODE + "/units/VINH/report", fullReport("Vinh")), 200);
    assertStatus(post(OFFICER, "/engine-rest/task/" + task(vinh) + "/complete", variables()), 204);

    // The leader, on their own task, may decide and nothing else.
    String approval = task(vinh);
    for (Attempt attempt : List.of(
        attempt(HttpMethod.PUT, "/engine-rest/task/" + approval + "/variables/reportDeadline",
            value("2099-01-01T00:00:00.000+0700", "Date")),
        attempt(HttpMethod.POST, "/engine-rest/task/" + approval + "/localVariables", Map.of("modifications",
            Map.of("submittedOnTime", value(true, "Boolean")))))) {
      assertStatus(send(LEADER, attempt), 403);
    }
    assertStatus(post(LEADER, "/engine-rest/task/" + approval + "/submit-form",
        variables(UnitReviewProcess.Var.LEADER_DECISION, UnitReviewProcess.APPROVE,
        UnitReviewProcess.Var.REPORT_DEADLINE, "2099-01-01")), 400);
    assertStatus(post(LEADER, "/engine-rest/task/" + approval + "/submit-form",
        variables(UnitReviewProcess.Var.LEADER_DECISION,
        UnitReviewProcess.APPROVE)), 204);

    UnitReport record = reportService.get(CODE, "VINH");
    assertThat(record.getSubmittedOnTime()).isFalse();
    assertThat(record.getStatus()).isEqualTo(UnitStatus.SUBMITTED_LATE);
    assertThat(record.getFirstSubmittedAt()).isAfter(deadline);
    assertThat(campaigns.get(CODE).getReportDeadline()).isEqualTo(before.reportDeadline());
    assertThat(card(cuaLo)).isEqualTo(before.cuaLoCard());

    // PV01 evaluates: its form's values and nothing more.
    String evaluation = task(vinh);
    assertStatus(send(PV01, attempt(HttpMethod.PUT, "/engine-rest/task/" + evaluation + "/variables/rating",
        value("EXCELLENT", "String"))), 403);
    assertStatus(post(PV01, "/engine-rest/task/" + evaluation + "/submit-form",
        variables(UnitReviewProcess.Var.EVALUATION_DECISION,
        UnitReviewProcess.ACCEPT, UnitReviewProcess.Var.RATING, "GOOD", UnitReviewProcess.Var.UNIT_CODE, "CUALO")),
            400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(evaluation).count()).isEqualTo(1);
    assertThat(reportService.get(CODE, "CUALO").getStatus()).isEqualTo(before.cuaLoRow().get(0));
    assertThat(campaigns.get(CODE).getClosedUnits()).isZero();
  }

  String json(Object body) {
    try {
      return body == null ? null : json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
