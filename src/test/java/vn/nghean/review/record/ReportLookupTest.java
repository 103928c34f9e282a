package vn.nghean.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nghean.review.support.ApplicationTestBase;

/**
 * A unit's record is found by campaign and unit whatever happened to it before: a record whose
 * creation rolled back is not found (its id, once known, is dropped), one opened again is, each
 * transaction reads what the last one committed, also when another node wrote it, and an id that
 * has come to name another unit's row never answers for this one.
 */
class ReportLookupTest extends ApplicationTestBase {

  @Autowired ReportService reports;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldNotFindARecordWhoseCreationRolledBackAndFindTheOneOpenedAgain() {
    Instant deadline = Instant.parse("2026-12-31T16:59:59Z");
    transactions.executeWithoutResult(status -> {
      UnitReport opened = reports.open("SK-LOOKUP-1", "VINH", "UBND thành phố Vinh", null, deadline);
      assertThat(reports.get("SK-LOOKUP-1", "VINH")).isSameAs(opened);
      status.setRollbackOnly();
    });
    assertThat(reports.find("SK-LOOKUP-1", "VINH")).isEmpty();

    Long id = transactions.execute(status -> reports.open("SK-LOOKUP-1", "VINH", "UBND thành phố Vinh", null,
        deadline).getId());
    assertThat(reports.find("SK-LOOKUP-1", "VINH")).hasValueSatisfying(found -> assertThat(found.getId()).isEqualTo(id));
  }

  @Test
  void shouldReadInEachTransactionWhatTheLastOneCommittedWhoeverWroteIt() {
    transactions.executeWithoutResult(status -> reports.open("SK-LOOKUP-2", "CUALO", "UBND thị xã Cửa Lò", null,
        Instant.parse("2026-12-31T16:59:59Z")));
    assertThat(reports.get("SK-LOOKUP-2", "CUALO").getStatus()).isEqualTo(UnitStatus.NOT_STARTED);

    transactions.executeWithoutResult(status -> reports.setStatus("SK-LOOKUP-2", "CUALO", UnitStatus.DRAFTING));
    assertThat(reports.get("SK-LOOKUP-2", "CUALO").getStatus()).isEqualTo(UnitStatus.DRAFTING);

    // Another node, on the same database, moves the record on.
    jdbc.update("update unit_report set status = 'AWAITING_APPROVAL', version = version + 1"
        + " where campaign_code = 'SK-LOOKUP-2' and unit_code = 'CUALO'");
    assertThat(reports.get("SK-LOOKUP-2", "CUALO").getStatus()).isEqualTo(UnitStatus.AWAITING_APPROVAL);
  }

  @Test
  void shouldNeverAnswerWithAnotherUnitsRecordWhenTheDatabaseWasPutBackUnderTheNode() {
    Instant deadline = Instant.parse("2026-12-31T16:59:59Z");
    Long vinh = transactions.execute(status -> reports.open("SK-LOOKUP-3", "VINH", "UBND thành phố Vinh", null,
        deadline).getId());
    transactions.executeWithoutResult(status -> reports.open("SK-LOOKUP-3", "CUALO", "UBND thị xã Cửa Lò", null,
        deadline));
    assertThat(reports.get("SK-LOOKUP-3", "VINH").getId()).isEqualTo(vinh);

    // A database in which the rows carry each other's units, as a restore under a running node could give.
    jdbc.update("update unit_report set unit_code = 'TMP' where campaign_code = 'SK-LOOKUP-3' and unit_code = 'VINH'");
    jdbc.update("update unit_report set unit_code = 'VINH' where campaign_code = 'SK-LOOKUP-3' and unit_code = 'CUALO'");
    jdbc.update("update unit_report set unit_code = 'CUALO' where campaign_code = 'SK-LOOKUP-3' and unit_code = 'TMP'");

    UnitReport found = reports.get("SK-LOOKUP-3", "VINH");
    assertThat(found.getUnitCode()).isEqualTo("VINH");
    assertThat(found.getId()).isNotEqualTo(vinh);
    assertThat(reports.get("SK-LOOKUP-3", "CUALO").getId()).isEqualTo(vinh);
  }
}
