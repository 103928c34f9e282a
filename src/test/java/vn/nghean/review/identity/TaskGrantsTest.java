package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * PV01 reads every task and its history through its grant on every process, so the grant Camunda
 * writes for each of PV01's tasks carries only the right to work on it, and no per-task history grant
 * is written; the province's groups still read every task, its comments, people, variables and
 * history; a unit's grants on its own task are unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskGrantsTest extends ApplicationTestBase {

  static final String CODE = "SK-GRANTS";

  @Autowired IdentitySetup identitySetup;

  @BeforeAll
  void oneUnitAwaitingEvaluationAndOneNot() {
    user("grantpv01", Groups.PV01);
    user("grantvinh", "unitVINH");
    assertStatus(startCampaign("grantpv01", CODE, "VINH, CUALO"), 200);
    issueGuidance(CODE);
    submitReport(CODE, "VINH");
    Task choose = task(CODE + "/CUALO", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    engine.getTaskService().createComment(choose.getId(), choose.getProcessInstanceId(), "Cửa Lò: đã nhận hướng dẫn");
  }

  @Test
  void shouldGivePv01OnlyTheRightToWorkOnEachTaskAndStillLetItReadAndCompleteIt() {
    Task evaluate = task(CODE + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT);
    Authorization perTask = grant(Groups.PV01, evaluate.getId());
    assertThat(perTask.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(grant(Groups.PV01, Resources.HISTORIC_TASK, evaluate.getId())).isNull();
    assertThat(grant(Groups.PV01, Resources.TASK, Authorization.ANY)).isNull();

    engine.getIdentityService().setAuthentication("grantpv01", List.of(Groups.PV01));
    try {
      assertThat(engine.getTaskService().createTaskQuery().taskId(evaluate.getId()).count()).isEqualTo(1);
      String awaiting = engine.getFilterService().createTaskFilterQuery().filterName(TaskFilters.AWAITING_EVALUATION)
          .singleResult().getId();
      assertThat(engine.getFilterService().<Task>listPage(awaiting, 0, 100)).extracting(Task::getId).contains(evaluate.getId());
      engine.getTaskService().complete(evaluate.getId(), Map.of("evaluationDecision", UnitReviewProcess.ACCEPT,
          "rating", "GOOD",
          "selectedPractices", "Mô hình tự quản"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(task(CODE + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT)).isNull();
  }

  @Test
  void shouldKeepAUnitsGrantOnItsOwnTaskWhole() {
    Task choose = task(CODE + "/CUALO", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    Authorization perTask = grant("unitCUALO", choose.getId());
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(perTask.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(grant("unitCUALO", Resources.HISTORIC_TASK, choose.getId()).isPermissionGranted(
        HistoricTaskPermissions.READ)).isTrue();
  }

  /** What Tasklist and Cockpit ask of a task, asked by each province group of a unit's task. */
  @Test
  void shouldLetEveryProvinceGroupReadATaskItsCommentsPeopleVariablesAndHistoryWithoutAGrantOnEveryTask() {
    Task choose = task(CODE + "/CUALO", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);
    String path = "/engine-rest/task/" + choose.getId();
    for (String group : List.of(Groups.PV01, Groups.PV01_LEAD, Groups.STEERING_COMMITTEE, Groups.MANAGERS)) {
      String reader = "grantread" + group.toLowerCase(java.util.Locale.ROOT);
      user(reader, group);
      for (String read : List.of(path, path + "/comment", path + "/identity-links", path + "/variables",
          path + "/form-variables", "/engine-rest/history/task?maxResults=10&taskId=" + choose.getId(),
          "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + CODE + "/CUALO")) {
        var response = as(reader).getForEntity(read, String.class);
        assertThat(response.getStatusCode().value()).as(group + " reads " + read).isEqualTo(200);
        assertThat(response.getBody()).as(group + " reads " + read).isNotIn("[]", "{}");
      }
      assertThat(as(reader).getForEntity(path + "/comment", String.class).getBody()).contains("Cửa Lò");
    }
    // Another unit's officer does not even learn that the task exists.
    assertStatus(as("grantvinh").getForEntity(path, String.class), 404);
  }

  @Test
  void shouldTakeTheRepeatedReadAndTheUpdateOutOfGrantsWrittenBeforeAtStartUp() {
    Authorization old = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(Groups.PV01);
    old.setResource(Resources.TASK);
    old.setResourceId("task-of-an-earlier-version");
    old.addPermission(Permissions.READ);
    old.addPermission(Permissions.UPDATE);
    engine.getAuthorizationService().saveAuthorization(old);
    Authorization oldHistory = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    oldHistory.setGroupId(Groups.PV01);
    oldHistory.setResource(Resources.HISTORIC_TASK);
    oldHistory.setResourceId("task-of-an-earlier-version");
    oldHistory.addPermission(HistoricTaskPermissions.READ);
    engine.getAuthorizationService().saveAuthorization(oldHistory);
    for (String group : List.of(Groups.PV01, Groups.MANAGERS)) {
      Authorization everyTask = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      everyTask.setGroupId(group);
      everyTask.setResource(Resources.TASK);
      everyTask.setResourceId(Authorization.ANY);
      everyTask.addPermission(Permissions.READ);
      engine.getAuthorizationService().saveAuthorization(everyTask);
    }
    Task unitsTask = task(CODE + "/CUALO", UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT);

    identitySetup.setUp();

    Authorization trimmed = grant(Groups.PV01, "task-of-an-earlier-version");
    assertThat(trimmed.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(trimmed.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(trimmed.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(grant(Groups.PV01, Resources.HISTORIC_TASK, "task-of-an-earlier-version")).isNull();
    assertThat(grant(Groups.PV01, Resources.TASK, Authorization.ANY)).isNull();
    assertThat(grant(Groups.MANAGERS, Resources.TASK, Authorization.ANY)).isNull();
    assertThat(grant("unitCUALO", Resources.HISTORIC_TASK, unitsTask.getId())).isNotNull();
  }

  /** Two nodes of an upgraded cluster starting together both find the old grants: neither trim fails. */
  @Test
  void shouldLetTwoStartsTrimTheSameOldGrantsAtOnce() throws Exception {
    for (int i = 0; i < 300; i++) {
      Authorization oldHistory = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      oldHistory.setGroupId(Groups.PV01);
      oldHistory.setResource(Resources.HISTORIC_TASK);
      oldHistory.setResourceId("old-task-" + i);
      oldHistory.addPermission(HistoricTaskPermissions.READ);
      engine.getAuthorizationService().saveAuthorization(oldHistory);
    }
    Authorization everyTask = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setGroupId(Groups.PV01);
    everyTask.setResource(Resources.TASK);
    everyTask.setResourceId(Authorization.ANY);
    everyTask.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(everyTask);

    var starts = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = starts.submit(identitySetup::trimRepeatedTaskGrants);
      var second = starts.submit(identitySetup::trimRepeatedTaskGrants);
      first.get(2, java.util.concurrent.TimeUnit.MINUTES);
      second.get(2, java.util.concurrent.TimeUnit.MINUTES);
    } finally {
      starts.shutdownNow();
    }

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Groups.PV01)
        .resourceType(Resources.HISTORIC_TASK).count()).isZero();
    assertThat(grant(Groups.PV01, Resources.TASK, Authorization.ANY)).isNull();
  }

  Authorization grant(String group, String taskId) {
    return grant(group, Resources.TASK, taskId);
  }

  Authorization grant(String group, Resource resource, String resourceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }
}
