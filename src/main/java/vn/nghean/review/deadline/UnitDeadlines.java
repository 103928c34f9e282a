package vn.nghean.review.deadline;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.Ladder;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.shared.VietnamTime;

/**
 * The moments of a unit's deadline ladder, used by the timers and due dates of {@code unitReview}:
 * from the due date of its current round (the report deadline, or PV01's revision date), kept with
 * the unit's record, and the campaign's durations, kept with the campaign's. Whose unit it is comes
 * from the instance's business key; no variable is read, so no variable can move a deadline.
 */
@Component("unitDeadlines")
public class UnitDeadlines {

  private final CampaignService campaigns;
  private final ReportService reports;

  public UnitDeadlines(CampaignService campaigns, ReportService reports) {
    this.campaigns = campaigns;
    this.reports = reports;
  }

  /** Due date of the current round: {@code Timer_ReportOverdue} and the unit's own tasks. */
  public Date dueDate(VariableScope scope) {
    return Date.from(report(scope).getDueAt());
  }

  /** {@code Timer_FirstReminder}, {@code Timer_SecondReminder}: so many days before the due date. */
  public Date reminder(VariableScope scope, int number) {
    Ladder ladder = campaign(scope).getLadder();
    int days = number == 1 ? ladder.firstReminderDays() : ladder.secondReminderDays();
    return VietnamTime.plusDays(dueDate(scope), -days);
  }

  /** {@code Timer_Escalation}: every interval after the due date, starting one interval after it. */
  public String escalationCycle(VariableScope scope) {
    int interval = campaign(scope).getLadder().escalationIntervalDays();
    Date first = VietnamTime.plusDays(dueDate(scope), interval);
    return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(VietnamTime.zoned(first).toOffsetDateTime())
        + "/P" + interval + "D";
  }

  /** {@code Timer_SynthesisCutoff}: the campaign's synthesis cut-off. */
  public Date cutoff(VariableScope scope) {
    return Date.from(campaign(scope).getSynthesisCutoff());
  }

  /** {@code EvaluateReport} and {@code Timer_EvaluationOverdue}: the campaign's days after the last submission. */
  public Date evaluationDue(VariableScope scope) {
    UnitReport report = report(scope);
    return VietnamTime.plusDays(Date.from(report.getLastSubmittedAt()), campaign(scope).getLadder().evaluationDays());
  }

  private Campaign campaign(VariableScope scope) {
    return campaigns.get(UnitReviewProcess.Key.of(scope).campaignCode());
  }

  private UnitReport report(VariableScope scope) {
    UnitReviewProcess.Key key = UnitReviewProcess.Key.of(scope);
    return reports.get(key.campaignCode(), key.unitCode());
  }
}
