package vn.nghean.review.deadline;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The moments of a unit's deadline ladder, from the due date of its current round (the report
 * deadline, or PV01's revision date) and the campaign's durations. Used by the timers of
 * {@code unitReview}.
 */
@Component("unitDeadlines")
public class UnitDeadlines {

  public static final String DUE_DATE = "reportDueDate";
  public static final String FIRST_REMINDER_DAYS = "firstReminderDays";
  public static final String SECOND_REMINDER_DAYS = "secondReminderDays";
  public static final String ESCALATION_INTERVAL_DAYS = "escalationIntervalDays";
  public static final String EVALUATION_DAYS = "evaluationDays";
  public static final int DEFAULT_FIRST_REMINDER_DAYS = 7;
  public static final int DEFAULT_SECOND_REMINDER_DAYS = 2;
  public static final int DEFAULT_ESCALATION_INTERVAL_DAYS = 3;
  public static final int DEFAULT_EVALUATION_DAYS = 5;

  /** {@code Timer_FirstReminder}, {@code Timer_SecondReminder}: so many days before the due date. */
  public Date reminder(VariableScope scope, int number) {
    int days = number == 1 ? days(scope, FIRST_REMINDER_DAYS, DEFAULT_FIRST_REMINDER_DAYS)
        : days(scope, SECOND_REMINDER_DAYS, DEFAULT_SECOND_REMINDER_DAYS);
    return VietnamTime.plusDays(dueDate(scope), -days);
  }

  /** {@code Timer_Escalation}: every interval after the due date, starting one interval after it. */
  public String escalationCycle(VariableScope scope) {
    int interval = days(scope, ESCALATION_INTERVAL_DAYS, DEFAULT_ESCALATION_INTERVAL_DAYS);
    Date first = VietnamTime.plusDays(dueDate(scope), interval);
    return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(VietnamTime.zoned(first).toOffsetDateTime())
        + "/P" + interval + "D";
  }

  public static Date dueDate(VariableScope scope) {
    return (Date) scope.getVariable(DUE_DATE);
  }

  public static int days(VariableScope scope, String name, int fallback) {
    Object value = scope.getVariable(name);
    return value instanceof Number number ? number.intValue() : fallback;
  }
}
