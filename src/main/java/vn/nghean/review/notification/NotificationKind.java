package vn.nghean.review.notification;

/** What a notification is about (design section 6). */
public enum NotificationKind {
  GUIDANCE_ISSUED, TASK_ASSIGNED, REMINDER, ESCALATION, REVISION_REQUESTED, REPORT_ACCEPTED,
  CONFERENCE_INVITATION, CAMPAIGN_CLOSED,
  /** A one-time link to set one's password (an account made from the registry). */
  ACCOUNT_INVITATION;

  /**
   * Whether the notification's link is a secret: whoever holds it sets the account's password. The
   * outbox keeps it only until the mail is delivered or given up ({@link Notification#strikeSecret}).
   */
  public boolean carriesSecret() {
    return this == ACCOUNT_INVITATION;
  }
}
