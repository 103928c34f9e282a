package vn.nghean.review.notification;

/** What a notification is about (design section 6). */
public enum NotificationKind {
  GUIDANCE_ISSUED, TASK_ASSIGNED, REMINDER, ESCALATION, REVISION_REQUESTED, REPORT_ACCEPTED,
  CONFERENCE_INVITATION, CAMPAIGN_CLOSED
}
