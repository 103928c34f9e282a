package vn.nghean.review.record;

/** The eight sections of a review report, in the order of the plan. */
public enum ReportSection {
  LEADERSHIP("Công tác lãnh đạo, chỉ đạo"),
  ADVISORY("Công tác tham mưu của lực lượng Công an"),
  COORDINATION("Công tác phối hợp"),
  RESULTS("Kết quả thực hiện các nhiệm vụ trọng tâm"),
  GOOD_PRACTICES("Cách làm hay, sáng tạo, điển hình tiên tiến"),
  ASSESSMENT("Ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm"),
  RECOMMENDATIONS("Kiến nghị, đề xuất"),
  DIRECTIONS("Phương hướng, nhiệm vụ và giải pháp");

  /** Long enough for a long section; a section of 10,000 characters is common. */
  public static final int MAX_LENGTH = 50_000;

  private final String title;

  ReportSection(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
