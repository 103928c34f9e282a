package vn.nghean.review.campaign;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One review plan, e.g. SK-2023-2024: its deadlines and participating units. */
@Entity
@Table(name = "campaign")
public class Campaign {

  @Id
  @Column(length = 40)
  private String code;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(nullable = false, length = 40)
  private String period;

  @Column(nullable = false) private Instant reportDeadline;
  @Column(nullable = false) private Instant synthesisCutoff;
  @Column(nullable = false) private Instant conferenceDeadline;

  /** Comma-separated unit codes, in registry order; room for a national campaign of 100,000 units. */
  @Column(nullable = false, length = 1_000_000)
  private String unitCodes;

  /** How many units take part: the length of {@link #unitCodes}. */
  @Column(nullable = false, updatable = false)
  private int unitCount;

  /**
   * How many units' reviews have ended; only {@link CampaignRepository#countClosedUnit} writes it,
   * one atomic increment per unit, so that units ending at the same moment are all counted.
   */
  @Column(nullable = false, insertable = false, updatable = false)
  private int closedUnits;

  @Column(length = 64) private String processInstanceId;
  @Column(length = 64) private String startedBy;
  private Instant startedAt;
  private Instant closedAt;

  protected Campaign() {}

  Campaign(CampaignPlan plan, String processInstanceId, String startedBy, Instant startedAt) {
    this.code = plan.code();
    this.title = plan.title();
    this.period = plan.period();
    this.reportDeadline = plan.reportDeadline().toInstant();
    this.synthesisCutoff = plan.synthesisCutoff().toInstant();
    this.conferenceDeadline = plan.conferenceDeadline().toInstant();
    this.unitCodes = String.join(",", plan.unitCodes());
    this.unitCount = plan.unitCodes().size();
    this.processInstanceId = processInstanceId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void closed(Instant at) {
    this.closedAt = at;
  }

  public List<String> unitCodeList() {
    return Arrays.asList(unitCodes.split(","));
  }

  public String getCode() { return code; }
  public String getTitle() { return title; }
  public String getPeriod() { return period; }
  public Instant getReportDeadline() { return reportDeadline; }
  public Instant getSynthesisCutoff() { return synthesisCutoff; }
  public Instant getConferenceDeadline() { return conferenceDeadline; }
  public int getUnitCount() { return unitCount; }
  public int getClosedUnits() { return closedUnits; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getClosedAt() { return closedAt; }
}
