package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.report.ReportService;

/**
 * {@code Task_CloseAtCutoff}: at the synthesis cut-off the unit is closed; one that never submitted
 * is recorded as not submitted, and the campaign goes on without it.
 */
@Component("closeAtCutoff")
public class CloseAtCutoff implements JavaDelegate {

  private final ReportService reports;

  public CloseAtCutoff(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitStatusTracker.show(execution,
        reports.closeAtCutoff(UnitStatusTracker.campaign(execution), UnitStatusTracker.unit(execution)));
  }
}
