package vn.nghean.review.identity;

/**
 * To whom a reminder or an escalation goes, as a unit's record names them: by role, never by the
 * e-mail addresses behind it (a unit reading its record learns nobody's address).
 */
public enum Role {
  UNIT_OFFICERS("Cán bộ đơn vị"),
  UNIT_LEADER("Lãnh đạo đơn vị"),
  PV01("Phòng PV01"),
  PV01_LEAD("Lãnh đạo Phòng PV01"),
  STEERING_COMMITTEE("Ban Chỉ đạo tỉnh");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The Vietnamese name users read. */
  public String label() {
    return label;
  }
}
