package vn.nghean.review.record;

/** Where one unit's review stands, as managers see it (design section 7). */
public enum UnitStatus {
  NOT_STARTED("Chưa bắt đầu"),
  DRAFTING("Đang xây dựng báo cáo"),
  AWAITING_APPROVAL("Chờ lãnh đạo đơn vị phê duyệt"),
  SUBMITTED_ON_TIME("Đã gửi đúng hạn"),
  SUBMITTED_LATE("Đã gửi quá hạn"),
  UNDER_REVISION("Đang chỉnh sửa theo yêu cầu"),
  ACCEPTED("Báo cáo đã được tiếp nhận"),
  NOT_SUBMITTED("Không gửi báo cáo");

  private final String label;

  UnitStatus(String label) {
    this.label = label;
  }

  /** The Vietnamese label users read. */
  public String label() {
    return label;
  }
}
