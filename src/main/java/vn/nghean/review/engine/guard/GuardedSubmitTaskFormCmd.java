package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.variable.VariableMap;

/** {@code submit-form} of a task, judged first, as {@link GuardedCompleteTaskCmd} judges {@code complete}. */
class GuardedSubmitTaskFormCmd extends SubmitTaskFormCmd implements Judged {

  private static final long serialVersionUID = 1L;

  private final transient SubmissionChecks checks;
  private List<String> problems = List.of();

  GuardedSubmitTaskFormCmd(String taskId, Map<String, Object> properties, boolean returnVariables,
      boolean deserializeValues, SubmissionChecks checks) {
    super(taskId, properties, returnVariables, deserializeValues);
    this.checks = checks;
  }

  @Override
  public VariableMap execute(CommandContext commandContext) {
    EnsureUtil.ensureNotNull("taskId", taskId);
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    EnsureUtil.ensureNotNull("Cannot find task with id " + taskId, "task", task);
    for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    problems = checks.ofCompletion(task, properties);
    return problems.isEmpty() ? super.execute(commandContext) : null;
  }

  @Override
  public List<String> problems() {
    return problems;
  }
}
