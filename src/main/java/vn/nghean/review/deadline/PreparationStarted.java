package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code SubProcess_Preparation}: notes when the round began, so that a reminder
 * whose moment had already passed is skipped rather than sent late.
 */
@Component("preparationStarted")
public class PreparationStarted implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(DeadlineLadder.ROUND_STARTED_AT, VietnamTime.now());
  }
}
