package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;

/** {@code Task_FirstReminder}, {@code Task_SecondReminder}: input {@code reminderNumber} says which. */
@Component("remindUnit")
class RemindUnit implements JavaDelegate {

  private final UnitRungs ladder;

  RemindUnit(UnitRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.remind(execution, ((Number) execution.getVariableLocal(UnitReviewProcess.Var.REMINDER_NUMBER)).intValue());
  }
}
