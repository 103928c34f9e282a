package vn.nghean.review.campaign;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CampaignUnitRepository extends JpaRepository<CampaignUnit, CampaignUnit.Key> {

  List<CampaignUnit> findByCampaignCodeOrderByOrdinal(String campaignCode);

  /** The codes of the units, in the campaign's order, a page at a time (one batch of unit starts). */
  @Query("select u.unitCode from CampaignUnit u where u.campaignCode = ?1 order by u.ordinal")
  List<String> codes(String campaignCode, Pageable page);

  @Query("select u.unitCode from CampaignUnit u where u.campaignCode = ?1 order by u.ordinal")
  List<String> codes(String campaignCode);
}
