package vn.nghean.review.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;

/** A user's own notifications, newest first; operators also see failed deliveries. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  static final int PAGE = 200;

  private final NotificationRepository notifications;

  NotificationController(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  List<NotificationView> mine(@AuthenticationPrincipal CurrentUser user) {
    return notifications.findByRecipientUserIdOrderByCreatedAtDescIdDesc(user.id(), PageRequest.of(0, PAGE)).stream()
        .map(NotificationView::of).toList();
  }

  @GetMapping("/failed")
  List<NotificationView> failed() {
    return notifications.findByStateOrderByCreatedAtDesc(DeliveryState.FAILED, PageRequest.of(0, PAGE)).stream()
        .map(NotificationView::of).toList();
  }

  record NotificationView(Long id, NotificationKind kind, String subject, String body, String link,
      String campaignCode, String unitCode, Instant createdAt, String recipientEmail, DeliveryState state,
      int attempts, String lastError) {
    static NotificationView of(Notification n) {
      return new NotificationView(n.getId(), n.getKind(), n.getSubject(), n.getBody(), n.getLink(),
          n.getCampaignCode(), n.getUnitCode(), n.getCreatedAt(), n.getRecipientEmail(), n.getState(),
          n.getAttempts(), n.getLastError());
    }
  }
}
