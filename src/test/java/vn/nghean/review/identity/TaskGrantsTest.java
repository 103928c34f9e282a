package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * PV01 reads every task through its global grant, so the grant Camunda writes for each of PV01's
 * tasks carries only the right to work on it; a unit's grant on its own task is unchanged.
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
  }

  @Test
  void shouldGivePv01OnlyTheRightToWorkOnEachTaskAndStillLetItReadAndCompleteIt() {
    Task evaluate = task(CODE + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT);
    Authorization perTask = grant(Groups.PV01, evaluate.getId());
    assertThat(perTask.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isFalse();

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

    identitySetup.setUp();

    Authorization trimmed = grant(Groups.PV01, "task-of-an-earlier-version");
    assertThat(trimmed.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(trimmed.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(trimmed.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(grant(Groups.PV01, Authorization.ANY).isPermissionGranted(Permissions.READ)).isTrue();
  }

  Authorization grant(String group, String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
        .resourceType(Resources.TASK).resourceId(taskId).singleResult();
  }
}
