package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;

/**
 * Sets a unit's status in its record and shows it in the variables Cockpit displays. The record is
 * the status; the variables are its display copy.
 */
@Component
public class UnitStatusTracker {

  private final ReportService reports;

  public UnitStatusTracker(ReportService reports) {
    this.reports = reports;
  }

  public void set(VariableScope scope, UnitStatus status) {
    if (reports.setStatus(campaign(scope), unit(scope), status)) {
      show(scope, status);
    }
  }

  /**
   * {@code Gateway_Round}: the first round of preparation until the unit has submitted once; every
   * round after a revision request is a revision round. From the record, not from {@code round}.
   */
  public boolean firstRound(VariableScope scope) {
    return reports.get(campaign(scope), unit(scope)).getSubmissionCount() == 0;
  }

  /** Shows a status the record already holds. */
  public static void show(VariableScope scope, UnitStatus status) {
    scope.setVariable(Var.UNIT_STATUS, status.name());
    scope.setVariable(Var.UNIT_STATUS_LABEL, status.label());
  }

  /** The campaign of the unit review, from its business key. */
  public static String campaign(VariableScope scope) {
    return UnitReviewProcess.Key.of(scope).campaignCode();
  }

  /** The unit of the unit review, from its business key. */
  public static String unit(VariableScope scope) {
    return UnitReviewProcess.Key.of(scope).unitCode();
  }
}
