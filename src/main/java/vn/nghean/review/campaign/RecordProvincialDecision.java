package vn.nghean.review.campaign;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.record.ReportDecision.Stage;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.record.Decisions;

/** Complete listener of {@code ApproveProvincialReport}: checks and records the decision. */
@Component("recordProvincialDecision")
class RecordProvincialDecision extends Decisions {

  private final ReportService reports;

  RecordProvincialDecision(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    return approveOrReturnProblems(values, Var.PROVINCIAL_DECISION, Var.PROVINCIAL_COMMENT);
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    reports.recordDecision(new ReportDecision(CampaignProcess.code(task), null,
        Stage.PROVINCIAL_APPROVAL, text(task, Var.PROVINCIAL_DECISION), text(task, Var.PROVINCIAL_COMMENT),
        currentUser(task), VietnamTime.nowInstant(), null));
  }
}
