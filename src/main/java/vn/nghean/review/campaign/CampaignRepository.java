package vn.nghean.review.campaign;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends JpaRepository<Campaign, String> {

  /**
   * Counts one more unit whose review has ended: one atomic update, so units ending at the same
   * moment wait for each other's row lock and each sees the count with its own increment.
   */
  @Modifying
  @Query("update Campaign c set c.closedUnits = c.closedUnits + 1 where c.code = :code")
  int countClosedUnit(@Param("code") String code);

  /** The units' count and how many have ended, read from the database, not from a cached entity. */
  @Query("select c.closedUnits - c.unitCount from Campaign c where c.code = :code")
  int closedMinusTotal(@Param("code") String code);
}
