package vn.nghean.review.deadline;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Moments of the campaign's own ladder. The engine arms the event subprocesses' timers as the
 * instance starts, before the start listener has checked the form, so these read the submitted
 * values leniently: a start with a bad date is refused right after, and its timers go with it.
 */
@Component("campaignDeadlines")
public class CampaignDeadlines {

  public static final String CONFERENCE_DEADLINE = "conferenceDeadline";
  public static final String CONFERENCE_REMINDER_DAYS = "conferenceReminderDays";
  public static final int DEFAULT_CONFERENCE_REMINDER_DAYS = 7;

  /** {@code Timer_ConferenceOverdue}. */
  public Date conferenceDeadline(VariableScope scope) {
    try {
      return VietnamTime.parse(scope.getVariable(CONFERENCE_DEADLINE)).orElse(VietnamTime.now());
    } catch (IllegalArgumentException e) {
      return VietnamTime.now();
    }
  }

  /** {@code Timer_ConferenceReminder}: so many days before the conference deadline. */
  public Date conferenceReminder(VariableScope scope) {
    Object days = scope.getVariable(CONFERENCE_REMINDER_DAYS);
    int before = days instanceof Number n ? n.intValue() : DEFAULT_CONFERENCE_REMINDER_DAYS;
    try {
      before = days == null ? before : Integer.parseInt(days.toString().strip());
    } catch (NumberFormatException e) {
      // the form check reports it
    }
    return VietnamTime.plusDays(conferenceDeadline(scope), -before);
  }
}
