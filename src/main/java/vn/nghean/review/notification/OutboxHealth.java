package vn.nghean.review.notification;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Health of the notification outbox and its mail server. A mail server that is down only delays
 * mail, so it reports UNKNOWN, not DOWN: the application stays in service, and the figures show
 * operators what waits.
 */
@Component("outbox")
class OutboxHealth extends AbstractHealthIndicator {

  private final NotificationRepository notifications;
  private final JavaMailSender mail;

  OutboxHealth(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail) {
    this.notifications = notifications;
    this.mail = mail.getIfAvailable();
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health.withDetail("pending", notifications.countByState(DeliveryState.PENDING))
        .withDetail("failed", notifications.countByState(DeliveryState.FAILED));
    if (mail == null) {
      health.status(Status.UNKNOWN).withDetail("mail", "off");
    } else if (mail instanceof JavaMailSenderImpl smtp) {
      try {
        smtp.testConnection();
        health.up().withDetail("mail", "reachable");
      } catch (MessagingException e) {
        health.status(Status.UNKNOWN).withDetail("mail", "unreachable: " + e.getMessage());
      }
    } else {
      health.up();
    }
  }
}
