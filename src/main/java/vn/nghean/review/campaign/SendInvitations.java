package vn.nghean.review.campaign;

import java.util.Date;
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
import vn.nghean.review.process.CampaignProcess.Var;

/** {@code Task_SendInvitations}: the conference invitation goes to every unit and the Steering Committee. */
@Component("sendInvitations")
class SendInvitations implements JavaDelegate {

  private final CampaignService campaigns;
  private final NotificationService notifications;
  private final Recipients recipients;

  SendInvitations(CampaignService campaigns, NotificationService notifications, Recipients recipients) {
    this.campaigns = campaigns;
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaign campaign = campaigns.get(CampaignProcess.code(execution));
    String code = campaign.getCode();
    List<Recipient> to = recipients.unitsAndGroups(campaigns.participants(code),
        List.of(Groups.STEERING_COMMITTEE, Groups.PV01_LEAD));
    notifications.send(NotificationTexts.invitation(campaign.getTitle(),
        (Date) execution.getVariable(Var.CONFERENCE_DATE), (String) execution.getVariable(Var.CONFERENCE_VENUE),
        (String) execution.getVariable(Var.CONFERENCE_AGENDA), code), to);
  }
}
