package vn.nghean.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The business key of the process instance that an execution or a task belongs to. */
final class ProcessKeys {

  private ProcessKeys() {}

  static String businessKey(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask task && task.getExecution() != null) {
      return task.getExecution().getProcessBusinessKey();
    }
    throw new IllegalStateException("Neither an execution nor a process task: " + scope);
  }
}
