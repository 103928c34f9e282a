package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EscalateConference}: the conference deadline passed before the conference was held. */
@Component("escalateConference")
class EscalateConference implements JavaDelegate {

  private final CampaignRungs ladder;

  EscalateConference(CampaignRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.escalateConference(execution);
  }
}
