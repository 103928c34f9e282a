package vn.nghean.review.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
  private static final int BATCH = 50;

  private final NotificationRepository notifications;
  private final JavaMailSender mail;
  private final TransactionTemplate transactions;
  private final String from;
  private final int maxAttempts;
  private final Duration firstBackoff;
  /** A node that claimed a notification and did not finish within this time is presumed dead. */
  private final Duration lease;
  private final Counter failures;
  private final Counter deliveries;
  private final boolean polling;

  MailDispatcher(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
      TransactionTemplate transactions, MeterRegistry meters,
      @Value("${review.mail.from}") String from,
      @Value("${review.mail.max-attempts}") int maxAttempts,
      @Value("${review.mail.first-backoff}") Duration firstBackoff,
      @Value("${review.mail.claim-lease}") Duration lease,
      @Value("${review.mail.polling:true}") boolean polling) {
    this.notifications = notifications;
    this.mail = mail.getIfAvailable();
    this.transactions = transactions;
    this.from = from;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.lease = lease;
    this.polling = polling;
    this.failures = Counter.builder("review.notifications.failed")
        .description("Notifications whose every delivery attempt failed").register(meters);
    this.deliveries = Counter.builder("review.notifications.sent").register(meters);
    Gauge.builder("review.notifications.pending", () -> notifications.countByState(DeliveryState.PENDING))
        .description("Notifications waiting for delivery").register(meters);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void announce() {
    if (mail == null) {
      LOG.warn("Mail is off: no SMTP server is configured (spring.mail.host). Notifications are kept and "
          + "readable in the application, and will be sent once a server is configured.");
    } else {
      LOG.info("Mail is on: notifications are delivered by SMTP from {}", from);
    }
  }

  /** The outbox's schedule ({@code review.mail.poll-interval}), unless polling is off. */
  @Scheduled(fixedDelayString = "${review.mail.poll-interval}", initialDelayString = "${review.mail.poll-interval}")
  void poll() {
    if (polling) {
      dispatch();
    }
  }

  /**
   * Sends what is due, a batch at most.
   *
   * @return the notifications this call claimed (sent, or failed and rescheduled); one that another
   *     node or thread claimed first is not counted
   */
  int dispatch() {
    if (mail == null) {
      return 0;
    }
    Instant now = Instant.now();
    List<Long> due = notifications.findDue(now, now.minus(lease), PageRequest.of(0, BATCH));
    int claimedHere = 0;
    for (Long id : due) {
      Notification claimed = claim(id);
      if (claimed != null) {
        claimedHere++;
        transactions.executeWithoutResult(status -> deliver(claimed));
      }
    }
    return claimedHere;
  }

  /**
   * Takes the notification for this node in a transaction of its own: with several nodes on one
   * database, only one wins the row (optimistic locking), so only one sends it.
   */
  private Notification claim(Long id) {
    try {
      return transactions.execute(status -> {
        Notification notification = notifications.findById(id).orElse(null);
        Instant now = Instant.now();
        boolean free = notification != null && (notification.getState() == DeliveryState.PENDING
            || notification.getState() == DeliveryState.SENDING && notification.getClaimedAt().isBefore(now.minus(lease)));
        if (!free) {
          return null;
        }
        notification.claimed(now);
        return notifications.saveAndFlush(notification);
      });
    } catch (ObjectOptimisticLockingFailureException e) {
      LOG.debug("Notification {} claimed by another node", id);
      return null;
    }
  }

  private void deliver(Notification claimed) {
    Notification notification = notifications.findById(claimed.getId()).orElseThrow();
    try {
      mail.send(mime(notification));
      notification.sent(Instant.now());
      deliveries.increment();
    } catch (MailException | MessagingException e) {
      Long id = notification.getId();
      boolean last = notification.getAttempts() + 1 >= maxAttempts;
      Duration wait = firstBackoff.multipliedBy(1L << Math.min(notification.getAttempts(), 16));
      notification.failed(e.getMessage(), Instant.now().plus(wait), last);
      if (last) {
        failures.increment();
        LOG.error("Notification {} to {} failed after {} attempts, last error: {}", id,
            notification.getRecipientEmail(), notification.getAttempts(), e.getMessage());
      } else {
        LOG.warn("Notification {} to {}: attempt {} failed ({}), next at {}", id, notification.getRecipientEmail(),
            notification.getAttempts(), e.getMessage(), notification.getNextAttemptAt());
      }
    }
  }

  private MimeMessage mime(Notification notification) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(notification.getRecipientEmail());
    helper.setSubject(notification.getSubject());
    helper.setText(notification.getBody(), false);
    return message;
  }
}
