package vn.nghean.review.account;

/** A link that no longer sets a password (or never did): answered 410, with what to do in Vietnamese. */
class InvitationRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Invitations.LinkState state;

  InvitationRefused(Invitations.LinkState state) {
    super(state.message());
    this.state = state;
  }

  Invitations.LinkState state() {
    return state;
  }
}
