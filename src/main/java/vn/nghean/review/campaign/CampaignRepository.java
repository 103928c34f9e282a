package vn.nghean.review.campaign;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends JpaRepository<Campaign, String> {

  /** The sixteen rows in which the campaign's units count their ends (see {@link #countClosedUnit}). */
  @Modifying
  @Query(nativeQuery = true, value = "insert into campaign_closed_units (campaign_code, shard, closed)"
      + " select :code, s.shard, 0 from (select 0 as shard union all select 1 union all select 2 union all select 3"
      + " union all select 4 union all select 5 union all select 6 union all select 7 union all select 8"
      + " union all select 9 union all select 10 union all select 11 union all select 12 union all select 13"
      + " union all select 14 union all select 15) s")
  int createClosedUnitShards(@Param("code") String code);

  /** One more unit ended, counted in one of the campaign's sixteen rows (no row all units queue for). */
  @Modifying
  @Query(nativeQuery = true, value = "update campaign_closed_units set closed = closed + 1"
      + " where campaign_code = :code and shard = :shard")
  int countClosedUnit(@Param("code") String code, @Param("shard") int shard);

  /** How many units have ended, as far as this transaction sees. */
  @Query(nativeQuery = true, value = "select coalesce(sum(closed), 0) from campaign_closed_units where campaign_code = :code")
  long closedUnits(@Param("code") String code);

  /**
   * Takes the campaign's row (one of its last units): the units that end last wait for each other
   * here, so the one that takes it last sees every other's end committed.
   */
  @Modifying
  @Query("update Campaign c set c.closedUnits = c.closedUnits + 1 where c.code = :code")
  int lockForClosing(@Param("code") String code);

  @Query("select c.unitCount from Campaign c where c.code = :code")
  int unitCount(@Param("code") String code);
}
