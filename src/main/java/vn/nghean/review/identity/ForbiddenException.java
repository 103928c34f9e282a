package vn.nghean.review.identity;

/** The caller is known but may not do this; answered with 403. */
public class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
