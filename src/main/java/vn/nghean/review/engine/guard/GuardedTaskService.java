package vn.nghean.review.engine.guard;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The task service every caller gets ({@code /engine-rest}, the webapps, the application): a task is
 * completed only with what its form declares, collisions with timers are retried, a person
 * claims a task for themselves only, so that no unit can hand its task to another unit's officer, and
 * a person's comment or attachment goes to the task's own instance, never to one the request names.
 */
class GuardedTaskService extends TaskServiceImpl {

  private final SubmissionChecks checks;
  private final Supplier<Authentication> currentUser;

  GuardedTaskService(SubmissionChecks checks, Supplier<Authentication> currentUser) {
    this.checks = checks;
    this.currentUser = currentUser;
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    Submissions.judged(commandExecutor, "completion of task " + taskId,
        () -> new GuardedCompleteTaskCmd(taskId, variables, false, false, checks));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
      boolean deserializeValues) {
    return Submissions.judged(commandExecutor, "completion of task " + taskId,
        () -> new GuardedCompleteTaskCmd(taskId, variables, true, deserializeValues, checks));
  }

  /** A delegated task is resolved with what its form declares, like a completion. */
  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    if (variables != null && !variables.isEmpty()) {
      Submissions.refuseIfAny("resolution of task " + taskId,
          List.of("một việc được ủy quyền chỉ được trả lại, không kèm dữ liệu"));
    }
    super.resolveTask(taskId);
  }

  @Override
  public void claim(String taskId, String userId) {
    Authentication caller = currentUser();
    if (caller != null && userId != null && !userId.equals(caller.getUserId()) && !Administrators.includes(caller)) {
      throw new AuthorizationException("Chỉ được nhận việc cho chính mình: " + caller.getUserId()
          + " không thể giao việc " + taskId + " cho " + userId);
    }
    super.claim(taskId, userId);
  }

  /**
   * Giving a task back (Tasklist's "unclaim") is part of working on it: whoever may claim the task
   * may release it. Giving it to someone else stays an administrator's right (TASK_ASSIGN).
   */
  @Override
  public void setAssignee(String taskId, String userId) {
    Authentication caller = currentUser();
    if (userId == null && caller != null && !Administrators.includes(caller)) {
      commandExecutor.execute(new ClaimTaskCmd(taskId, null));
      return;
    }
    super.setAssignee(taskId, userId);
  }

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    requireOwnInstance(taskId, processInstanceId, "ý kiến");
    if (processInstanceId == null && taskId != null) {
      // Filed under the task's instance too, so that the instance's history shows it.
      Task task = createTaskQuery().taskId(taskId).singleResult();
      processInstanceId = task == null ? null : task.getProcessInstanceId();
    }
    return super.createComment(taskId, processInstanceId, message);
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
      String attachmentName, String attachmentDescription, String url) {
    requireOwnInstance(taskId, processInstanceId, "tệp đính kèm");
    return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription,
        url);
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
      String attachmentName, String attachmentDescription, InputStream content) {
    requireOwnInstance(taskId, processInstanceId, "tệp đính kèm");
    return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription,
        content);
  }

  /**
   * A person writes into their own work only: on a task, and into that task's instance whatever the
   * request names (the engine would take the instance from the request and check nothing on it).
   */
  private void requireOwnInstance(String taskId, String processInstanceId, String what) {
    Authentication caller = currentUser();
    if (caller == null || Administrators.includes(caller)) {
      return;
    }
    if (taskId == null) {
      Submissions.refuseIfAny("a " + what + " without a task", List.of("chỉ được ghi " + what + " vào một việc của mình"));
    }
    if (processInstanceId != null) {
      Task task = createTaskQuery().taskId(taskId).singleResult();
      if (task == null || !processInstanceId.equals(task.getProcessInstanceId())) {
        Submissions.refuseIfAny("a " + what + " of task " + taskId + " into instance " + processInstanceId,
            List.of(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1)
                + " của một việc chỉ được ghi vào hồ sơ của chính việc đó"));
      }
    }
  }

  private Authentication currentUser() {
    return currentUser.get();
  }
}
