package vn.nghean.review.campaign;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;

/** {@code Task_NotifyGuidanceIssued}: every participating unit learns of the guidance and the deadline. */
@Component("notifyGuidanceIssued")
class NotifyGuidanceIssued implements JavaDelegate {

  private final CampaignService campaigns;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final TasklistLinks links;

  NotifyGuidanceIssued(CampaignService campaigns, NotificationService notifications, Recipients recipients,
      TasklistLinks links) {
    this.campaigns = campaigns;
    this.notifications = notifications;
    this.recipients = recipients;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaign campaign = campaigns.get(CampaignProcess.code(execution));
    notifications.send(NotificationTexts.guidanceIssued(campaign.getCode(), campaign.getTitle(),
        (String) execution.getVariable(Var.GUIDANCE_NUMBER), Date.from(campaign.getReportDeadline()),
        links.tasklist()), recipients.units(campaigns.participants(campaign.getCode())));
  }
}
