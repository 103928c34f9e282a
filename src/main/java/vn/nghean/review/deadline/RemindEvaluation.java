package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemindEvaluation}: the evaluation is late; the head of PV01 is told. */
@Component("remindEvaluation")
class RemindEvaluation implements JavaDelegate {

  private final UnitRungs ladder;

  RemindEvaluation(UnitRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.remindEvaluation(execution);
  }
}
