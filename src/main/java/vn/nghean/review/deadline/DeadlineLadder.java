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
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.report.ReportService;

/**
 * What each rung of a unit's deadline ladder does: whom it tells, what it records, what Cockpit
 * shows. The timer delegates of {@code unitReview} call it.
 */
@Service
public class DeadlineLadder {

  /** Variables Cockpit shows for a unit. */
  public static final String OVERDUE = "overdue";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  /** When the current preparation round began: reminders due before it are skipped. */
  public static final String ROUND_STARTED_AT = "preparationStartedAt";

  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final DeadlineRecords records;
  private final TasklistLinks links;
  private final UnitDeadlines deadlines;

  public DeadlineLadder(ReportService reports, NotificationService notifications, Recipients recipients,
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
    String campaign = campaign(execution);
    String unit = unit(execution);
    Date moment = deadlines.reminder(execution, number);
    Date roundStart = (Date) execution.getVariable(ROUND_STARTED_AT);
    if (roundStart != null && moment.before(roundStart)) {
      records.record(execution, campaign, unit, DeadlineKind.REMINDER, number, List.of(), true,
          "Thời điểm nhắc " + VietnamTime.formatDayTime(moment) + " đã qua khi bắt đầu");
      return;
    }
    Date due = UnitDeadlines.dueDate(execution);
    long daysLeft = Math.max(0, Math.round((due.getTime() - VietnamTime.now().getTime()) / 86_400_000.0));
    List<Recipient> to = recipients.unitOfficers(unit);
    notifications.send(NotificationTexts.reminder(unitName(execution), (int) daysLeft, due, links.tasklist(),
        campaign, unit), to);
    records.record(execution, campaign, unit, DeadlineKind.REMINDER, number, to, false, null);
  }

  /** Level 1 at the due date: the report is overdue; the unit's leader and PV01 are told. */
  public void markOverdue(DelegateExecution execution) {
    String campaign = campaign(execution);
    String unit = unit(execution);
    reports.markOverdue(campaign, unit);
    execution.setVariable(OVERDUE, true);
    execution.setVariable(ESCALATION_LEVEL, 1);
    List<Recipient> to = new ArrayList<>(recipients.unitLeaders(unit));
    to.addAll(recipients.group(Groups.PV01));
    notifications.send(NotificationTexts.overdue(unitName(execution), UnitDeadlines.dueDate(execution),
        links.tasklist(), campaign, unit), to);
    records.record(execution, campaign, unit, DeadlineKind.OVERDUE, 1, to, false, null);
  }

  /** Level 2, every interval after the due date: the Steering Committee and the head of PV01. */
  public void escalate(DelegateExecution execution) {
    String campaign = campaign(execution);
    String unit = unit(execution);
    int count = reports.escalate(campaign, unit);
    execution.setVariable(ESCALATION_LEVEL, 2);
    List<Recipient> to = new ArrayList<>(recipients.group(Groups.STEERING_COMMITTEE));
    to.addAll(recipients.group(Groups.PV01_LEAD));
    notifications.send(NotificationTexts.escalation(unitName(execution), UnitDeadlines.dueDate(execution), count,
        campaign, unit), to);
    records.record(execution, campaign, unit, DeadlineKind.ESCALATION, 2, to, false, "Lần " + count);
  }

  /** PV01 has not evaluated within its days: the head of PV01 is told. */
  public void remindEvaluation(DelegateExecution execution) {
    String campaign = campaign(execution);
    String unit = unit(execution);
    List<Recipient> to = recipients.group(Groups.PV01_LEAD);
    notifications.send(NotificationTexts.evaluationReminder(unitName(execution),
        (Date) execution.getVariable("evaluationDueDate"), links.tasklist(), campaign, unit), to);
    records.record(execution, campaign, unit, DeadlineKind.EVALUATION_REMINDER, 1, to, false, null);
  }

  private static String campaign(DelegateExecution execution) {
    return (String) execution.getVariable("campaignCode");
  }

  private static String unit(DelegateExecution execution) {
    return (String) execution.getVariable("unitCode");
  }

  private static String unitName(DelegateExecution execution) {
    return (String) execution.getVariable("unitName");
  }
}
