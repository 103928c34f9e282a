package vn.nghean.review.progress;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitReport;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.system.NotFoundException;

/**
 * Where every unit of a campaign stands, with the four counts of Vietnamese government task
 * tracking: done on time, done late, open within the deadline, open and overdue.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

  private final CampaignService campaigns;
  private final ReportService reports;

  public ProgressService(CampaignService campaigns, ReportService reports) {
    this.campaigns = campaigns;
    this.reports = reports;
  }

  /** The four counts; "done" means the report was submitted. */
  public enum Tracking {
    DONE_ON_TIME("Hoàn thành đúng hạn"),
    DONE_LATE("Hoàn thành quá hạn"),
    OPEN_WITHIN_DEADLINE("Đang thực hiện trong hạn"),
    OPEN_OVERDUE("Đang thực hiện quá hạn");

    private final String label;

    Tracking(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record UnitProgress(String unitCode, String unitName, String status, String statusLabel, Tracking tracking,
      String trackingLabel, Instant firstSubmittedAt, Boolean submittedOnTime, boolean overdue, int escalationCount,
      String rating, String processInstanceId) {}

  public record Counts(long doneOnTime, long doneLate, long openWithinDeadline, long openOverdue) {}

  public record CampaignProgress(String campaignCode, String title, Instant reportDeadline, Counts counts,
      List<UnitProgress> units) {}

  public CampaignProgress of(String campaignCode) {
    Campaign campaign = campaigns.find(campaignCode)
        .orElseThrow(() -> new NotFoundException("Không có đợt sơ kết " + campaignCode));
    Instant now = VietnamTime.nowInstant();
    List<UnitProgress> units = reports.byCampaign(campaignCode).stream()
        .map(report -> unit(report, tracking(report, campaign.getReportDeadline(), now))).toList();
    Counts counts = new Counts(count(units, Tracking.DONE_ON_TIME), count(units, Tracking.DONE_LATE),
        count(units, Tracking.OPEN_WITHIN_DEADLINE), count(units, Tracking.OPEN_OVERDUE));
    return new CampaignProgress(campaignCode, campaign.getTitle(), campaign.getReportDeadline(), counts, units);
  }

  static Tracking tracking(UnitReport report, Instant deadline, Instant now) {
    if (report.getFirstSubmittedAt() != null) {
      return Boolean.TRUE.equals(report.getSubmittedOnTime()) ? Tracking.DONE_ON_TIME : Tracking.DONE_LATE;
    }
    return report.getStatus() == UnitStatus.NOT_SUBMITTED || !now.isBefore(deadline)
        ? Tracking.OPEN_OVERDUE : Tracking.OPEN_WITHIN_DEADLINE;
  }

  private static UnitProgress unit(UnitReport report, Tracking tracking) {
    return new UnitProgress(report.getUnitCode(), report.getUnitName(), report.getStatus().name(),
        report.getStatus().label(), tracking, tracking.label(), report.getFirstSubmittedAt(),
        report.getSubmittedOnTime(), report.isOverdue(), report.getEscalationCount(),
        report.getRating() == null ? null : report.getRating().label(), report.getProcessInstanceId());
  }

  private static long count(List<UnitProgress> units, Tracking tracking) {
    return units.stream().filter(u -> u.tracking() == tracking).count();
  }
}
