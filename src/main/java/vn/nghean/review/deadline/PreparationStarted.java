package vn.nghean.review.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;

/**
 * Start listener of {@code SubProcess_Preparation}: notes in the unit's record when the round began,
 * so that a reminder whose moment had already passed is skipped rather than sent late.
 */
@Component("preparationStarted")
class PreparationStarted implements ExecutionListener {

  private final ReportService reports;

  PreparationStarted(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(execution);
    reports.roundStarted(key.campaignCode(), key.unitCode(), VietnamTime.nowInstant());
  }
}
