package vn.nghean.review.unitreview;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.UnitDeadlines;
import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.report.ReportService;

/**
 * {@code Task_SubmitReport}: records the submission time, on time or late against the report
 * deadline, and gives PV01 its evaluation due date.
 */
@Component("submitReport")
public class SubmitReport implements JavaDelegate {

  private final ReportService reports;

  public SubmitReport(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = VietnamTime.now();
    Date deadline = (Date) execution.getVariable(Var.REPORT_DEADLINE);
    boolean onTime = reports.submit(UnitStatusTracker.campaign(execution), UnitStatusTracker.unit(execution),
        now.toInstant(), deadline.toInstant());
    UnitStatusTracker.show(execution, reports.get(UnitStatusTracker.campaign(execution),
        UnitStatusTracker.unit(execution)).getStatus());
    execution.setVariable(Var.SUBMITTED_ON_TIME, onTime);
    execution.setVariable(Var.EVALUATION_DUE_DATE, VietnamTime.plusDays(now,
        UnitDeadlines.days(execution, UnitDeadlines.EVALUATION_DAYS, UnitDeadlines.DEFAULT_EVALUATION_DAYS)));
  }
}
