package vn.nghean.review.campaign;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.guard.StartCheck;
import vn.nghean.review.process.CampaignProcess.Var;

/**
 * Start listener of {@code StartEvent_CampaignRequested}: validates the start form, records the
 * campaign (deadlines, ladder, participants: what decides the record from then on) and makes its code
 * the business key; the variables it sets are display copies for Cockpit. Bad input is refused
 * before the start ({@link StartCheck}) and, should it get this far, rolls the start back whole.
 */
@Component("campaignStarted")
class CampaignStarted implements StartCheck {

  private final CampaignService campaigns;

  CampaignStarted(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public List<String> problems(Map<String, Object> variables) {
    return campaigns.startProblems(variables);
  }

  /** The campaign's record, before the instance starts; its code is the instance's business key. */
  @Override
  public String record(Map<String, Object> variables, String startedBy) {
    return campaigns.register(variables, null, startedBy).code();
  }

  /** The instance joins the record written before it started ({@link #record}); the variables are copies. */
  @Override
  public void notify(DelegateExecution execution) {
    Campaign campaign = campaigns.attach(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    String code = campaign.getCode();
    execution.setVariable(Var.CAMPAIGN_CODE, code);
    execution.setVariable(Var.CAMPAIGN_TITLE, campaign.getTitle());
    execution.setVariable(Var.REVIEW_PERIOD, campaign.getPeriod());
    execution.setVariable(Var.REPORT_DEADLINE, Date.from(campaign.getReportDeadline()));
    execution.setVariable(Var.SYNTHESIS_CUTOFF, Date.from(campaign.getSynthesisCutoff()));
    execution.setVariable(Var.CONFERENCE_DEADLINE, Date.from(campaign.getConferenceDeadline()));
    // Only the first codes: more than SHOWN_AT_MOST never fit in a variable (each takes 4 characters or more).
    execution.setVariable(Var.PARTICIPATING_UNITS, shown(campaigns.participants(code, 0, SHOWN_AT_MOST),
        campaign.getUnitCount()));
    execution.setVariable(Var.UNIT_COUNT, campaign.getUnitCount());
    Ladder ladder = campaign.getLadder();
    execution.setVariable(Var.FIRST_REMINDER_DAYS, ladder.firstReminderDays());
    execution.setVariable(Var.SECOND_REMINDER_DAYS, ladder.secondReminderDays());
    execution.setVariable(Var.ESCALATION_INTERVAL_DAYS, ladder.escalationIntervalDays());
    execution.setVariable(Var.EVALUATION_DAYS, ladder.evaluationDays());
    execution.setVariable(Var.CONFERENCE_REMINDER_DAYS, ladder.conferenceReminderDays());
  }

  /** Longest text a Camunda string variable holds in every database. */
  static final int VARIABLE_TEXT_LIMIT = 4000;
  /** Codes read to show the participants: a code and its separator take 4 characters at least. */
  static final int SHOWN_AT_MOST = VARIABLE_TEXT_LIMIT / 4;

  /**
   * The participants as Cockpit shows them: the whole list when it fits in a string variable; for a
   * large campaign (a province with its communes, a national one) the count and the first codes.
   * The full list is kept with the campaign ({@link CampaignUnit}).
   */
  static String shown(java.util.List<String> codes, int count) {
    String all = String.join(", ", codes);
    if (codes.size() == count && all.length() <= VARIABLE_TEXT_LIMIT) {
      return all;
    }
    String head = count + " đơn vị: ";
    StringBuilder shown = new StringBuilder(head);
    for (String code : codes) {
      if (shown.length() + code.length() + 8 > VARIABLE_TEXT_LIMIT) {
        return shown.append("…").toString();
      }
      shown.append(code).append(", ");
    }
    return shown.toString();
  }
}
