package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.unitreview.UnitReviewProcess.Var;

/** {@code Task_RequestRevision}: the report goes back to the unit, due by PV01's revision date. */
@Component("requestRevision")
public class RequestRevision implements JavaDelegate {

  private final UnitStatusTracker tracker;

  public RequestRevision(UnitStatusTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tracker.set(execution, UnitStatus.UNDER_REVISION);
    execution.setVariable(Var.REPORT_DUE_DATE, execution.getVariable(Var.REVISION_DUE_DATE));
  }
}
