package vn.nghean.review.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.mail.MailSendException;
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
  /** This node's part of every claim token, and the claims it has made. */
  private final String node = java.util.UUID.randomUUID().toString().substring(0, 8);
  private final java.util.concurrent.atomic.AtomicLong claims = new java.util.concurrent.atomic.AtomicLong();

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
   * Sends what is due, a batch at most, in two transactions whatever its size: one claims every due
   * notification it can (several nodes may poll at once; each row goes to one claim), the mail goes
   * out over one connection to the server, and one records how each was delivered. A node that dies
   * between the two leaves its claim to expire ({@code review.mail.claim-lease}): the batch is then
   * sent again, so a crash at that moment may send a batch's mail twice, and loses none.
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
    Map<Long, Exception> failed = send(claimed);
    Instant now = Instant.now();
    transactions.executeWithoutResult(status -> {
      List<Long> sent = claimed.stream().map(Notification::getId).filter(id -> !failed.containsKey(id)).toList();
      if (!sent.isEmpty()) {
        notifications.markSent(token, sent, now);
        deliveries.increment(sent.size());
      }
      for (Map.Entry<Long, Exception> failure : failed.entrySet()) {
        notifications.findById(failure.getKey()).filter(n -> token.equals(n.getClaimToken()))
            .ifPresent(notification -> failedAttempt(notification, failure.getValue().getMessage(), now));
      }
    });
    return claimed.size();
  }

  /** The due notifications this claim took, in one transaction; none when another claim took them first. */
  private List<Notification> claim(String token) {
    try {
      return transactions.execute(status -> {
        Instant now = Instant.now();
        List<Long> due = notifications.findDue(now, now.minus(lease), PageRequest.of(0, BATCH));
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

  /** Sends the claim's mail over one connection; returns the notifications the server did not take. */
  private Map<Long, Exception> send(List<Notification> claimed) {
    Map<Long, Exception> failed = new HashMap<>();
    Map<MimeMessage, Long> messages = new LinkedHashMap<>();
    for (Notification notification : claimed) {
      try {
        messages.put(mime(notification), notification.getId());
      } catch (MessagingException e) {
        failed.put(notification.getId(), e);
      }
    }
    if (messages.isEmpty()) {
      return failed;
    }
    try {
      mail.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      e.getFailedMessages().forEach((message, cause) -> {
        Long id = messages.get(message);
        if (id != null) {
          failed.put(id, cause);
        }
      });
      if (e.getFailedMessages().isEmpty()) {
        messages.values().forEach(id -> failed.put(id, e));
      }
    } catch (MailException e) {
      messages.values().forEach(id -> failed.put(id, e));
    }
    return failed;
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
