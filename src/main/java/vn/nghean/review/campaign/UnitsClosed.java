package vn.nghean.review.campaign;

/** How many of a campaign's units have ended their review, out of how many. */
record UnitsClosed(int closed, int total) {

  public boolean all() {
    return closed >= total;
  }
}
