package vn.nghean.review.record;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportDecisionRepository extends JpaRepository<ReportDecision, Long> {

  List<ReportDecision> findByCampaignCodeAndUnitCodeOrderByDecidedAt(String campaignCode, String unitCode);
}
