package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.report.Rating;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.unitreview.UnitReviewProcess.Var;

/** {@code Task_AcceptReport}: the report is accepted with PV01's rating and selected practices. */
@Component("acceptReport")
public class AcceptReport implements JavaDelegate {

  private final ReportService reports;

  public AcceptReport(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.accept(UnitStatusTracker.campaign(execution), UnitStatusTracker.unit(execution),
        VietnamTime.nowInstant(), Rating.valueOf((String) execution.getVariable(Var.RATING)),
        (String) execution.getVariable(Var.SELECTED_PRACTICES));
    UnitStatusTracker.show(execution, UnitStatus.ACCEPTED);
  }
}
