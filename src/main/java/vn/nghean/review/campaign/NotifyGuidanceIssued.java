package vn.nghean.review.campaign;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.CampaignProcess.Var;

/** {@code Task_NotifyGuidanceIssued}: every participating unit learns of the guidance and the deadline. */
@Component("notifyGuidanceIssued")
public class NotifyGuidanceIssued implements JavaDelegate {

  private final CampaignService campaigns;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final TasklistLinks links;

  public NotifyGuidanceIssued(CampaignService campaigns, NotificationService notifications, Recipients recipients,
      TasklistLinks links) {
    this.campaigns = campaigns;
    this.notifications = notifications;
    this.recipients = recipients;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable(Var.CAMPAIGN_CODE);
    notifications.send(NotificationTexts.guidanceIssued(code, (String) execution.getVariable(Var.CAMPAIGN_TITLE),
        (String) execution.getVariable(Var.GUIDANCE_NUMBER), (Date) execution.getVariable(Var.REPORT_DEADLINE),
        links.tasklist()), recipients.units(campaigns.participants(code)));
  }
}
