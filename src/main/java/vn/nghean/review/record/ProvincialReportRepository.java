package vn.nghean.review.record;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProvincialReportRepository extends JpaRepository<ProvincialReport, Long> {

  Optional<ProvincialReport> findByCampaignCode(String campaignCode);
}
