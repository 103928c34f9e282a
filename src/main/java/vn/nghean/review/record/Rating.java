package vn.nghean.review.record;

/** PV01's rating of an accepted unit report. */
public enum Rating {
  EXCELLENT("Xuất sắc"),
  GOOD("Tốt"),
  FAIR("Khá"),
  AVERAGE("Trung bình"),
  POOR("Yếu");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
