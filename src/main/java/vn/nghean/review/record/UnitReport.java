package vn.nghean.review.record;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.hibernate.annotations.NaturalId;

import vn.nghean.review.shared.KeyBlocks;

/**
 * One unit's record in one campaign: its status, its submission and evaluation, and its report
 * text. Report text is business data kept here, never in process variables.
 */
@Entity
// A status change writes the status, not the 50,000-character sections again (docs/performance.md).
@org.hibernate.annotations.DynamicUpdate
@Table(name = "unit_report", uniqueConstraints = @UniqueConstraint(columnNames = {"campaign_code", "unit_code"}))
// The long texts in a table of their own: the statuses the progress view and every process step read
// and write stay small rows, whatever the length of the report (docs/performance.md).
@SecondaryTable(name = UnitReport.TEXT_TABLE, pkJoinColumns = @PrimaryKeyJoinColumn(name = "report_id"))
public class UnitReport {

  static final String TEXT_TABLE = "unit_report_text";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_report_seq")
  @SequenceGenerator(name = "unit_report_seq", sequenceName = "unit_report_seq", allocationSize = KeyBlocks.SIZE)
  private Long id;

  @Version
  private long version;

  // The record's key for every step (ReportService.find): a natural id, which Hibernate resolves from
  // the entities a transaction already holds before it asks the database.
  @NaturalId
  @Column(name = "campaign_code", nullable = false, length = 40)
  private String campaignCode;

  @NaturalId
  @Column(name = "unit_code", nullable = false, length = 20)
  private String unitCode;

  @Column(nullable = false, length = 200)
  private String unitName;

