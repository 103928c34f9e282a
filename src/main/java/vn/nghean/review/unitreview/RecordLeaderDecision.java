package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.report.ReportDecision;
import vn.nghean.review.report.ReportDecision.Stage;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.unitreview.UnitReviewProcess.Var;

/** Complete listener of {@code ApproveUnitReport}: checks the leader's decision and keeps it on record. */
@Component("recordLeaderDecision")
public class RecordLeaderDecision extends Decisions {

  private final ReportService reports;

  public RecordLeaderDecision(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = requireApproveOrReturn(task, Var.LEADER_DECISION, Var.LEADER_COMMENT);
    reports.recordDecision(new ReportDecision(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task),
        Stage.LEADER_APPROVAL, decision, text(task, Var.LEADER_COMMENT), currentUser(task),
        VietnamTime.nowInstant(), null));
  }
}
