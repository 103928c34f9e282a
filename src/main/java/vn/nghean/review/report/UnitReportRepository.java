package vn.nghean.review.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitReportRepository extends JpaRepository<UnitReport, Long> {

  Optional<UnitReport> findByCampaignCodeAndUnitCode(String campaignCode, String unitCode);

  List<UnitReport> findByCampaignCodeOrderByUnitCode(String campaignCode);
}
