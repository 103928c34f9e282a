package vn.nghean.review.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  /** Due for an attempt: pending and its time has come, or claimed by a node whose lease ran out. */
  @Query("select n.id from Notification n where (n.state = 'PENDING' and n.nextAttemptAt <= ?1)"
      + " or (n.state = 'SENDING' and n.claimedAt < ?2) order by n.id")
  List<Long> findDue(Instant now, Instant leaseExpiredBefore, Pageable page);

  List<Notification> findByRecipientUserIdOrderByCreatedAtDescIdDesc(String userId, Pageable page);

  List<Notification> findByStateOrderByCreatedAtDesc(DeliveryState state, Pageable page);

  long countByState(DeliveryState state);

  /** What the outbox holds about one unit of a campaign (or, with a null unit, the campaign itself). */
  List<Notification> findByCampaignCodeAndUnitCodeOrderById(String campaignCode, String unitCode);

  List<Notification> findByCampaignCodeOrderById(String campaignCode);
}
