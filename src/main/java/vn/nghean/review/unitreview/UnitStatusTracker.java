package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitStatus;

/** Sets a unit's status in its record and in the variables Cockpit shows. */
@Component
public class UnitStatusTracker {

  private final ReportService reports;

  public UnitStatusTracker(ReportService reports) {
    this.reports = reports;
  }

  public void set(VariableScope scope, UnitStatus status) {
    if (status.name().equals(scope.getVariable(Var.UNIT_STATUS))) {
      return;
    }
    reports.setStatus(campaign(scope), unit(scope), status);
    show(scope, status);
  }

  /** Shows a status the record already holds. */
  public static void show(VariableScope scope, UnitStatus status) {
    scope.setVariable(Var.UNIT_STATUS, status.name());
    scope.setVariable(Var.UNIT_STATUS_LABEL, status.label());
  }

  public static String campaign(VariableScope scope) {
    return (String) scope.getVariable(Var.CAMPAIGN_CODE);
  }

  public static String unit(VariableScope scope) {
    return (String) scope.getVariable(Var.UNIT_CODE);
  }
}
