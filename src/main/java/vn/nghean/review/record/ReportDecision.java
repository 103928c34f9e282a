package vn.nghean.review.record;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One judgment of a report, kept with the unit's record: who decided what, when, and why. */
@Entity
@Table(name = "report_decision")
public class ReportDecision {

  /** Which judgment this was. */
  public enum Stage {
    LEADER_APPROVAL("Lãnh đạo đơn vị phê duyệt"),
    EVALUATION("PV01 thẩm định"),
    PROVINCIAL_APPROVAL("Lãnh đạo PV01 phê duyệt báo cáo toàn tỉnh");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final java.util.Map<String, String> DECISION_LABELS = java.util.Map.of(
      "APPROVE", "Phê duyệt", "RETURN", "Trả lại để chỉnh sửa", "ACCEPT", "Tiếp nhận",
      "REVISE", "Yêu cầu chỉnh sửa");

  /** The decision as users read it, e.g. "Yêu cầu chỉnh sửa" for {@code REVISE}. */
  public String decisionLabel() {
    return DECISION_LABELS.getOrDefault(decision, decision);
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String campaignCode;

  /** Null for the provincial report. */
  @Column(length = 20)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Stage stage;

  @Column(nullable = false, length = 20)
  private String decision;

  @Column(length = 4000)
  private String comment;

  @Column(length = 64)
  private String decidedBy;

  @Column(nullable = false)
  private Instant decidedAt;

  private Instant revisionDueAt;

  protected ReportDecision() {}

  public ReportDecision(String campaignCode, String unitCode, Stage stage, String decision, String comment,
      String decidedBy, Instant decidedAt, Instant revisionDueAt) {
    this.campaignCode = campaignCode;
    this.unitCode = unitCode;
    this.stage = stage;
    this.decision = decision;
    this.comment = comment;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.revisionDueAt = revisionDueAt;
  }

  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public Stage getStage() { return stage; }
  public String getDecision() { return decision; }
  public String getComment() { return comment; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public Instant getRevisionDueAt() { return revisionDueAt; }
}
