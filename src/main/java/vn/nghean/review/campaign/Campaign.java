package vn.nghean.review.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One review plan, e.g. SK-2023-2024: its deadlines and ladder; its units are its {@link CampaignUnit}s. */
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

  /** How many units take part: the number of its {@link CampaignUnit} rows. */
  @Column(nullable = false, updatable = false)
  private int unitCount;

  /**
   * How many units' reviews have ended; only {@link CampaignRepository#countClosedUnit} writes it,
   * one atomic increment per unit, so that units ending at the same moment are all counted.
   */
  @Column(nullable = false, insertable = false, updatable = false)
  private int closedUnits;

  /** The ladder's durations in days ({@link Ladder}); the database refuses a duration below one day. */
  @Column(nullable = false) private int firstReminderDays;
  @Column(nullable = false) private int secondReminderDays;
  @Column(nullable = false) private int escalationIntervalDays;
  @Column(nullable = false) private int evaluationDays;
  @Column(nullable = false) private int conferenceReminderDays;

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
    this.unitCount = plan.unitCodes().size();
    Ladder ladder = plan.ladder();
    this.firstReminderDays = ladder.firstReminderDays();
    this.secondReminderDays = ladder.secondReminderDays();
    this.escalationIntervalDays = ladder.escalationIntervalDays();
    this.evaluationDays = ladder.evaluationDays();
    this.conferenceReminderDays = ladder.conferenceReminderDays();
    this.processInstanceId = processInstanceId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void closed(Instant at) {
    this.closedAt = at;
  }

  public String getCode() { return code; }
  public String getTitle() { return title; }
  public String getPeriod() { return period; }
  public Instant getReportDeadline() { return reportDeadline; }
  public Instant getSynthesisCutoff() { return synthesisCutoff; }
  public Instant getConferenceDeadline() { return conferenceDeadline; }
  public int getUnitCount() { return unitCount; }
  public int getClosedUnits() { return closedUnits; }
  public Ladder getLadder() {
    return new Ladder(firstReminderDays, secondReminderDays, escalationIntervalDays, evaluationDays,
        conferenceReminderDays);
  }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getClosedAt() { return closedAt; }
}
