package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SummariseMissingReports}: at the report deadline, the Steering Committee learns who has not submitted. */
@Component("summariseMissingReports")
class SummariseMissingReports implements JavaDelegate {

  private final CampaignRungs ladder;

  SummariseMissingReports(CampaignRungs ladder) {
    this.ladder = ladder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ladder.summariseMissingReports(execution);
  }
}
