package vn.nghean.review.notification;

/** One notification's content, the same for all its recipients. */
public record Message(NotificationKind kind, String subject, String body, String link, String campaignCode,
    String unitCode) {}
