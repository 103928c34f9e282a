package vn.nghean.review.deadline;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.identity.Role;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;

/**
 * What the campaign's own rungs do ({@code campaign.Ladder} holds their days): who has not submitted at
 * the deadline, and the conference deadline.
 */
@Service
class CampaignRungs {

  static final List<Role> SUMMARY_TO = List.of(Role.STEERING_COMMITTEE);
  static final List<Role> CONFERENCE_REMINDED = List.of(Role.PV01);
  static final List<Role> CONFERENCE_ESCALATED_TO = List.of(Role.STEERING_COMMITTEE, Role.PV01_LEAD);

  private final CampaignService campaigns;
  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final DeadlineRecords records;

  CampaignRungs(CampaignService campaigns, ReportService reports, NotificationService notifications,
      Recipients recipients, DeadlineRecords records) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
    this.records = records;
  }

  /** At the report deadline: the Steering Committee gets the list of units that have not submitted. */
  public void summariseMissingReports(DelegateExecution execution) {
    Campaign campaign = campaign(execution);
    List<String> missing = reports.byCampaign(campaign.getCode()).stream().filter(r -> r.getFirstSubmittedAt() == null)
        .map(UnitReport::getUnitName).toList();
    notifications.send(NotificationTexts.missingReports(campaign.getTitle(), missing, campaign.getCode()),
        recipients.of(SUMMARY_TO, null));
    records.record(execution, campaign.getCode(), null, DeadlineKind.MISSING_REPORTS_SUMMARY, 0, SUMMARY_TO, false,
        missing.size() + " đơn vị chưa gửi");
  }

  public void remindConference(DelegateExecution execution) {
    Campaign campaign = campaign(execution);
    notifications.send(NotificationTexts.conferenceReminder(campaign.getTitle(),
        Date.from(campaign.getConferenceDeadline()), campaign.getCode()), recipients.of(CONFERENCE_REMINDED, null));
    records.record(execution, campaign.getCode(), null, DeadlineKind.CONFERENCE_REMINDER, 1, CONFERENCE_REMINDED,
        false, null);
  }

  public void escalateConference(DelegateExecution execution) {
    Campaign campaign = campaign(execution);
    notifications.send(NotificationTexts.conferenceOverdue(campaign.getTitle(),
        Date.from(campaign.getConferenceDeadline()), campaign.getCode()),
        recipients.of(CONFERENCE_ESCALATED_TO, null));
    records.record(execution, campaign.getCode(), null, DeadlineKind.CONFERENCE_OVERDUE, 2, CONFERENCE_ESCALATED_TO,
        false, null);
  }

  private Campaign campaign(DelegateExecution execution) {
    return campaigns.get(CampaignProcess.code(execution));
  }
}
