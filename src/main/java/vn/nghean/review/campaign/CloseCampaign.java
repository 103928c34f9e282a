package vn.nghean.review.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;

/** {@code Task_CloseCampaign}: marks the campaign closed and tells everyone; its documents stay readable. */
@Component("closeCampaign")
class CloseCampaign implements JavaDelegate {

  private final CampaignService campaigns;
  private final NotificationService notifications;
  private final Recipients recipients;

  CloseCampaign(CampaignService campaigns, NotificationService notifications, Recipients recipients) {
    this.campaigns = campaigns;
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaign campaign = campaigns.get(CampaignProcess.code(execution));
    campaigns.close(campaign.getCode(), VietnamTime.nowInstant());
    List<Recipient> to = recipients.unitsAndGroups(campaigns.participants(campaign.getCode()), Groups.PROVINCE_READERS);
    notifications.send(NotificationTexts.campaignClosed(campaign.getTitle(), campaign.getCode()), to);
  }
}
