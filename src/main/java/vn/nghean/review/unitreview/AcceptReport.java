package vn.nghean.review.unitreview;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.Rating;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;

/**
 * {@code Task_AcceptReport}: the report is accepted with PV01's rating and selected practices; the
 * unit's officers and leader are told.
 */
@Component("acceptReport")
class AcceptReport implements JavaDelegate {

  private final ReportService reports;
  private final NotificationService notifications;
  private final Recipients recipients;

  AcceptReport(ReportService reports, NotificationService notifications, Recipients recipients) {
    this.reports = reports;
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaign = UnitStatusTracker.campaign(execution);
    String unit = UnitStatusTracker.unit(execution);
    Rating rating = Rating.valueOf((String) execution.getVariable(Var.RATING));
    reports.accept(campaign, unit, VietnamTime.nowInstant(), rating,
        (String) execution.getVariable(Var.SELECTED_PRACTICES));
    UnitStatusTracker.show(execution, UnitStatus.ACCEPTED);
    List<Recipient> to = new ArrayList<>(recipients.unitOfficers(unit));
    to.addAll(recipients.unitLeaders(unit));
    notifications.send(NotificationTexts.reportAccepted(reports.get(campaign, unit).getUnitName(),
        rating.label(), campaign, unit), to);
  }
}