  @Column(length = 64)
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private UnitStatus status = UnitStatus.NOT_STARTED;

  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String leadership;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String advisory;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String coordination;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String results;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String goodPractices;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String assessment;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String recommendations;
  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH) private String directions;

  private Integer modelUnitsBuilt;
  private Integer modelUnitsRecognised;
  private Integer modelsInOperation;

  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH)
  private String nominations;

  private Instant updatedAt;
  @Column(length = 64) private String updatedBy;

  private Instant firstSubmittedAt;
  private Instant lastSubmittedAt;
  private Boolean submittedOnTime;
  private int submissionCount;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Rating rating;

  @Column(table = TEXT_TABLE, length = ReportSection.MAX_LENGTH)
  private String selectedPractices;

  private Instant acceptedAt;
  private boolean closedAtCutoff;

  /**
   * Due date of the current round: the report deadline, then PV01's revision date. The timers and
   * task due dates of the unit's review read it from here (design section 9).
   */
  private Instant dueAt;
  /** When the current round of preparation began: a reminder due before it is skipped, not sent. */
  private Instant roundStartedAt;
  /** When the unit's review ended (accepted, closed at the cut-off or cancelled): counted once. */
  private Instant endedAt;

  /** Past the due date of its round without submitting; cleared when a new round begins. */
  private boolean overdue;
  private int escalationCount;
  @Column(length = 4000) private String explanationReason;
  private Instant explanationCommittedDate;
  private Instant explainedAt;

  protected UnitReport() {}

  public UnitReport(String campaignCode, String unitCode, String unitName, String processInstanceId, Instant dueAt) {
    this.campaignCode = campaignCode;
    this.unitCode = unitCode;
    this.unitName = unitName;
    this.processInstanceId = processInstanceId;
    this.dueAt = dueAt;
  }

  public String section(ReportSection section) {
    return switch (section) {
      case LEADERSHIP -> leadership;
      case ADVISORY -> advisory;
      case COORDINATION -> coordination;
      case RESULTS -> results;
      case GOOD_PRACTICES -> goodPractices;
      case ASSESSMENT -> assessment;
      case RECOMMENDATIONS -> recommendations;
      case DIRECTIONS -> directions;
    };
  }

  public Map<ReportSection, String> sections() {
    Map<ReportSection, String> all = new EnumMap<>(ReportSection.class);
    for (ReportSection section : ReportSection.values()) {
      all.put(section, section(section));
    }
    return all;
  }

  void setSection(ReportSection section, String text) {
    switch (section) {
      case LEADERSHIP -> leadership = text;
      case ADVISORY -> advisory = text;
      case COORDINATION -> coordination = text;
      case RESULTS -> results = text;
      case GOOD_PRACTICES -> goodPractices = text;
      case ASSESSMENT -> assessment = text;
      case RECOMMENDATIONS -> recommendations = text;
      case DIRECTIONS -> directions = text;
    }
  }

  void setFigures(Integer built, Integer recognised, Integer inOperation) {
    this.modelUnitsBuilt = built;
    this.modelUnitsRecognised = recognised;
    this.modelsInOperation = inOperation;
  }

  void setNominations(String nominations) {
    this.nominations = nominations;
  }

  void touched(String userId, Instant at) {
    this.updatedBy = userId;
    this.updatedAt = at;
  }

  void setStatus(UnitStatus status) {
    this.status = status;
  }

  /** Records a submission; the first one decides whether the unit reported on time. */
  void submitted(Instant at, boolean onTime) {
    if (firstSubmittedAt == null) {
      firstSubmittedAt = at;
      submittedOnTime = onTime;
    }
    lastSubmittedAt = at;
    submissionCount++;
    status = submittedOnTime ? UnitStatus.SUBMITTED_ON_TIME : UnitStatus.SUBMITTED_LATE;
  }

  void accepted(Instant at, Rating rating, String selectedPractices) {
    this.acceptedAt = at;
    this.rating = rating;
    this.selectedPractices = selectedPractices;
    this.status = UnitStatus.ACCEPTED;
  }

  void closedAtCutoff() {
    this.closedAtCutoff = true;
    if (firstSubmittedAt == null) {
      status = UnitStatus.NOT_SUBMITTED;
    }
  }

  void markedOverdue() {
    this.overdue = true;
  }

  void escalated() {
    this.escalationCount++;
  }

  void newRound(Instant dueAt) {
    this.dueAt = dueAt;
    this.overdue = false;
    this.escalationCount = 0;
  }

  void roundStarted(Instant at) {
    this.roundStartedAt = at;
  }

  void explained(String reason, Instant committedDate, Instant at) {
    this.explanationReason = reason;
    this.explanationCommittedDate = committedDate;
    this.explainedAt = at;
  }

  public Instant getDueAt() { return dueAt; }
  public Instant getRoundStartedAt() { return roundStartedAt; }
  public Instant getEndedAt() { return endedAt; }
  public boolean isOverdue() { return overdue; }
  public int getEscalationCount() { return escalationCount; }
  public String getExplanationReason() { return explanationReason; }
  public Instant getExplanationCommittedDate() { return explanationCommittedDate; }
  public Instant getExplainedAt() { return explainedAt; }
  public Long getId() { return id; }
  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public String getUnitName() { return unitName; }
  public String getProcessInstanceId() { return processInstanceId; }
  public UnitStatus getStatus() { return status; }
  public Integer getModelUnitsBuilt() { return modelUnitsBuilt; }
  public Integer getModelUnitsRecognised() { return modelUnitsRecognised; }
  public Integer getModelsInOperation() { return modelsInOperation; }
  public String getNominations() { return nominations; }
  public Instant getUpdatedAt() { return updatedAt; }
  public String getUpdatedBy() { return updatedBy; }
  public Instant getFirstSubmittedAt() { return firstSubmittedAt; }
  public Instant getLastSubmittedAt() { return lastSubmittedAt; }
  public Boolean getSubmittedOnTime() { return submittedOnTime; }
  public int getSubmissionCount() { return submissionCount; }
  public Rating getRating() { return rating; }
  public String getSelectedPractices() { return selectedPractices; }
  public Instant getAcceptedAt() { return acceptedAt; }
  public boolean isClosedAtCutoff() { return closedAtCutoff; }
}
