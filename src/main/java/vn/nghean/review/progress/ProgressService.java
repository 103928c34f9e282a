package vn.nghean.review.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignUnit;
import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReportSummary;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.UnitKind;
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
  private final DeadlineRecords deadlineRecords;

  public ProgressService(CampaignService campaigns, ReportService reports, DeadlineRecords deadlineRecords) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.deadlineRecords = deadlineRecords;
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

  /**
   * One unit's line, named, kinded and coded (its national code, for its shape on the map) as the
   * campaign took it when it started. {@code finished} means its review process has ended (accepted, or closed at the
   * synthesis cut-off), so Cockpit no longer shows it among running instances.
   */
  public record UnitProgress(String unitCode, String unitName, String status, String statusLabel, Tracking tracking,
      String trackingLabel, Instant firstSubmittedAt, Instant lastSubmittedAt, Boolean submittedOnTime,
      int submissionCount, boolean overdue, long reminderCount, long escalationCount, String rating,
      Instant acceptedAt, boolean finished, String processInstanceId, UnitKind kind, String gsoCode) {}

  public record Counts(long doneOnTime, long doneLate, long openWithinDeadline, long openOverdue) {

    public long total() {
      return doneOnTime + doneLate + openWithinDeadline + openOverdue;
    }
  }

  /** {@code startedAt} is where a chart of submissions over time begins, before anyone has submitted. */
  public record CampaignProgress(String campaignCode, String title, String period, Instant startedAt,
      Instant reportDeadline, Instant synthesisCutoff, boolean closed, String processInstanceId, Instant generatedAt,
      Counts counts, List<UnitProgress> units) {}

  /** A campaign with its counts only, for lists. */
  public record CampaignSummary(String campaignCode, String title, String period, Instant reportDeadline,
      boolean closed, String processInstanceId, Counts counts) {}

  public CampaignProgress of(String campaignCode) {
    Campaign campaign = campaigns.find(campaignCode)
        .orElseThrow(() -> new NotFoundException("Không có đợt sơ kết " + campaignCode));
    Instant now = VietnamTime.nowInstant();
    Map<String, Map<DeadlineKind, Long>> sent = deadlineRecords.sentPerUnit(campaignCode);
    Map<String, CampaignUnit> taken = campaigns.units(campaignCode).stream()
        .collect(java.util.stream.Collectors.toMap(CampaignUnit::getUnitCode, unit -> unit));
    List<UnitProgress> units = reports.summaries(campaignCode).stream()
        .map(report -> unit(report, tracking(report, campaign.getReportDeadline(), now),
            sent.getOrDefault(report.unitCode(), Map.of()), taken.get(report.unitCode())))
        .toList();
    return new CampaignProgress(campaignCode, campaign.getTitle(), campaign.getPeriod(), campaign.getStartedAt(),
        campaign.getReportDeadline(), campaign.getSynthesisCutoff(), campaign.getClosedAt() != null,
        campaign.getProcessInstanceId(), now, counts(units.stream().map(UnitProgress::tracking).toList()), units);
  }

  /** Every campaign, newest first, with its four counts (no reminders read: a list needs only the counts). */
  public List<CampaignSummary> campaigns() {
    Instant now = VietnamTime.nowInstant();
    return campaigns.all().stream().map(campaign -> new CampaignSummary(campaign.getCode(), campaign.getTitle(),
        campaign.getPeriod(), campaign.getReportDeadline(), campaign.getClosedAt() != null,
        campaign.getProcessInstanceId(), counts(reports.summaries(campaign.getCode()).stream()
            .map(report -> tracking(report, campaign.getReportDeadline(), now)).toList())))
        .toList();
  }

  static Tracking tracking(UnitReportSummary report, Instant deadline, Instant now) {
    if (report.firstSubmittedAt() != null) {
      return Boolean.TRUE.equals(report.submittedOnTime()) ? Tracking.DONE_ON_TIME : Tracking.DONE_LATE;
    }
    return report.status() == UnitStatus.NOT_SUBMITTED || !now.isBefore(deadline)
        ? Tracking.OPEN_OVERDUE : Tracking.OPEN_WITHIN_DEADLINE;
  }

  private static UnitProgress unit(UnitReportSummary report, Tracking tracking, Map<DeadlineKind, Long> sent,
      CampaignUnit taken) {
    return new UnitProgress(report.unitCode(), report.unitName(), report.status().name(),
        report.status().label(), tracking, tracking.label(), report.firstSubmittedAt(),
        report.lastSubmittedAt(), report.submittedOnTime(), report.submissionCount(), report.overdue(),
        sent.getOrDefault(DeadlineKind.REMINDER, 0L),
        sent.getOrDefault(DeadlineKind.OVERDUE, 0L) + sent.getOrDefault(DeadlineKind.ESCALATION, 0L),
        report.rating() == null ? null : report.rating().label(), report.acceptedAt(),
        report.status() == UnitStatus.ACCEPTED || report.closedAtCutoff(), report.processInstanceId(),
        taken == null ? null : taken.getKind(), taken == null ? null : taken.getGsoCode());
  }

  private static Counts counts(List<Tracking> trackings) {
    long[] counts = new long[Tracking.values().length];
    trackings.forEach(tracking -> counts[tracking.ordinal()]++);
    return new Counts(counts[0], counts[1], counts[2], counts[3]);
  }
}
