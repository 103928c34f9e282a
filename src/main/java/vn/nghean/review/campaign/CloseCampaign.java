package vn.nghean.review.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignProcess.Var;
import vn.nghean.review.deadline.VietnamTime;

/** {@code Task_CloseCampaign}: marks the campaign closed; its documents stay readable. */
@Component("closeCampaign")
public class CloseCampaign implements JavaDelegate {

  private final CampaignService campaigns;

  public CloseCampaign(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.close((String) execution.getVariable(Var.CAMPAIGN_CODE), VietnamTime.nowInstant());
  }
}
