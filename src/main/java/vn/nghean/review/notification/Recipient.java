package vn.nghean.review.notification;

/** Someone to notify: a user of the application (who then reads it in-app), an address, or both. */
public record Recipient(String userId, String email) {}
