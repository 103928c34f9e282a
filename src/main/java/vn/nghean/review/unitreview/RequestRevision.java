package vn.nghean.review.unitreview;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;

/**
 * {@code Task_RequestRevision}: the report goes back to the unit, due by PV01's revision date, and
 * the unit's officers are told what to revise.
 */
@Component("requestRevision")
class RequestRevision implements JavaDelegate {

  private final UnitStatusTracker tracker;
  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;
  private final TasklistLinks links;

  RequestRevision(UnitStatusTracker tracker, ReportService reports, NotificationService notifications,
      Recipients recipients, TasklistLinks links) {
    this.tracker = tracker;
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tracker.set(execution, UnitStatus.UNDER_REVISION);
    String campaign = UnitStatusTracker.campaign(execution);
    String unit = UnitStatusTracker.unit(execution);
    ReportDecision request = reports.startRevisionRound(campaign, unit);
    UnitReport report = reports.get(campaign, unit);
    Date due = Date.from(request.getRevisionDueAt());
    execution.setVariable(Var.ROUND, report.getSubmissionCount() + 1);
    execution.setVariable(Var.OVERDUE, false);
    execution.setVariable(Var.ESCALATION_LEVEL, 0);
    execution.setVariable(Var.REPORT_DUE_DATE, due);
    notifications.send(NotificationTexts.revisionRequested(report.getUnitName(), request.getComment(), due,
        links.tasklist(), campaign, unit), recipients.unitOfficers(unit));
  }
}
