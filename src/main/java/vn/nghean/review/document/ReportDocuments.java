package vn.nghean.review.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignUnit;
import vn.nghean.review.record.ProvincialReport;
import vn.nghean.review.record.ProvincialReportService.UnitLine;
import vn.nghean.review.record.ProvincialReportService;
import vn.nghean.review.record.ReportDecision.Stage;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.system.NotFoundException;
import vn.nghean.review.engine.WithoutAuthorization;

/**
 * The unit reports and the provincial report as Word documents in the Vietnamese administrative
 * format. A report not yet approved by its signer is marked as a draft and dated today.
 */
@Service
@Transactional(readOnly = true)
class ReportDocuments {

  static final String DRAFT = "(Dự thảo)";
  static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  static final String[] UNIT_TABLE = {"STT", "Đơn vị", "Ngày gửi báo cáo", "Thời hạn",
      "Mô hình xây dựng", "Được công nhận", "Đang hoạt động", "Xếp loại"};
  /**
   * Thousandths of the text width, so that at 12 pt "STT", every district's name, a date such as
   * 11/11/2026, "Không gửi", "Được" and "Trung bình" each fit their column on one line.
   */
  private static final int[] UNIT_TABLE_WEIGHTS = {62, 330, 132, 124, 74, 74, 74, 130};

  private final CampaignService campaigns;
  private final ReportService reports;
  private final ProvincialReportService provincialReports;
  private final IssuingBodies bodies;
  private final IdentityService identityService;

