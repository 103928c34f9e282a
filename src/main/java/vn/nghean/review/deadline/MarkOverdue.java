package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MarkOverdue}: escalation level 1 at the due date. */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

  private final UnitRungs ladder;

  MarkOverdue(UnitRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.markOverdue(execution);
  }
}
