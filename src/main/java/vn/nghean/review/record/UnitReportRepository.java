package vn.nghean.review.record;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UnitReportRepository extends JpaRepository<UnitReport, Long> {

  List<UnitReport> findByCampaignCodeOrderByUnitCode(String campaignCode);

  /** Sets the end of the unit's review once: 1 the first time, 0 after. */
  @Modifying
  @Query("update UnitReport r set r.endedAt = ?3 where r.campaignCode = ?1 and r.unitCode = ?2 and r.endedAt is null")
  int markEnded(String campaignCode, String unitCode, Instant at);

  @Query("select new vn.nghean.review.record.UnitReportSummary(r.id, r.unitCode, r.unitName, r.status,"
      + " r.firstSubmittedAt, r.lastSubmittedAt, r.submittedOnTime, r.submissionCount, r.overdue, r.rating,"
      + " r.acceptedAt, r.closedAtCutoff, r.processInstanceId) from UnitReport r where r.campaignCode = ?1 order by r.id")
  List<UnitReportSummary> summaries(String campaignCode);
}
