package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.shared.VietnamTime;

/** {@code Task_RecordExplanation}: the leader's reason and committed date go into the unit's record. */
@Component("recordExplanation")
public class RecordExplanation implements JavaDelegate {

  private final ReportService reports;
  private final DeadlineRecords records;

  public RecordExplanation(ReportService reports, DeadlineRecords records) {
    this.reports = reports;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaign = UnitStatusTracker.campaign(execution);
    String unit = UnitStatusTracker.unit(execution);
    String reason = (String) execution.getVariable("explanationReason");
    var committed = VietnamTime.parse(execution.getVariable("explanationCommittedDate")).orElseThrow();
    reports.recordExplanation(campaign, unit, reason, committed.toInstant(), VietnamTime.nowInstant());
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    records.recordAct(execution, campaign, unit, DeadlineKind.EXPLANATION_GIVEN, user == null ? null : user.getUserId(),
        committed.toInstant(), reason);
  }
}
