package vn.nghean.review.unit;

/** What kind of body a participating unit is. */
public enum UnitKind {
  /** A district-level People's Committee (huyện, thị xã, thành phố). */
  DISTRICT,
  /** A provincial department, agency or mass organisation. */
  DEPARTMENT
}
