package vn.nghean.review.unitreview;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.identity.Role;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;

/**
 * {@code Task_CloseAtCutoff}: at the synthesis cut-off the unit is closed; one that never submitted
 * is recorded as not submitted, the Steering Committee is told, and the campaign goes on without it.
 */
@Component("closeAtCutoff")
class CloseAtCutoff implements JavaDelegate {

  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final DeadlineRecords records;

  CloseAtCutoff(ReportService reports, NotificationService notifications, Recipients recipients,
      DeadlineRecords records) {
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaign = UnitStatusTracker.campaign(execution);
    String unit = UnitStatusTracker.unit(execution);
    UnitStatus status = reports.closeAtCutoff(campaign, unit);
    UnitStatusTracker.show(execution, status);
    List<Role> to = List.of();
    if (status == UnitStatus.NOT_SUBMITTED) {
      to = List.of(Role.STEERING_COMMITTEE);
      notifications.send(NotificationTexts.notSubmittedAtCutoff(reports.get(campaign, unit).getUnitName(),
          campaign, unit), recipients.of(to, unit));
    }
    records.record(execution, campaign, unit, DeadlineKind.CUTOFF, 0, to, false, status.label());
  }
}
