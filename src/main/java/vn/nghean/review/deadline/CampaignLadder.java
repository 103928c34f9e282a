package vn.nghean.review.deadline;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitReport;

/** The campaign's own rungs: who has not submitted at the deadline, and the conference deadline. */
@Service
public class CampaignLadder {

  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final DeadlineRecords records;

  public CampaignLadder(ReportService reports, NotificationService notifications, Recipients recipients,
      DeadlineRecords records) {
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
    this.records = records;
  }

  /** At the report deadline: the Steering Committee gets the list of units that have not submitted. */
  public void summariseMissingReports(DelegateExecution execution) {
    String campaign = (String) execution.getVariable("campaignCode");
    List<String> missing = reports.byCampaign(campaign).stream().filter(r -> r.getFirstSubmittedAt() == null)
        .map(UnitReport::getUnitName).toList();
    List<Recipient> to = recipients.group(Groups.STEERING_COMMITTEE);
    notifications.send(NotificationTexts.missingReports((String) execution.getVariable("campaignTitle"), missing,
        campaign), to);
    records.record(execution, campaign, null, DeadlineKind.MISSING_REPORTS_SUMMARY, 0, to, false,
        missing.size() + " đơn vị chưa gửi");
  }

  public void remindConference(DelegateExecution execution) {
    String campaign = (String) execution.getVariable("campaignCode");
    List<Recipient> to = recipients.group(Groups.PV01);
    notifications.send(NotificationTexts.conferenceReminder((String) execution.getVariable("campaignTitle"),
        (Date) execution.getVariable(CampaignDeadlines.CONFERENCE_DEADLINE), campaign), to);
    records.record(execution, campaign, null, DeadlineKind.CONFERENCE_REMINDER, 1, to, false, null);
  }

  public void escalateConference(DelegateExecution execution) {
    String campaign = (String) execution.getVariable("campaignCode");
    List<Recipient> to = new ArrayList<>(recipients.group(Groups.STEERING_COMMITTEE));
    to.addAll(recipients.group(Groups.PV01_LEAD));
    notifications.send(NotificationTexts.conferenceOverdue((String) execution.getVariable("campaignTitle"),
        (Date) execution.getVariable(CampaignDeadlines.CONFERENCE_DEADLINE), campaign), to);
    records.record(execution, campaign, null, DeadlineKind.CONFERENCE_OVERDUE, 2, to, false, null);
  }
}
