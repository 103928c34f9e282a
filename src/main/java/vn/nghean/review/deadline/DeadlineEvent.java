package vn.nghean.review.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import vn.nghean.review.shared.KeyBlocks;

/** One reminder, escalation or explanation, kept with the unit's record: who, when, what level. */
@Entity
@Table(name = "deadline_event", indexes = @Index(name = "idx_deadline_event_unit", columnList = "campaignCode, unitCode"))
public class DeadlineEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deadline_event_seq")
  @SequenceGenerator(name = "deadline_event_seq", sequenceName = "deadline_event_seq", allocationSize = KeyBlocks.SIZE)
  private Long id;

  @Column(nullable = false, length = 40) private String campaignCode;
  /** Null for campaign-wide events. */
  @Column(length = 20) private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private DeadlineKind kind;

  private int level;
  @Column(nullable = false) private Instant occurredAt;
  /** The roles told ({@link vn.nghean.review.identity.Role}), never their addresses. */
  @Column(length = 4000) private String recipients;
  /** A reminder whose moment had passed when the unit's round began is recorded, not sent. */
  private boolean skipped;
  /** Who asked or answered (an explanation request, an explanation); null for the ladder's own events. */
  @Column(length = 64) private String actor;
  /** The date the unit committed to in an explanation. */
  private Instant committedDate;
  /** A person's words (at most {@link #NOTE_MAX_LENGTH}) or the ladder's own short remark. */
  @Column(length = NOTE_MAX_LENGTH) private String note;

  /** The longest text a person may give with an event: the limit of the forms and the API that take it. */
  public static final int NOTE_MAX_LENGTH = 4000;

  protected DeadlineEvent() {}

  DeadlineEvent(String campaignCode, String unitCode, DeadlineKind kind, int level, Instant occurredAt,
      String recipients, boolean skipped, String actor, Instant committedDate, String note) {
    if (note != null && note.length() > NOTE_MAX_LENGTH) {
      throw new IllegalArgumentException("A note of " + note.length() + " characters: the limit is checked where it enters");
    }
    this.campaignCode = campaignCode;
    this.unitCode = unitCode;
    this.kind = kind;
    this.level = level;
    this.occurredAt = occurredAt;
    this.recipients = recipients;
    this.skipped = skipped;
    this.actor = actor;
    this.committedDate = committedDate;
    this.note = note;
  }

  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public DeadlineKind getKind() { return kind; }
  public int getLevel() { return level; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getRecipients() { return recipients; }
  public boolean isSkipped() { return skipped; }
  public String getNote() { return note; }
  public String getActor() { return actor; }
  public Instant getCommittedDate() { return committedDate; }
}
