package vn.nghean.review.unit;

/** What kind of body a participating unit is. */
public enum UnitKind {
  /** A district-level People's Committee (huyện, thị xã, thành phố), until 30/06/2025. */
  DISTRICT,
  /** A commune-level People's Committee (xã, phường), from 01/07/2025. */
  COMMUNE,
  /** A provincial department, agency or mass organisation. */
  DEPARTMENT
}
