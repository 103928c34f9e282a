package vn.nghean.review.unitreview;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.deadline.UnitDeadlines;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;

/**
 * {@code Task_SubmitReport}: records the submission time, on time or late against the campaign's
 * report deadline (its record's, not a variable's), and gives PV01 its evaluation due date.
 */
@Component("submitReport")
class SubmitReport implements JavaDelegate {

  private final ReportService reports;
  private final CampaignService campaigns;
  private final UnitDeadlines deadlines;

  SubmitReport(ReportService reports, CampaignService campaigns, UnitDeadlines deadlines) {
    this.reports = reports;
    this.campaigns = campaigns;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(execution);
    Instant deadline = campaigns.get(key.campaignCode()).getReportDeadline();
    boolean onTime = reports.submit(key.campaignCode(), key.unitCode(), VietnamTime.nowInstant(), deadline);
    UnitStatusTracker.show(execution, reports.get(key.campaignCode(), key.unitCode()).getStatus());
    execution.setVariable(Var.SUBMITTED_ON_TIME, onTime);
    execution.setVariable(Var.EVALUATION_DUE_DATE, deadlines.evaluationDue(execution));
  }
}
