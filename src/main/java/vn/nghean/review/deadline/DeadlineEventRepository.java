package vn.nghean.review.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeadlineEventRepository extends JpaRepository<DeadlineEvent, Long> {

  List<DeadlineEvent> findByCampaignCodeAndUnitCodeOrderByOccurredAtAscIdAsc(String campaignCode, String unitCode);

  /** Reminders and escalations actually sent, counted per unit and kind: one row per (unit, kind). */
  @Query("select e.unitCode, e.kind, count(e) from DeadlineEvent e"
      + " where e.campaignCode = ?1 and e.unitCode is not null and e.skipped = false group by e.unitCode, e.kind")
  List<Object[]> countSentByUnitAndKind(String campaignCode);
}
