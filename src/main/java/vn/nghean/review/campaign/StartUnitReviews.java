package vn.nghean.review.campaign;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.shared.PlannerStatistics;

/**
 * {@code Task_StartUnitReviews}, one job per batch: starts the {@code unitReview} instance of each unit
 * of the batch, with business key {@code <campaign>/<unit>} and the campaign's deadlines. A batch that
 * fails rolls back whole and is retried whole: no unit is started twice. Once the first batch has
 * committed, and each batch that doubles the units started, the tables they filled are analysed
 * ({@link PlannerStatistics}): the later batches' look-ups then use the tables' keys instead of reading
 * them whole.
 */
@Component("startUnitReviews")
class StartUnitReviews implements JavaDelegate {

  private final CampaignParticipants participants;
  private final CampaignService campaigns;
  private final PlannerStatistics statistics;

  StartUnitReviews(CampaignParticipants participants, CampaignService campaigns, PlannerStatistics statistics) {
    this.participants = participants;
    this.campaigns = campaigns;
    this.statistics = statistics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaign record = campaigns.get(CampaignProcess.code(execution));
    String campaign = record.getCode();
    int batch = (Integer) execution.getVariable(Var.UNIT_BATCH);
    // Display copies for Cockpit: each unit's timers read the campaign's record, not these.
    Map<String, Object> common = new HashMap<>();
    common.put(UnitReviewProcess.Var.CAMPAIGN_CODE, campaign);
    common.put(UnitReviewProcess.Var.REPORT_DEADLINE, Date.from(record.getReportDeadline()));
    common.put(UnitReviewProcess.Var.SYNTHESIS_CUTOFF, Date.from(record.getSynthesisCutoff()));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String unit : participants.batch(campaign, batch)) {
      Map<String, Object> variables = new HashMap<>(common);
      variables.put(UnitReviewProcess.Var.UNIT_CODE, unit);
      runtime.createProcessInstanceByKey(UnitReviewProcess.KEY).businessKey(UnitReviewProcess.businessKey(campaign, unit))
          .setVariables(variables).execute();
    }
    if (PlannerStatistics.dueAfterBatch(batch)) {
      statistics.refreshAfterCommit();
    }
  }
}
