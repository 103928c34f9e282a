package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.engine.WithoutAuthorization;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * End listener of the {@code unitReview} process, however it ends (report accepted, closed at the
 * synthesis cut-off, cancelled in Cockpit): the campaign counts the unit, and the last unit to end
 * wakes the campaign waiting at {@code ReceiveTask_UnitReviews}. The count is one atomic update, so
 * units ending at the same moment are all counted and exactly one of them is the last; it is made
 * just before the step commits, so that units ending together hold the campaign's row only for that.
 */
@Component("unitReviewClosed")
class UnitReviewClosed implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(UnitReviewClosed.class);

  private final CampaignService campaigns;
  private final ReportService reports;

  UnitReviewClosed(CampaignService campaigns, ReportService reports) {
    this.campaigns = campaigns;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(execution);
    String campaign = key.campaignCode();
    if (!reports.markEnded(campaign, key.unitCode(), VietnamTime.nowInstant())) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count(campaign, runtime);
      return;
    }
    // The campaign's row is the one all its units count in: taken just before this transaction
    // commits, after the engine has written the unit's end, it is held for the commit alone. A
    // failure here still rolls the whole step back, and the job is tried again.
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        count(campaign, runtime);
      }
    });
  }

  private void count(String campaign, RuntimeService runtime) {
    if (!campaigns.unitClosed(campaign)) {
      return;
    }
    int woken = WithoutAuthorization.call(() -> runtime.createMessageCorrelation(UnitReviewProcess.UNITS_CLOSED_MESSAGE)
        .processInstanceBusinessKey(campaign).correlateAllWithResult().size());
    if (woken == 0) {
      // Only when the campaign itself was cancelled: it no longer waits for its units.
      LOG.info("Every unit of campaign {} has ended; the campaign was not waiting for them", campaign);
    }
  }
}
