package vn.nghean.review.campaign;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignUnitRepository extends JpaRepository<CampaignUnit, CampaignUnit.Key> {

  List<CampaignUnit> findByCampaignCodeOrderByOrdinal(String campaignCode);

  /** The codes of the units, in the campaign's order, a page at a time (one batch of unit starts). */
  @Query("select u.unitCode from CampaignUnit u where u.campaignCode = ?1 order by u.ordinal")
  List<String> codes(String campaignCode, Pageable page);

  @Query("select u.unitCode from CampaignUnit u where u.campaignCode = ?1 order by u.ordinal")
  List<String> codes(String campaignCode);

  /** (unit code, campaign code) of the units among {@code codes} that an open campaign still waits for. */
  @Query(nativeQuery = true, value = "select cu.unit_code, cu.campaign_code from campaign_unit cu"
      + " join campaign c on c.code = cu.campaign_code"
      + " left join unit_report r on r.campaign_code = cu.campaign_code and r.unit_code = cu.unit_code"
      + " where c.closed_at is null and r.ended_at is null and cu.unit_code in (?1)"
      + " order by cu.unit_code, cu.campaign_code")
  List<Object[]> awaitedByOpenCampaigns(java.util.Collection<String> codes);
}
