package vn.nghean.review.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineEventRepository extends JpaRepository<DeadlineEvent, Long> {

  List<DeadlineEvent> findByCampaignCodeAndUnitCodeOrderByOccurredAtAscIdAsc(String campaignCode, String unitCode);
}
