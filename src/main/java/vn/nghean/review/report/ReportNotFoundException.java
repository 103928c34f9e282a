package vn.nghean.review.report;

/** No record for this unit in this campaign. */
public class ReportNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportNotFoundException(String campaignCode, String unitCode) {
    super("Không tìm thấy báo cáo của đơn vị " + unitCode + " trong đợt " + campaignCode);
  }
}
