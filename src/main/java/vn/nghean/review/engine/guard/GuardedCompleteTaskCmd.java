package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * {@code complete}, judged first: a refused submission returns without touching anything, so the
 * caller can answer 400 outside the command (and the engine does not log a user's mistake as an
 * error), and an accepted one completes in the same transaction.
 */
class GuardedCompleteTaskCmd extends CompleteTaskCmd implements Judged {

  private static final long serialVersionUID = 1L;

  private final transient SubmissionChecks checks;
  private List<String> problems = List.of();

  GuardedCompleteTaskCmd(String taskId, Map<String, Object> variables, boolean returnVariables,
      boolean deserializeReturnedVariables, SubmissionChecks checks) {
    super(taskId, variables, returnVariables, deserializeReturnedVariables);
    this.checks = checks;
  }

  @Override
  public VariableMap execute(CommandContext commandContext) {
    EnsureUtil.ensureNotNull("taskId", taskId);
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    EnsureUtil.ensureNotNull("Cannot find task with id " + taskId, "task", task);
    // Who may not work on the task learns nothing of its rules.
    for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    problems = checks.ofCompletion(task, variables);
    return problems.isEmpty() ? super.execute(commandContext) : null;
  }

  @Override
  public List<String> problems() {
    return problems;
  }
}
