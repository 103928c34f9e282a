package vn.nghean.review.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignProcess.Var;

/**
 * Start listener of {@code StartEvent_CampaignRequested}: validates the start form, records the
 * campaign and makes its code the business key. Bad input rolls the start back whole.
 */
@Component("campaignStarted")
public class CampaignStarted implements ExecutionListener {

  private final CampaignService campaigns;

  public CampaignStarted(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    CampaignPlan plan = campaigns.register(execution.getVariables(), execution.getProcessInstanceId(),
        user == null ? null : user.getUserId());
    execution.setProcessBusinessKey(plan.code());
    execution.setVariable(Var.CAMPAIGN_CODE, plan.code());
    execution.setVariable(Var.CAMPAIGN_TITLE, plan.title());
    execution.setVariable(Var.REVIEW_PERIOD, plan.period());
    execution.setVariable(Var.REPORT_DEADLINE, plan.reportDeadline());
    execution.setVariable(Var.SYNTHESIS_CUTOFF, plan.synthesisCutoff());
    execution.setVariable(Var.CONFERENCE_DEADLINE, plan.conferenceDeadline());
    execution.setVariable(Var.PARTICIPATING_UNITS, String.join(", ", plan.unitCodes()));
    execution.setVariable(Var.UNIT_COUNT, plan.unitCodes().size());
    plan.ladderDays().forEach(execution::setVariable);
  }
}
