package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.DeadlineLadder;
import vn.nghean.review.identity.InstanceAuthorizations;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/**
 * Start listener of {@code StartEvent_UnitReviewStarted}: opens the unit's record, lets the unit's
 * own officers and leader read this instance, and names the unit for Cockpit.
 */
@Component("unitReviewStarted")
public class UnitReviewStarted implements ExecutionListener {

  private final UnitRegistry units;
  private final ReportService reports;
  private final InstanceAuthorizations authorizations;

  public UnitReviewStarted(UnitRegistry units, ReportService reports, InstanceAuthorizations authorizations) {
    this.units = units;
    this.reports = reports;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Unit unit = units.get(UnitStatusTracker.unit(execution));
    reports.open(UnitStatusTracker.campaign(execution), unit.code(), unit.name(), execution.getProcessInstanceId());
    authorizations.grantToUnit(execution.getProcessInstanceId(), unit);
    execution.setVariable(Var.UNIT_NAME, unit.name());
    execution.setVariable(Var.REPORT_DUE_DATE, execution.getVariable(Var.REPORT_DEADLINE));
    execution.setVariable(Var.ROUND, 1);
    execution.setVariable(DeadlineLadder.OVERDUE, false);
    execution.setVariable(DeadlineLadder.ESCALATION_LEVEL, 0);
    UnitStatusTracker.show(execution, UnitStatus.NOT_STARTED);
  }
}
