package vn.nghean.review.notification;

/** Where a notification's e-mail stands. */
public enum DeliveryState {
  /** Waiting for its first or next attempt. */
  PENDING,
  SENT,
  /** Every attempt failed; operators see it. */
  FAILED
}
