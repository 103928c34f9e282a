package vn.nghean.review.notification;

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
import jakarta.persistence.Version;

import vn.nghean.review.shared.KeyBlocks;

/**
 * One notification to one recipient: the outbox row written in the transaction of the step that
 * caused it, and the record of its delivery.
 */
@Entity
@Table(name = "notification", indexes = {
    @Index(name = "idx_notification_due", columnList = "state, nextAttemptAt"),
    @Index(name = "idx_notification_claimed", columnList = "state, claimedAt"),
    @Index(name = "idx_notification_user", columnList = "recipientUserId, createdAt")})
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = KeyBlocks.SIZE)
  private Long id;

  @Version
  private long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private NotificationKind kind;

  @Column(length = 64) private String recipientUserId;
  @Column(length = 200) private String recipientEmail;
  @Column(nullable = false, length = 300) private String subject;
  @Column(nullable = false, length = 10_000) private String body;
  @Column(length = 500) private String link;
  @Column(length = 40) private String campaignCode;
  @Column(length = 20) private String unitCode;
  @Column(nullable = false) private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private DeliveryState state = DeliveryState.PENDING;

  private int attempts;
  private Instant nextAttemptAt;
  @Column(length = 1000) private String lastError;
  private Instant sentAt;
  /** When a node claimed it for sending. */
  private Instant claimedAt;
  /** The claim that took it: every row of one claim carries the same token. */
  @Column(length = 40) private String claimToken;

  protected Notification() {}

  Notification(Message message, Recipient recipient, Instant at) {
    this.kind = message.kind();
    this.subject = message.subject();
    this.body = message.body();
    this.link = message.link();
    this.campaignCode = message.campaignCode();
    this.unitCode = message.unitCode();
    this.recipientUserId = recipient.userId();
    this.recipientEmail = recipient.email();
    this.createdAt = at;
    // The outbox runs on the wall clock, as SMTP servers do: written now, due now, whatever time
    // the engine's clock says it is (a test may have moved it days ahead to fire a timer).
    this.nextAttemptAt = Instant.now();
    if (recipient.email() == null || recipient.email().isBlank()) {
      // Nothing to deliver: the user reads it in the application.
      this.state = DeliveryState.SENT;
    }
  }

  /** Records a failed attempt; after the last one the notification is failed for good. */
  void failed(String error, Instant nextAttempt, boolean last) {
    attempts++;
    lastError = error == null ? "?" : error.substring(0, Math.min(error.length(), 1000));
    nextAttemptAt = nextAttempt;
    state = last ? DeliveryState.FAILED : DeliveryState.PENDING;
    if (last) {
      strikeSecret();
    }
  }

  /** What stands in a stored mail's text where its secret link was. */
  static final String STRUCK_LINK = "[đường dẫn dùng một lần: đã gửi qua thư, không lưu lại]";

  /**
   * Takes a secret link (an invitation's, {@link NotificationKind#carriesSecret}) out of the stored
   * notification once its mail has gone or never will: whoever reads the outbox afterwards, an
   * operator among them, finds nothing that sets a password.
   */
  void strikeSecret() {
    if (kind.carriesSecret() && link != null) {
      body = body.replace(link, STRUCK_LINK);
      link = null;
    }
  }

  public Long getId() { return id; }
  public NotificationKind getKind() { return kind; }
  public String getRecipientUserId() { return recipientUserId; }
  public String getRecipientEmail() { return recipientEmail; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public String getLink() { return link; }
  public String getCampaignCode() { return campaignCode; }
  public String getUnitCode() { return unitCode; }
  public Instant getCreatedAt() { return createdAt; }
  public DeliveryState getState() { return state; }
  public int getAttempts() { return attempts; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public String getLastError() { return lastError; }
  public String getClaimToken() { return claimToken; }
  public Instant getSentAt() { return sentAt; }
  public Instant getClaimedAt() { return claimedAt; }
}
