package vn.nghean.review.deadline;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.shared.VietnamTime;

/**
 * Moments of the campaign's own ladder, from the campaign's record, found by the instance's business
 * key (the campaign's code), never from a variable (design section 9). The record is written just
 * before the instance starts ({@code campaign.CampaignStarted#record}), so the timers the engine arms
 * as the instance starts read it too.
 */
@Component("campaignDeadlines")
public class CampaignDeadlines {

  private final CampaignService campaigns;

  public CampaignDeadlines(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  /** {@code Timer_ReportDeadlineSummary}. */
  public Date reportDeadline(DelegateExecution execution) {
    return Date.from(campaign(execution).getReportDeadline());
  }

  /** {@code Timer_ConferenceOverdue} and the due date of {@code PrepareConference}. */
  public Date conferenceDeadline(DelegateExecution execution) {
    return Date.from(campaign(execution).getConferenceDeadline());
  }

  /** {@code Timer_ConferenceReminder}: so many days before the conference deadline. */
  public Date conferenceReminder(DelegateExecution execution) {
    return VietnamTime.plusDays(conferenceDeadline(execution), -campaign(execution).getLadder().conferenceReminderDays());
  }

  private Campaign campaign(DelegateExecution execution) {
    return campaigns.get(execution.getProcessBusinessKey());
  }
}
