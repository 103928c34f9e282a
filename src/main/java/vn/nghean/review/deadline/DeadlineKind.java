package vn.nghean.review.deadline;

/** The rungs of the deadline ladder (design section 5), as recorded and shown. */
public enum DeadlineKind {
  REMINDER("Nhắc hạn"),
  OVERDUE("Quá hạn gửi báo cáo (đôn đốc cấp 1)"),
  ESCALATION("Đôn đốc cấp 2"),
  EVALUATION_REMINDER("Nhắc thẩm định"),
  CUTOFF("Khóa sổ khi hết hạn tổng hợp"),
  MISSING_REPORTS_SUMMARY("Tổng hợp đơn vị chưa gửi báo cáo"),
  EXPLANATION_REQUESTED("Yêu cầu giải trình"),
  EXPLANATION_GIVEN("Đơn vị giải trình"),
  CONFERENCE_REMINDER("Nhắc tổ chức hội nghị"),
  CONFERENCE_OVERDUE("Quá hạn tổ chức hội nghị");

  private final String label;

  DeadlineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
