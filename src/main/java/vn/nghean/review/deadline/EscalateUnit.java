package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_Escalate}: escalation level 2, repeated while the unit has not submitted. */
@Component("escalateUnit")
class EscalateUnit implements JavaDelegate {

  private final UnitRungs ladder;

  EscalateUnit(UnitRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.escalate(execution);
  }
}
