package vn.nghean.review.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.shared.VietnamTime;

/** Prepares the provincial draft from the unit reports and keeps PV01's conclusions. */
@Service
@Transactional
public class ProvincialReportService {

  private final ProvincialReportRepository provincialReports;
  private final ReportService reports;

  public ProvincialReportService(ProvincialReportRepository provincialReports, ReportService reports) {
    this.provincialReports = provincialReports;
    this.reports = reports;
  }

  static final String TRUNCATED = "… (còn nữa: xem báo cáo của từng đơn vị)\n";

  /** Builds (or rebuilds) the draft: statistics per unit, the good practices PV01 selected, recommendations. */
  public ProvincialReport prepareDraft(String campaignCode) {
    List<UnitReport> units = reports.byCampaign(campaignCode);
    Map<UnitStatus, Integer> counts = new EnumMap<>(UnitStatus.class);
    StringBuilder table = new StringBuilder();
    StringBuilder practices = new StringBuilder();
    StringBuilder recommendations = new StringBuilder();
    int row = 0;
    for (UnitReport unit : units) {
      counts.merge(unit.getStatus(), 1, Integer::sum);
      table.append(++row).append(". ").append(unit.getUnitName()).append(": ")
          .append(submission(unit));
      if (unit.getRating() != null) {
        table.append("; xếp loại ").append(unit.getRating().label());
      }
      table.append('\n');
      if (unit.getStatus() == UnitStatus.ACCEPTED) {
        appendIfPresent(practices, unit.getUnitName(), unit.getSelectedPractices());
        appendIfPresent(recommendations, unit.getUnitName(), unit.section(ReportSection.RECOMMENDATIONS));
      }
    }
    String summary = "Tổng số đơn vị: " + units.size()
        + "; gửi đúng hạn: " + onTime(units, true)
        + "; gửi quá hạn: " + onTime(units, false)
        + "; không gửi báo cáo: " + counts.getOrDefault(UnitStatus.NOT_SUBMITTED, 0)
        + "; báo cáo được tiếp nhận: " + counts.getOrDefault(UnitStatus.ACCEPTED, 0) + ".\n\n";
    ProvincialReport report = provincialReports.findByCampaignCode(campaignCode)
        .orElseGet(() -> new ProvincialReport(campaignCode));
    String statistics = summary.length() + table.length() < ProvincialReport.TEXT_LENGTH ? summary + table
        : summary + "(Bảng theo từng đơn vị: xem bảng kết quả của báo cáo.)";
    report.prepared(statistics, practices.toString(), recommendations.toString(), VietnamTime.nowInstant());
    return provincialReports.save(report);
  }

  private static long onTime(List<UnitReport> units, boolean onTime) {
    return units.stream().filter(u -> Boolean.valueOf(onTime).equals(u.getSubmittedOnTime())).count();
  }

  private static String submission(UnitReport unit) {
    if (unit.getFirstSubmittedAt() == null) {
      return unit.getStatus().label();
    }
    return (Boolean.TRUE.equals(unit.getSubmittedOnTime()) ? "gửi đúng hạn" : "gửi quá hạn")
        + " lúc " + VietnamTime.formatDayTime(java.util.Date.from(unit.getFirstSubmittedAt()))
        + " (" + unit.getStatus().label().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  private static void appendIfPresent(StringBuilder into, String unitName, String text) {
    if (into.length() + (text == null ? 0 : text.length()) > ProvincialReport.TEXT_LENGTH - 1000) {
      if (!into.toString().endsWith(TRUNCATED)) {
        into.append(TRUNCATED);
      }
      return;
    }
    if (text != null && !text.isBlank()) {
      into.append("- ").append(unitName).append(": ").append(text.strip()).append('\n');
    }
  }

  /**
   * One line per unit of the statistics table of the provincial report: how and when it reported,
   * its key figures (accepted reports only) and its rating.
   */
  public record UnitLine(String unitCode, String unitName, String statusLabel, String timeliness,
      Instant firstSubmittedAt, Integer modelUnitsBuilt, Integer modelUnitsRecognised, Integer modelsInOperation,
      String rating) {}

  @Transactional(readOnly = true)
  public List<UnitLine> unitLines(String campaignCode) {
    return reports.byCampaign(campaignCode).stream()
        .sorted(java.util.Comparator.comparing(UnitReport::getId))
        .map(unit -> {
          boolean accepted = unit.getStatus() == UnitStatus.ACCEPTED;
          String timeliness = unit.getFirstSubmittedAt() == null
              ? (unit.getStatus() == UnitStatus.NOT_SUBMITTED ? "Không gửi" : "Chưa gửi")
              : Boolean.TRUE.equals(unit.getSubmittedOnTime()) ? "Đúng hạn" : "Quá hạn";
          return new UnitLine(unit.getUnitCode(), unit.getUnitName(), unit.getStatus().label(), timeliness,
              unit.getFirstSubmittedAt(), accepted ? unit.getModelUnitsBuilt() : null,
              accepted ? unit.getModelUnitsRecognised() : null, accepted ? unit.getModelsInOperation() : null,
              unit.getRating() == null ? null : unit.getRating().label());
        }).toList();
  }

  @Transactional(readOnly = true)
  public Optional<ProvincialReport> find(String campaignCode) {
    return provincialReports.findByCampaignCode(campaignCode);
  }

  /** Saves PV01's conclusions and commendations; refuses them, changing nothing, when too long. */
  public ProvincialReport write(String campaignCode, String conclusions, String commendations, String userId) {
    List<String> problems = new ArrayList<>();
    if (conclusions != null && conclusions.length() > ReportSection.MAX_LENGTH) {
      problems.add("phần kết luận dài quá " + ReportSection.MAX_LENGTH + " ký tự");
    }
    if (commendations != null && commendations.length() > ReportSection.MAX_LENGTH) {
      problems.add("phần đề xuất khen thưởng dài quá " + ReportSection.MAX_LENGTH + " ký tự");
    }
    InvalidInputException.throwIfAny(problems);
    ProvincialReport report = provincialReports.findByCampaignCode(campaignCode)
        .orElseThrow(() -> new InvalidInputException("chưa có dự thảo báo cáo toàn tỉnh của đợt " + campaignCode));
    report.written(conclusions, commendations, userId, VietnamTime.nowInstant());
    return report;
  }

  /** What the provincial report still lacks before approval; empty when complete. */
  @Transactional(readOnly = true)
  public List<String> missingParts(String campaignCode) {
    Optional<ProvincialReport> report = find(campaignCode);
    if (report.isEmpty()) {
      return List.of("chưa có dự thảo báo cáo toàn tỉnh");
    }
    String conclusions = report.get().getConclusions();
    return conclusions == null || conclusions.isBlank() ? List.of("chưa viết phần kết luận") : List.of();
  }
}
