package vn.nghean.review.deadline;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

import vn.nghean.review.identity.Role;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.shared.VietnamTime;

/**
 * What each rung of a unit's deadline ladder does ({@code campaign.Ladder} holds its days): whom it
 * tells, what it records, what Cockpit shows. The timer delegates of {@code unitReview} call it.
 * Whose unit it is comes from the instance's business key, its name and dates from its record.
 */
@Service
class UnitRungs {

  /** Variables Cockpit shows for a unit. */

  static final List<Role> REMINDED = List.of(Role.UNIT_OFFICERS);
  static final List<Role> OVERDUE_TOLD = List.of(Role.UNIT_LEADER, Role.PV01);
  static final List<Role> ESCALATED_TO = List.of(Role.STEERING_COMMITTEE, Role.PV01_LEAD);
  static final List<Role> EVALUATION_REMINDED = List.of(Role.PV01_LEAD);

  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final DeadlineRecords records;
  private final TasklistLinks links;
  private final UnitDeadlines deadlines;

  UnitRungs(ReportService reports, NotificationService notifications, Recipients recipients,
      DeadlineRecords records, TasklistLinks links, UnitDeadlines deadlines) {
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
    this.records = records;
    this.links = links;
    this.deadlines = deadlines;
  }

  /** Reminder {@code number} (1 or 2) to the unit's officers, unless its moment passed before the round began. */
  public void remind(DelegateExecution execution, int number) {
    UnitReport report = report(execution);
    Date moment = deadlines.reminder(execution, number);
    if (report.getRoundStartedAt() != null && moment.toInstant().isBefore(report.getRoundStartedAt())) {
      records.record(execution, report.getCampaignCode(), report.getUnitCode(), DeadlineKind.REMINDER, number,
          List.of(), true, "Thời điểm nhắc " + VietnamTime.formatDayTime(moment) + " đã qua khi bắt đầu");
      return;
    }
    Date due = deadlines.dueDate(execution);
    long daysLeft = Math.max(0, Math.round((due.getTime() - VietnamTime.now().getTime()) / 86_400_000.0));
    notifications.send(NotificationTexts.reminder(report.getUnitName(), (int) daysLeft, due, links.tasklist(),
        report.getCampaignCode(), report.getUnitCode()), recipients.of(REMINDED, report.getUnitCode()));
    records.record(execution, report.getCampaignCode(), report.getUnitCode(), DeadlineKind.REMINDER, number,
        REMINDED, false, null);
  }

  /** Level 1 at the due date: the report is overdue; the unit's leader and PV01 are told. */
  public void markOverdue(DelegateExecution execution) {
    UnitReport report = report(execution);
    reports.markOverdue(report.getCampaignCode(), report.getUnitCode());
    show(execution, UnitReviewProcess.Var.OVERDUE, true);
    show(execution, UnitReviewProcess.Var.ESCALATION_LEVEL, 1);
    notifications.send(NotificationTexts.overdue(report.getUnitName(), deadlines.dueDate(execution),
        links.tasklist(), report.getCampaignCode(), report.getUnitCode()),
        recipients.of(OVERDUE_TOLD, report.getUnitCode()));
    records.record(execution, report.getCampaignCode(), report.getUnitCode(), DeadlineKind.OVERDUE, 1, OVERDUE_TOLD,
        false, null);
  }

  /** Level 2, every interval after the due date: the Steering Committee and the head of PV01. */
  public void escalate(DelegateExecution execution) {
    UnitReport report = report(execution);
    int count = reports.escalate(report.getCampaignCode(), report.getUnitCode());
    show(execution, UnitReviewProcess.Var.ESCALATION_LEVEL, 2);
    notifications.send(NotificationTexts.escalation(report.getUnitName(), deadlines.dueDate(execution), count,
        report.getCampaignCode(), report.getUnitCode()), recipients.of(ESCALATED_TO, report.getUnitCode()));
    records.record(execution, report.getCampaignCode(), report.getUnitCode(), DeadlineKind.ESCALATION, 2,
        ESCALATED_TO, false, "Lần " + count);
  }

  /** PV01 has not evaluated within its days: the head of PV01 is told. */
  public void remindEvaluation(DelegateExecution execution) {
    UnitReport report = report(execution);
    notifications.send(NotificationTexts.evaluationReminder(report.getUnitName(), deadlines.evaluationDue(execution),
        links.tasklist(), report.getCampaignCode(), report.getUnitCode()),
        recipients.of(EVALUATION_REMINDED, report.getUnitCode()));
    records.record(execution, report.getCampaignCode(), report.getUnitCode(), DeadlineKind.EVALUATION_REMINDER, 1,
        EVALUATION_REMINDED, false, null);
  }

  /**
   * Sets a variable Cockpit shows, where {@code unitReviewStarted} made it: on the process instance.
   * Set on the timer's execution, the engine would look for it on each execution between the two, one
   * query each (7 % of the job executor's time in a deadline burst, docs/performance.md).
   */
  private static void show(DelegateExecution execution, String name, Object value) {
    execution.getProcessInstance().setVariable(name, value);
  }

  private UnitReport report(DelegateExecution execution) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(execution);
    return reports.get(key.campaignCode(), key.unitCode());
  }
}
