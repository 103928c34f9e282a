package vn.nghean.review.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.shared.VietnamTime;

/**
 * Writes notifications to the outbox. It joins the transaction of the process step that causes
 * them: a step that rolls back leaves no notification, so none is ever sent for it.
 */
@Service
public class NotificationService {

  private final NotificationRepository notifications;

  public NotificationService(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** One row per distinct recipient (by address, else by user). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int send(Message message, Collection<Recipient> recipients) {
    Map<String, Recipient> distinct = new LinkedHashMap<>();
    for (Recipient recipient : recipients) {
      String key = recipient.email() != null && !recipient.email().isBlank()
          ? recipient.email().toLowerCase(Locale.ROOT) : "user:" + recipient.userId();
      distinct.merge(key, recipient, (a, b) -> a.userId() != null ? a : b);
    }
    distinct.values().forEach(r -> notifications.save(new Notification(message, r, VietnamTime.nowInstant())));
    return distinct.size();
  }
}
