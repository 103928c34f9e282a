package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.unitreview.UnitReviewProcess.Var;

/**
 * Complete listener of {@code DraftReport}: the report goes to the leader only with all eight
 * sections and the key figures. A new draft clears the previous round's decisions, so the leader
 * and PV01 judge it afresh.
 */
@Component("checkReportComplete")
public class CheckReportComplete implements TaskListener {

  private final ReportService reports;

  public CheckReportComplete(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    InvalidInputException.throwIfAny(
        reports.missingParts(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task)));
    for (String decision : new String[] {Var.LEADER_DECISION, Var.LEADER_COMMENT, Var.EVALUATION_DECISION,
        Var.RATING, Var.SELECTED_PRACTICES, Var.REVISION_COMMENT, Var.REVISION_DUE_DATE}) {
      task.removeVariable(decision);
    }
  }
}
