package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * Who may act on a unit review's tasks (the candidate groups of {@code unit-review.bpmn}): the unit's
 * officers or leaders, the unit read from the business key the application started the review with
 * (design section 9). A process variable cannot move a task to another unit: nobody but the engine
 * sets the business key.
 */
@Component("unitTaskGroups")
public class UnitTaskGroups {

  /** {@code ChooseReviewFormat}, {@code HoldUnitConference}, {@code DraftReport}. */
  public String officers(DelegateExecution execution) {
    return Groups.unitOfficers(UnitReviewProcess.Key.of(execution).unitCode());
  }

  /** {@code ApproveUnitReport}, {@code ProvideExplanation}. */
  public String leaders(DelegateExecution execution) {
    return Groups.unitLeaders(UnitReviewProcess.Key.of(execution).unitCode());
  }
}
