package vn.nghean.review.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  /**
   * Due for an attempt, at most {@code limit}: first those claimed by a node whose lease ran out, then
   * the pending whose time has come, the longest waiting first. Two queries, each answered by its own
   * index ({@code idx_notification_claimed}, {@code idx_notification_due}) and stopping at the limit:
   * one query with an {@code or}, in the order of the ids, walked the primary key over every
   * notification already sent, so that each claim read more than the one before (at 100,000 units, 29
   * ms per claim after the first 2,000 mails of 300,000; docs/performance.md).
   */
  default List<Long> findDue(Instant now, Instant leaseExpiredBefore, int limit) {
    List<Long> due = new ArrayList<>(findAbandoned(leaseExpiredBefore, PageRequest.of(0, limit)));
    if (due.size() < limit) {
      due.addAll(findPending(now, PageRequest.of(0, limit - due.size())));
    }
    return due;
  }

  @Query("select n.id from Notification n where n.state = 'SENDING' and n.claimedAt < ?1 order by n.claimedAt")
  List<Long> findAbandoned(Instant leaseExpiredBefore, Pageable page);

  @Query("select n.id from Notification n where n.state = 'PENDING' and n.nextAttemptAt <= ?1"
      + " order by n.nextAttemptAt")
  List<Long> findPending(Instant now, Pageable page);

  /**
   * Takes those of {@code ids} that are still due for this claim: each row can be taken by one claim
   * only (the condition is read again under the row's lock), whatever runs at the same time.
   */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.state = 'SENDING', n.claimedAt = :at, n.claimToken = :token,"
      + " n.version = n.version + 1 where n.id in :ids and ((n.state = 'PENDING' and n.nextAttemptAt <= :at)"
      + " or (n.state = 'SENDING' and n.claimedAt < :leaseExpiredBefore))")
  int claim(@Param("ids") List<Long> ids, @Param("at") Instant at,
      @Param("leaseExpiredBefore") Instant leaseExpiredBefore, @Param("token") String token);

  List<Notification> findByClaimTokenOrderById(String claimToken);

  /** Renews the lease of a claim's notifications not yet sent: the node that holds it is alive. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update Notification n set n.claimedAt = :at where n.claimToken = :token and n.state = 'SENDING'")
  int renewClaim(@Param("token") String token, @Param("at") Instant at);

  List<Notification> findByRecipientUserIdOrderByCreatedAtDescIdDesc(String userId, Pageable page);

  List<Notification> findByStateOrderByCreatedAtDesc(DeliveryState state, Pageable page);

  long countByState(DeliveryState state);

  /** What the outbox holds about one unit of a campaign (or, with a null unit, the campaign itself). */
  List<Notification> findByCampaignCodeAndUnitCodeOrderById(String campaignCode, String unitCode);

  List<Notification> findByCampaignCodeOrderById(String campaignCode);
}
