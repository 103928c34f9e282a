package vn.nghean.review.notification;

/** Where a notification's e-mail stands. */
public enum DeliveryState {
  /** Waiting for its first or next attempt. */
  PENDING,
  /** Claimed by one node, which is sending it; back to the queue if that node dies (lease). */
  SENDING,
  SENT,
  /** Every attempt failed; operators see it. */
  FAILED
}
