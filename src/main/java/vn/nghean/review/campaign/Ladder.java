package vn.nghean.review.campaign;

/**
 * The durations of a campaign's deadline ladder in days (design section 5), from its start form and
 * kept with its record: the timers of every unit read them from there.
 */
public record Ladder(int firstReminderDays, int secondReminderDays, int escalationIntervalDays, int evaluationDays,
    int conferenceReminderDays) {

  /** The design's ladder: reminders 7 and 2 days before, escalation every 3 days, evaluation in 5. */
  public static final Ladder DEFAULT = new Ladder(7, 2, 3, 5, 7);

  /** The durations must be whole days of at least one (a cycle of zero days would fire without end). */
  public Ladder {
    for (int days : new int[] {firstReminderDays, secondReminderDays, escalationIntervalDays, evaluationDays,
        conferenceReminderDays}) {
      if (days < 1) {
        throw new IllegalArgumentException("Every duration of the ladder is at least one day: " + days);
      }
    }
  }
}
