package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.engine.EngineUsers;
import vn.nghean.review.process.UnitReviewProcess;

/** {@code Task_RecordExplanation}: the leader's reason and committed date go into the unit's record. */
@Component("recordExplanation")
class RecordExplanation implements JavaDelegate {

  private final ReportService reports;
  private final DeadlineRecords records;

  RecordExplanation(ReportService reports, DeadlineRecords records) {
    this.reports = reports;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaign = UnitStatusTracker.campaign(execution);
    String unit = UnitStatusTracker.unit(execution);
    String reason = (String) execution.getVariable(UnitReviewProcess.Var.EXPLANATION_REASON);
    var committed = VietnamTime.parse(execution.getVariable(UnitReviewProcess.Var.EXPLANATION_COMMITTED_DATE)).orElseThrow();
    reports.recordExplanation(campaign, unit, reason, committed.toInstant(), VietnamTime.nowInstant());
    records.recordAct(execution, campaign, unit, DeadlineKind.EXPLANATION_GIVEN,
        EngineUsers.currentUserId(execution.getProcessEngineServices().getIdentityService()),
        committed.toInstant(), reason);
  }
}
