package vn.nghean.review.system;

/** A request that lost a race with another change: answered 409 with a Vietnamese message. */
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
