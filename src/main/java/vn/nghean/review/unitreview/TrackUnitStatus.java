package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;

/**
 * Create listener of the unit's own tasks ({@code ChooseReviewFormat}, {@code HoldUnitConference},
 * {@code DraftReport}, {@code ApproveUnitReport}): the status follows the work in hand.
 */
@Component("trackUnitStatus")
class TrackUnitStatus implements TaskListener {

  private final UnitStatusTracker tracker;
  private final ReportService reports;

  TrackUnitStatus(UnitStatusTracker tracker, ReportService reports) {
    this.tracker = tracker;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    UnitStatus status = switch (task.getTaskDefinitionKey()) {
      case Element.CHOOSE_REVIEW_FORMAT -> UnitStatus.NOT_STARTED;
      case Element.APPROVE_UNIT_REPORT -> UnitStatus.AWAITING_APPROVAL;
      // A report sent back by PV01 stays "under revision" until it is submitted again.
      case Element.DRAFT_REPORT -> reports.get(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task))
          .getStatus() == UnitStatus.UNDER_REVISION ? UnitStatus.UNDER_REVISION : UnitStatus.DRAFTING;
      default -> UnitStatus.DRAFTING;
    };
    tracker.set(task, status);
  }
}
