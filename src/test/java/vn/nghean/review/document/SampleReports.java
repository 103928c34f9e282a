package vn.nghean.review.document;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.io.ClassPathResource;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignUnit;
import vn.nghean.review.record.ProvincialReport;
import vn.nghean.review.record.ProvincialReportService;
import vn.nghean.review.record.ProvincialReportService.UnitLine;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportDecision.Stage;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.IssuingBody;
import vn.nghean.review.unit.RegistryFile;

/**
 * The reports exactly as {@link ReportDocuments} prints them, for tests that look at the printed
 * page and need no engine: the real registry of {@code units/nghe-an.csv} and the real issuing
 * bodies, with the records the documents read stubbed. Every report is approved, so it is dated on
 * the day of its approval.
 */
public final class SampleReports {

  public static final String CAMPAIGN = "SK-2026";
  public static final String TITLE = "Sơ kết 02 năm (2025–2026) xây dựng đơn vị điển hình";
  /** December: a month of two digits, so the longest date line of the year. */
  public static final Instant SIGNED = LocalDateTime.of(2026, 12, 1, 9, 30).atZone(VietnamTime.ZONE).toInstant();
  public static final String PROVINCE = "Nghệ An";

  private static final Map<String, Unit> UNITS = registry();

  private SampleReports() {}

  public static List<Unit> units() {
    return List.copyOf(UNITS.values());
  }

  public static Unit unit(String code) {
    return UNITS.get(code);
  }

  /** The unit's report, approved by its leader on {@link #SIGNED}. */
  public static byte[] unitReport(String unitCode) {
    Unit unit = UNITS.get(unitCode);
    ReportService reports = mock(ReportService.class);
    UnitReport report = report(unit);
    when(reports.get(CAMPAIGN, unitCode)).thenReturn(report);
    when(reports.decisions(CAMPAIGN, unitCode)).thenReturn(List.of(
        new ReportDecision(CAMPAIGN, unitCode, Stage.LEADER_APPROVAL, UnitReviewProcess.APPROVE, null, "lead",
            SIGNED, null)));
    return documents(reports, mock(ProvincialReportService.class)).unitReport(CAMPAIGN, unitCode);
  }

  /** The provincial report over the given units, approved by PV01's leader on {@link #SIGNED}. */
  public static byte[] provincialReport(List<String> unitCodes) {
    ReportService reports = mock(ReportService.class);
    when(reports.decisions(CAMPAIGN, null)).thenReturn(List.of(
        new ReportDecision(CAMPAIGN, null, Stage.PROVINCIAL_APPROVAL, UnitReviewProcess.APPROVE, null, "lead",
            SIGNED, null)));
    ProvincialReportService provincial = mock(ProvincialReportService.class);
    ProvincialReport report = mock(ProvincialReport.class);
    when(report.getGoodPractices()).thenReturn(
        "- UBND thành phố Vinh: Mô hình «Camera an ninh khu dân cư» ở phường Hưng Bình.\n"
            + "- Sở Y tế: Mô hình «Bệnh viện an toàn về an ninh, trật tự».");
    when(report.getRecommendations()).thenReturn(
        "- UBND thành phố Vinh: Kiến nghị, đề xuất: bố trí kinh phí duy trì hệ thống camera an ninh.");
    when(report.getConclusions()).thenReturn("Các đơn vị đã tổ chức sơ kết nghiêm túc, đúng hướng dẫn.");
    when(report.getCommendations()).thenReturn("Đề nghị tặng Giấy khen cho 02 tập thể, 03 cá nhân.");
    when(provincial.find(CAMPAIGN)).thenReturn(Optional.of(report));
    List<UnitLine> lines = new ArrayList<>();
    for (String code : unitCodes) {
      lines.add(new UnitLine(code, UNITS.get(code).name(), "Đã tiếp nhận", "Đúng hạn", SIGNED.minusSeconds(86_400 * 20),
          12, 9, 11, "Tốt"));
    }
    when(provincial.unitLines(CAMPAIGN)).thenReturn(lines);
    return documents(reports, provincial).provincialReport(CAMPAIGN);
  }

  private static ReportDocuments documents(ReportService reports, ProvincialReportService provincial) {
    CampaignService campaigns = mock(CampaignService.class);
    Campaign campaign = mock(Campaign.class);
    when(campaign.getTitle()).thenReturn(TITLE);
    when(campaigns.find(CAMPAIGN)).thenReturn(Optional.of(campaign));
    for (Unit unit : UNITS.values()) {
      CampaignUnit taken = taken(unit);
      when(campaigns.unit(CAMPAIGN, unit.code())).thenReturn(Optional.of(taken));
    }
    List<CampaignUnit> participants = UNITS.values().stream().map(SampleReports::taken).toList();
    when(campaigns.units(CAMPAIGN)).thenReturn(participants);
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    User signer = mock(User.class);
    when(signer.getFirstName()).thenReturn("Nguyễn Văn");
    when(signer.getLastName()).thenReturn("Hùng");
    when(identity.getCurrentAuthentication()).thenReturn(null);
    when(identity.createUserQuery().userId(anyString()).singleResult()).thenReturn(signer);
    return new ReportDocuments(campaigns, reports, provincial, new IssuingBodies(PROVINCE), identity);
  }

  private static UnitReport report(Unit unit) {
    UnitReport report = mock(UnitReport.class);
    when(report.getUnitName()).thenReturn(unit.name());
    when(report.section(any())).thenAnswer(call -> {
      ReportSection section = call.getArgument(0);
      return section.title() + " của " + unit.name() + " trong giai đoạn 2025–2026: cấp ủy, chính quyền quan tâm"
          + " lãnh đạo, chỉ đạo; lực lượng Công an chủ động tham mưu, phối hợp với Mặt trận Tổ quốc và các đoàn"
          + " thể xây dựng, nhân rộng các mô hình, điển hình tiên tiến.";
    });
    when(report.getModelUnitsBuilt()).thenReturn(12);
    when(report.getModelUnitsRecognised()).thenReturn(9);
    when(report.getModelsInOperation()).thenReturn(11);
    when(report.getNominations()).thenReturn("Đề nghị khen thưởng 02 tập thể, 03 cá nhân có thành tích xuất sắc.");
    return report;
  }

  private static Map<String, Unit> registry() {
    Map<String, Unit> units = new LinkedHashMap<>();
    RegistryFile.read(new ClassPathResource("units/nghe-an.csv")).units().forEach(unit -> units.put(unit.code(), unit));
    return units;
  }

  /** The unit as a campaign started today takes it: its issuing body by the rules of today. */
  private static CampaignUnit taken(Unit unit) {
    CampaignUnit taken = mock(CampaignUnit.class);
    when(taken.getUnitCode()).thenReturn(unit.code());
    when(taken.getName()).thenReturn(unit.name());
    when(taken.getKind()).thenReturn(unit.kind());
    when(taken.getIssuingBody()).thenReturn(IssuingBody.of(unit.kind(), unit.name(), PROVINCE));
    return taken;
  }
}
