package vn.nghean.review.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers the outbox by SMTP, each notification in its own transaction, with exponential back-off
 * between attempts. A mail server that is down delays mail and loses none; after the last attempt
 * the notification is failed, logged and counted for operators.
 */
@Component
class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final NotificationRepository notifications;
  private final JavaMailSender mail;
  private final TransactionTemplate transactions;
  /** Records each message sent in one statement of its own (see {@link #recordSent}). */
  private final JdbcTemplate jdbc;
  /** The sender ({@code review.mail.from}), read once: an address, with a name if it has one. */
  private final InternetAddress from;
  /** The right-hand side of every Message-ID: the sender's domain. */
  private final String domain;
  /** The most notifications one claim takes. */
  private final int batchSize;
  private final int maxAttempts;
  private final Duration firstBackoff;
  /**
   * A node that claimed notifications and neither sent nor renewed them within this time is presumed
   * dead: while its messages go out, it renews its claim of the rest every sixth of this time.
   */
  private final Duration lease;
  private final Counter failures;
  private final Counter deliveries;
  private final boolean polling;
  /** How long one poll goes on claiming while claims come back full. */
  private final Duration drain;
  /** This node's part of every claim token, and the claims it has made. */
  private final String node = java.util.UUID.randomUUID().toString().substring(0, 8);
  private final java.util.concurrent.atomic.AtomicLong claims = new java.util.concurrent.atomic.AtomicLong();

  MailDispatcher(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
      TransactionTemplate transactions, JdbcTemplate jdbc, MeterRegistry meters,
      @Value("${review.mail.from}") String from,
      @Value("${review.mail.max-attempts}") int maxAttempts,
      @Value("${review.mail.first-backoff}") Duration firstBackoff,
      @Value("${review.mail.claim-lease}") Duration lease,
      @Value("${review.mail.batch-size:20}") int batchSize,
      @Value("${review.mail.polling:true}") boolean polling,
      @Value("${review.mail.drain:PT1M}") Duration drain) {
    this.notifications = notifications;
    this.mail = mail.getIfAvailable();
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.from = sender(from);
    String sender = this.from.getAddress();
    this.domain = sender.contains("@") ? sender.substring(sender.lastIndexOf('@') + 1) : "localhost";
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.lease = lease;
    this.polling = polling;
    this.drain = drain;
    this.failures = Counter.builder("review.notifications.failed")
        .description("Notifications whose every delivery attempt failed").register(meters);
    this.deliveries = Counter.builder("review.notifications.sent").register(meters);
    useAngusStreamProvider();
    Gauge.builder("review.notifications.pending", () -> notifications.countByState(DeliveryState.PENDING))
        .description("Notifications waiting for delivery").register(meters);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void announce() {
    if (mail == null) {
      LOG.warn("Mail is off: no SMTP server is configured (spring.mail.host). Notifications are kept and "
          + "readable in the application, and will be sent once a server is configured.");
    } else {
      LOG.info("Mail is on: notifications are delivered by SMTP from {}", from.toUnicodeString());
    }
  }

  /** The outbox's schedule ({@code review.mail.poll-interval}), unless polling is off. */
  @Scheduled(fixedDelayString = "${review.mail.poll-interval}", initialDelayString = "${review.mail.poll-interval}")
  void poll() {
    if (polling) {
      drain();
    }
  }

  /**
   * Claims and sends again while each claim comes back full, for at most {@code review.mail.drain}:
   * the mail of a campaign's start (three notifications a unit, 300,000 for a national campaign) goes
   * out at the mail server's pace, not one claim per poll interval (20 mails in 10 s, which would
   * have taken 42 hours; docs/performance.md, "100,000 units"). A stopping node (its scheduler
   * interrupts the poll) stops after the claim in hand.
   *
   * @return the notifications claimed
   */
  int drain() {
    long until = System.nanoTime() + drain.toNanos();
    int claimed = 0;
    int last;
    do {
      last = dispatch();
      claimed += last;
    } while (last == batchSize && System.nanoTime() < until && !Thread.currentThread().isInterrupted());
    return claimed;
  }

  /**
   * Sends what is due, a claim at most ({@code review.mail.batch-size}): one transaction claims the
   * due notifications (several nodes may poll at once; each row goes to one claim), then the mail goes
   * out one message at a time over one connection to the server, and each message the server accepts
   * is recorded sent at once, in a short transaction that also renews the claim of the rest once a
   * sixth of its lease has gone by since the claim or its last renewal (a claim sent in seconds is
   * never renewed: renewing it with every message rewrote the rest of its rows each time, 190 row
   * versions for a claim of 20; docs/performance.md). So a node
   * that dies in the middle of a claim leaves at most the one message in flight to be sent again (the
   * server may have taken it before the node could record it), and the rest of its claim waits only
   * for the lease ({@code review.mail.claim-lease}) to run out since its last renewal. Every message
   * carries a {@code Message-ID} made of its notification's identity, so a repeat is the same message
   * to its receiver.
   *
   * @return the notifications this call claimed (sent, or failed and rescheduled); one that another
   *     node or thread claimed first is not counted
   */
  int dispatch() {
    if (mail == null) {
      return 0;
    }
    String token = node + "-" + claims.incrementAndGet();
    List<Notification> claimed = claim(token);
    if (claimed.isEmpty()) {
      return 0;
    }
    send(token, claimed);
    return claimed.size();
  }

  /** The due notifications this claim took, in one transaction; none when another claim took them first. */
  private List<Notification> claim(String token) {
    try {
      return transactions.execute(status -> {
        Instant now = Instant.now();
        List<Long> due = notifications.findDue(now, now.minus(lease), batchSize);
        if (due.isEmpty() || notifications.claim(due, now, now.minus(lease), token) == 0) {
          return List.<Notification>of();
        }
        return notifications.findByClaimTokenOrderById(token);
      });
    } catch (ConcurrencyFailureException e) {
      LOG.debug("Outbox claim {} lost to another node: {}", token, e.getMessage());
      return List.of();
    }
  }

  /**
   * Sends the claim's mail over one connection, recording each message as the server answers it;
   * stops when the claim is no longer this node's (its lease ran out and another node took the rest).
   */
  private void send(String token, List<Notification> claimed) {
    long renewed = System.nanoTime();
    try (Connection connection = connect()) {
      for (int i = 0; i < claimed.size(); i++) {
        Notification notification = claimed.get(i);
        // The lease must outlast one message (the SMTP timeouts) after the last renewal.
        boolean renew = System.nanoTime() - renewed >= lease.toNanos() / 6;
        if (renew) {
          renewed = System.nanoTime();
        }
        Exception failure = null;
        try {
          connection.send(mime(notification));
        } catch (MessagingException | MailException e) {
          failure = e;
          if (!connection.isOpen()) {
            // The connection is lost: this message and the rest wait for their next attempt.
            for (Notification rest : claimed.subList(i, claimed.size())) {
              recordFailure(token, rest.getId(), e, false);
            }
            return;
          }
        }
        boolean stillOurs = failure == null ? recordSent(token, notification, renew)
            : recordFailure(token, notification.getId(), failure, renew);
        if (!stillOurs) {
          LOG.warn("Outbox claim {} expired after {} of {} notifications; another node sends the rest", token, i,
              claimed.size());
          return;
        }
      }
    } catch (MessagingException | MailException e) {
      // No connection at all: every notification of the claim waits for its next attempt.
      for (Notification notification : claimed) {
        recordFailure(token, notification.getId(), e, false);
      }
    }
  }

  /** A message of the claim that the server accepted. */
  private static final String SENT = "update notification set state = 'SENT', sent_at = ?, attempts = attempts + 1,"
      + " last_error = null, version = version + 1 where id = ? and claim_token = ? and state = 'SENDING'";

  /**
   * One message the server accepted: recorded sent in one plain SQL statement that commits on its own;
   * for an invitation, in one transaction with its secret link struck from the outbox
   * ({@link Notification#strikeSecret}); then, when {@code renew}, the rest of the claim's lease renewed.
   * Plain SQL, not the repository's JPQL: Hibernate translated that update anew for every message (its
   * {@code in} list), and cleared and flushed around it, half of the sending thread's time in a
   * 500-unit run (docs/performance.md, "The record found by its id, and each mail recorded in one
   * statement"). A node dying before the renewal leaves its claim's lease unrenewed, which is what
   * dying does.
   */
  private boolean recordSent(String token, Notification notification, boolean renew) {
    Instant now = Instant.now();
    Long id = notification.getId();
    boolean ours = notification.getKind().carriesSecret()
        ? Boolean.TRUE.equals(transactions.execute(status -> markSentStrikingSecret(token, id, now)))
        : markSent(token, id, now);
    if (ours && renew) {
      transactions.executeWithoutResult(status -> notifications.renewClaim(token, now));
    }
    deliveries.increment();
    return ours;
  }

  /** An invitation: recorded sent and its secret link struck, in the caller's transaction. */
  private boolean markSentStrikingSecret(String token, Long id, Instant now) {
    if (!markSent(token, id, now)) {
      return false;
    }
    notifications.findById(id).ifPresent(Notification::strikeSecret);
    return true;
  }

  /** Records one message of the claim sent; in the caller's transaction if there is one (JDBC joins it). */
  private boolean markSent(String token, Long id, Instant now) {
    return jdbc.update(SENT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id, token) == 1;
  }

  /** One message the server refused, or that never reached it: a failed attempt, unless the claim is gone. */
  private boolean recordFailure(String token, Long id, Exception error, boolean renew) {
    Boolean ours = transactions.execute(status -> {
      Instant now = Instant.now();
      boolean found = notifications.findById(id).filter(n -> token.equals(n.getClaimToken())
          && n.getState() == DeliveryState.SENDING).map(notification -> {
            failedAttempt(notification, error.getMessage(), now);
            return true;
          }).orElse(false);
      if (found && renew) {
        notifications.renewClaim(token, now);
      }
      return found;
    });
    return Boolean.TRUE.equals(ours);
  }

  /** A connection to the SMTP server for one claim's messages. */
  private interface Connection extends AutoCloseable {
    void send(MimeMessage message) throws MessagingException;

    boolean isOpen();

    @Override
    void close() throws MessagingException;
  }

  private Connection connect() throws MessagingException {
    if (mail instanceof JavaMailSenderImpl smtp) {
      Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
      transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
      return new Connection() {
        @Override
        public void send(MimeMessage message) throws MessagingException {
          message.saveChanges();
          transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public boolean isOpen() {
          return transport.isConnected();
        }

        @Override
        public void close() throws MessagingException {
          transport.close();
        }
      };
    }
    // Another sender (none in this application today): one message per call.
    return new Connection() {
      @Override
      public void send(MimeMessage message) {
        mail.send(message);
      }

      @Override
      public boolean isOpen() {
        return true;
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  /** Records a failed attempt: tried again after a back-off that doubles each time, failed after the last. */
  private void failedAttempt(Notification notification, String error, Instant now) {
    Long id = notification.getId();
    boolean last = notification.getAttempts() + 1 >= maxAttempts;
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(notification.getAttempts(), 16));
    notification.failed(error, now.plus(wait), last);
    if (last) {
      failures.increment();
      LOG.error("Notification {} to {} failed after {} attempts, last error: {}", id,
          notification.getRecipientEmail(), notification.getAttempts(), error);
    } else {
      LOG.warn("Notification {} to {}: attempt {} failed ({}), next at {}", id, notification.getRecipientEmail(),
          notification.getAttempts(), error, notification.getNextAttemptAt());
    }
  }

  /**
   * The notification as a message, built with Jakarta Mail itself. Not with Spring's
   * {@code MimeMessageHelper}: given a message of ours (the stable {@code Message-ID} below), its
   * constructor builds a new file-type map each time, reading {@code mime.types} from the class path
   * and searching it for a registry: half of the sending thread's time in a 500-unit run
   * (docs/performance.md, "The mail without a class-path search per message"). What the helper did
   * with a plain-text message is this: the sender, the recipient parsed as one address, subject and
   * text in UTF-8.
   */
  MimeMessage mime(Notification notification) throws MessagingException {
    Session session = mail instanceof JavaMailSenderImpl smtp ? smtp.getSession() : Session.getInstance(new Properties());
    MimeMessage message = new StableIdMessage(session, messageId(notification));
    message.setFrom(from);
    message.setRecipient(RecipientType.TO, address(notification.getRecipientEmail()));
    message.setSubject(notification.getSubject(), UTF_8);
    message.setText(notification.getBody(), UTF_8);
    return message;
  }

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  /** One mail address, its name (if any) encoded in UTF-8; anything else is an {@link AddressException}. */
  static InternetAddress address(String text) throws AddressException {
    InternetAddress[] parsed = InternetAddress.parse(text == null ? "" : text);
    if (parsed.length != 1) {
      throw new AddressException("Not one mail address", text);
    }
    try {
      return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /** The sender the operator configured; the application does not start with one that is not an address. */
  static InternetAddress sender(String text) {
    try {
      return address(text);
    } catch (AddressException e) {
      throw new IllegalArgumentException("review.mail.from (REVIEW_MAIL_FROM) is not one mail address: \"" + text
          + "\" (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Names Angus Mail's stream provider for Jakarta Mail, unless the operator named one (a {@code -D}
   * on the command line): without the property, Jakarta Mail looks the provider up again, through
   * {@code ServiceLoader} and every jar of the class path, for each header it encodes or decodes,
   * several times a message (jakartaee/mail-api#861, open). Angus Mail's is the one that search finds.
   *
   * @return whether it set the property
   */
  static boolean useAngusStreamProvider() {
    String property = StreamProvider.class.getName();
    if (System.getProperty(property) != null) {
      return false;
    }
    System.setProperty(property, MailStreamProvider.class.getName());
    return true;
  }

  /**
   * The notification's {@code Message-ID}: the same on every attempt, on every node, so that a
   * message sent again (the server took it, the node died before recording it) is recognisably the
   * same message; its row's id and creation time make it unique to this database's outbox.
   */
  String messageId(Notification notification) {
    return "<so-ket." + notification.getId() + "." + notification.getCreatedAt().toEpochMilli() + "@" + domain + ">";
  }

  /** A message whose {@code Message-ID} is given, not drawn at random when it is saved. */
  private static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
