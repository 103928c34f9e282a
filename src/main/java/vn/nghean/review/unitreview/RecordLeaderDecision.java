package vn.nghean.review.unitreview;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportDecision.Stage;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.record.Decisions;

/** Complete listener of {@code ApproveUnitReport}: checks the leader's decision and keeps it on record. */
@Component("recordLeaderDecision")
class RecordLeaderDecision extends Decisions {

  private final ReportService reports;

  RecordLeaderDecision(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    return approveOrReturnProblems(values, Var.LEADER_DECISION, Var.LEADER_COMMENT);
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    reports.recordDecision(new ReportDecision(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task),
        Stage.LEADER_APPROVAL, text(task, Var.LEADER_DECISION), text(task, Var.LEADER_COMMENT), currentUser(task),
        VietnamTime.nowInstant(), null));
  }
}
