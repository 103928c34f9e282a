package vn.nghean.review.deadline;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.Ladder;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.shared.VietnamTime;

/** Moments of the campaign's own ladder, from the campaign's record. */
@Component("campaignDeadlines")
public class CampaignDeadlines {

  private final CampaignService campaigns;

  public CampaignDeadlines(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  /** {@code Timer_ReportDeadlineSummary}. */
  public Date reportDeadline(VariableScope scope) {
    return Date.from(campaigns.get(CampaignProcess.code(scope)).getReportDeadline());
  }

  /** {@code Timer_ConferenceOverdue} and the due date of {@code PrepareConference}. */
  public Date conferenceDeadline(VariableScope scope) {
    return campaign(scope).map(c -> Date.from(c.getConferenceDeadline()))
        .orElseGet(() -> submitted(scope, Var.CONFERENCE_DEADLINE));
  }

  /** {@code Timer_ConferenceReminder}: so many days before the conference deadline. */
  public Date conferenceReminder(VariableScope scope) {
    int before = campaign(scope).map(c -> c.getLadder().conferenceReminderDays())
        .orElseGet(() -> submittedDays(scope, Var.CONFERENCE_REMINDER_DAYS));
    return VietnamTime.plusDays(conferenceDeadline(scope), -before);
  }

  /**
   * The campaign's record; empty only while the instance starts. The engine arms the event
   * subprocesses' timers as the instance starts, before the start listener has recorded the
   * campaign: those two read the start form's own value (PV01's, checked before the start and
   * written to the record in the same transaction). A start with a bad date is refused before.
   */
  private Optional<Campaign> campaign(VariableScope scope) {
    String code = ((org.camunda.bpm.engine.delegate.DelegateExecution) scope).getProcessBusinessKey();
    return code == null ? Optional.empty() : campaigns.find(code);
  }

  private static int submittedDays(VariableScope scope, String name) {
    Object days = scope.getVariable(name);
    try {
      return days == null ? Ladder.DEFAULT.conferenceReminderDays() : Math.max(1, Integer.parseInt(days.toString().strip()));
    } catch (NumberFormatException e) {
      return Ladder.DEFAULT.conferenceReminderDays();
    }
  }

  private static Date submitted(VariableScope scope, String name) {
    try {
      return VietnamTime.parse(scope.getVariable(name)).orElse(VietnamTime.now());
    } catch (IllegalArgumentException e) {
      return VietnamTime.now();
    }
  }
}
