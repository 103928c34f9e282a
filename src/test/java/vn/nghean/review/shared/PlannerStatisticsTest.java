package vn.nghean.review.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

import vn.nghean.review.support.ApplicationTestBase;

/**
 * A campaign's start has the tables it fills analysed once its first batch is written, on PostgreSQL,
 * whose connections keep their plans until then (docs/performance.md); H2 analyses by itself and is
 * left alone.
 */
class PlannerStatisticsTest extends ApplicationTestBase {

  @Autowired PlannerStatistics statistics;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldAnalyseAfterTheFirstBatchAndAfterEachBatchThatDoublesTheUnitsStarted() {
    assertThat(IntStream.range(0, 128).filter(PlannerStatistics::dueAfterBatch))
        .containsExactly(0, 1, 3, 7, 15, 31, 63, 127);
    assertThat(IntStream.range(0, 100_000 / 100).filter(PlannerStatistics::dueAfterBatch).count())
        .as("analyses in a start of 100,000 units").isEqualTo(10);
  }

  @Test
  void shouldAnalyseTheTablesAStartFilledOnceItsFirstBatchIsWritten() throws Exception {
    user("statspv01", "pv01");
    boolean postgres = "PostgreSQL".equals(
        JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName));
    // Which database it takes this for: a wrong guess on H2 would fail inside refresh() and be logged only.
    assertThat(statistics.postgres()).as("PostgreSQL recognised").isEqualTo(postgres);
    Timestamp before = jdbc.queryForObject("select current_timestamp", Timestamp.class);

    // Units no other test counts tasks of: the suite shares one database, and this campaign stays open.
    assertStatus(startCampaign("statspv01", "SK-STATS-1", "QUYHOP,QUYCHAU"), 200);
    issueGuidance("SK-STATS-1");

    if (postgres) {
      // The server's statistics view shows an analysis within a second or so of its commit.
      await("every table the start filled analysed after the guidance", Duration.ofSeconds(20), () -> {
        List<Map<String, Object>> rows = jdbc.queryForList(
            "select relname, last_analyze from pg_stat_user_tables where relname = any(?::text[])",
            (Object) PlannerStatistics.FILLED_BY_A_START.toArray(String[]::new));
        return rows.size() == PlannerStatistics.FILLED_BY_A_START.size() && rows.stream()
            .allMatch(row -> row.get("last_analyze") != null
                && !((Timestamp) row.get("last_analyze")).before(before));
      });
    } else {
      assertThat(statistics.refresh()).as("tables analysed on %s", "H2").isEmpty();
    }
    assertNoJobFailed("SK-STATS-1");
  }
}
