package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemindConference}: the conference deadline is near and the conference not yet held. */
@Component("remindConference")
class RemindConference implements JavaDelegate {

  private final CampaignRungs ladder;

  RemindConference(CampaignRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.remindConference(execution);
  }
}
