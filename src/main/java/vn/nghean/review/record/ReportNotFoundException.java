package vn.nghean.review.record;

import vn.nghean.review.system.NotFoundException;

/** No record for this unit in this campaign. */
class ReportNotFoundException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  ReportNotFoundException(String campaignCode, String unitCode) {
    super("Không tìm thấy báo cáo của đơn vị " + unitCode + " trong đợt " + campaignCode);
  }
}
