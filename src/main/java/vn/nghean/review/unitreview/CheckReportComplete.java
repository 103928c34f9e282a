package vn.nghean.review.unitreview;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.guard.TaskCheck;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportService;

/**
 * Complete listener of {@code DraftReport}: the report goes to the leader only with all eight
 * sections and the key figures. A new draft clears the previous round's decisions, so the leader
 * and PV01 judge it afresh.
 */
@Component("checkReportComplete")
class CheckReportComplete implements TaskCheck {

  private final ReportService reports;

  CheckReportComplete(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    return reports.missingParts(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task));
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    for (String decision : new String[] {Var.LEADER_DECISION, Var.LEADER_COMMENT, Var.EVALUATION_DECISION,
        Var.RATING, Var.SELECTED_PRACTICES, Var.REVISION_COMMENT, Var.REVISION_DUE_DATE}) {
      task.removeVariable(decision);
    }
  }
}
