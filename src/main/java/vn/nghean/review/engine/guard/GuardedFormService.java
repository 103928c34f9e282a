package vn.nghean.review.engine.guard;

import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Form submissions, judged as {@link GuardedTaskService} judges completions, and start forms by
 * {@link StartGuard}: a refusal is the form's 400 ({@link vn.nghean.review.engine.InvalidInputException}).
 */
class GuardedFormService extends FormServiceImpl {

  private final SubmissionChecks checks;
  private final StartGuard starts;

  GuardedFormService(SubmissionChecks checks, StartGuard starts) {
    this.checks = checks;
    this.starts = starts;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    Submissions.judged(commandExecutor, "form of task " + taskId,
        () -> new GuardedSubmitTaskFormCmd(taskId, properties, false, false, checks));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return Submissions.judged(commandExecutor, "form of task " + taskId,
        () -> new GuardedSubmitTaskFormCmd(taskId, properties, true, deserializeValues, checks));
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
    Submissions.refuseIfAny("start form of " + processDefinitionId,
        starts.problems(commandExecutor, processDefinitionId, null, properties));
    return starts.recordedThenStarted(commandExecutor, processDefinitionId, null, properties,
        key -> key == null ? super.submitStartForm(processDefinitionId, properties)
            : super.submitStartForm(processDefinitionId, key, properties));
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
      Map<String, Object> properties) {
    Submissions.refuseIfAny("start form of " + processDefinitionId,
        starts.problems(commandExecutor, processDefinitionId, null, properties));
    // A process whose record gives its business key (a campaign's code) takes that one, not the caller's.
    return starts.recordedThenStarted(commandExecutor, processDefinitionId, null, properties,
        key -> super.submitStartForm(processDefinitionId, key == null ? businessKey : key, properties));
  }
}