  ReportDocuments(CampaignService campaigns, ReportService reports, ProvincialReportService provincialReports,
      IssuingBodies bodies, IdentityService identityService) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.provincialReports = provincialReports;
    this.bodies = bodies;
    this.identityService = identityService;
  }

  /** A unit's report, signed by the leader who approved it. */
  public byte[] unitReport(String campaignCode, String unitCode) {
    Campaign campaign = campaign(campaignCode);
    UnitReport report = reports.get(campaignCode, unitCode);
    Optional<ReportDecision> approval = lastApproval(reports.decisions(campaignCode, unitCode), Stage.LEADER_APPROVAL);
    Instant date = approval.map(ReportDecision::getDecidedAt).orElse(VietnamTime.nowInstant());
    CampaignUnit unit = campaigns.unit(campaignCode, unitCode)
        .orElseThrow(() -> new NotFoundException("Đơn vị " + unitCode + " không tham gia đợt sơ kết " + campaignCode));
    AdministrativeDocument doc = new AdministrativeDocument(bodies.unitHeading(unit.getIssuingBody(), date), "BÁO CÁO",
        campaign.getTitle() + (approval.isPresent() ? "" : "\n" + DRAFT));
    doc.text("Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh và hướng dẫn của Ban Chỉ đạo tỉnh về "
        + lowerFirst(campaign.getTitle()) + ", " + report.getUnitName() + " báo cáo kết quả như sau:");
    int part = 0;
    for (ReportSection section : ReportSection.values()) {
      doc.part(ROMAN[part++] + ". " + IssuingBodies.upper(section.title()));
      doc.text(report.section(section));
    }
    doc.part(ROMAN[part++] + ". SỐ LIỆU CHÍNH");
    doc.table(new String[] {"STT", "Chỉ tiêu", "Số lượng"}, new int[] {8, 70, 22}, List.of(
        new String[] {"1", "Số mô hình, điển hình được xây dựng", number(report.getModelUnitsBuilt())},
        new String[] {"2", "Số mô hình, điển hình được công nhận", number(report.getModelUnitsRecognised())},
        new String[] {"3", "Số mô hình đang hoạt động hiệu quả", number(report.getModelsInOperation())}));
    doc.part(ROMAN[part] + ". ĐỀ XUẤT KHEN THƯỞNG");
    doc.text(report.getNominations());
    doc.text("Trên đây là báo cáo " + lowerFirst(campaign.getTitle()) + " của " + report.getUnitName()
        + ", kính gửi Ban Chỉ đạo tỉnh tổng hợp.");
    doc.closing(bodies.unitClosing(unit.getKind(), unit.getName(), approval.map(d -> fullName(d.getDecidedBy())).orElse(null)));
    return doc.toBytes();
  }

  /** The provincial report: the compiled draft, PV01's conclusions and commendations. */
  public byte[] provincialReport(String campaignCode) {
    Campaign campaign = campaign(campaignCode);
    ProvincialReport report = provincialReports.find(campaignCode)
        .orElseThrow(() -> new NotFoundException("Chưa có dự thảo báo cáo toàn tỉnh của đợt " + campaignCode));
    Optional<ReportDecision> approval = lastApproval(reports.decisions(campaignCode, null), Stage.PROVINCIAL_APPROVAL);
    Instant date = approval.map(ReportDecision::getDecidedAt).orElse(VietnamTime.nowInstant());
    List<UnitLine> lines = provincialReports.unitLines(campaignCode);

    AdministrativeDocument doc = new AdministrativeDocument(bodies.provincialHeading(date), "BÁO CÁO",
        "Kết quả " + lowerFirst(campaign.getTitle()) + " trên địa bàn tỉnh " + bodies.province()
            + (approval.isPresent() ? "" : "\n" + DRAFT));
    doc.text("Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về " + lowerFirst(campaign.getTitle())
        + ", Ban Chỉ đạo tỉnh tổng hợp kết quả sơ kết của " + lines.size() + " đơn vị, địa phương như sau:");
    doc.part("I. TÌNH HÌNH, KẾT QUẢ SƠ KẾT Ở CÁC ĐƠN VỊ, ĐỊA PHƯƠNG");
    doc.text(summary(lines));
    doc.table(UNIT_TABLE, UNIT_TABLE_WEIGHTS, unitRows(lines));
    doc.part("II. CÁCH LÀM HAY, SÁNG TẠO, ĐIỂN HÌNH TIÊN TIẾN");
    doc.text(report.getGoodPractices());
    doc.part("III. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ, ĐỊA PHƯƠNG");
    doc.text(report.getRecommendations());
    doc.part("IV. NHẬN XÉT, KẾT LUẬN");
    doc.text(report.getConclusions());
    doc.part("V. ĐỀ XUẤT KHEN THƯỞNG");
    doc.text(report.getCommendations());
    java.util.Set<vn.nghean.review.unit.UnitKind> kinds = java.util.EnumSet.noneOf(vn.nghean.review.unit.UnitKind.class);
    campaigns.units(campaignCode).forEach(unit -> kinds.add(unit.getKind()));
    doc.closing(bodies.provincialClosing(kinds, approval.map(d -> fullName(d.getDecidedBy())).orElse(null)));
    return doc.toBytes();
  }

  private Campaign campaign(String campaignCode) {
    return campaigns.find(campaignCode).orElseThrow(() -> new NotFoundException("Không có đợt sơ kết " + campaignCode));
  }

  private static String summary(List<UnitLine> lines) {
    long onTime = lines.stream().filter(l -> l.timeliness().equals("Đúng hạn")).count();
    long late = lines.stream().filter(l -> l.timeliness().equals("Quá hạn")).count();
    long missing = lines.size() - onTime - late;
    long rated = lines.stream().filter(l -> l.rating() != null).count();
    return "Tổng số " + lines.size() + " đơn vị, địa phương tham gia sơ kết: " + onTime
        + " đơn vị gửi báo cáo đúng hạn, " + late + " đơn vị gửi quá hạn, " + missing
        + " đơn vị không gửi báo cáo; " + rated + " báo cáo đã được thẩm định, xếp loại. Kết quả cụ thể:";
  }

  private static List<String[]> unitRows(List<UnitLine> lines) {
    List<String[]> rows = new ArrayList<>();
    int built = 0;
    int recognised = 0;
    int inOperation = 0;
    int index = 0;
    for (UnitLine line : lines) {
      rows.add(new String[] {String.valueOf(++index), line.unitName(),
          line.firstSubmittedAt() == null ? "" : VietnamTime.formatDay(java.util.Date.from(line.firstSubmittedAt())),
          line.timeliness(), number(line.modelUnitsBuilt()), number(line.modelUnitsRecognised()),
          number(line.modelsInOperation()), line.rating() == null ? "" : line.rating()});
      built += line.modelUnitsBuilt() == null ? 0 : line.modelUnitsBuilt();
      recognised += line.modelUnitsRecognised() == null ? 0 : line.modelUnitsRecognised();
      inOperation += line.modelsInOperation() == null ? 0 : line.modelsInOperation();
    }
    rows.add(new String[] {"", "Tổng cộng", "", "", String.valueOf(built), String.valueOf(recognised),
        String.valueOf(inOperation), ""});
    return rows;
  }

  private static Optional<ReportDecision> lastApproval(List<ReportDecision> decisions, Stage stage) {
    ReportDecision last = null;
    for (ReportDecision decision : decisions) {
      if (decision.getStage() == stage) {
        last = decision;
      }
    }
    return Optional.ofNullable(last).filter(d -> "APPROVE".equals(d.getDecision()));
  }

  private String fullName(String userId) {
    // The reader may not list users; the signer's name is printed on the document all the same.
    User user = WithoutAuthorization.call(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private static String number(Integer value) {
    return value == null ? "" : value.toString();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + text.substring(1);
  }
}
