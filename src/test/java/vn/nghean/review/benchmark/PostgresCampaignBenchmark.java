package vn.nghean.review.benchmark;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on the machine's PostgreSQL (database soket_bench, recreated by the bench profile's caller). */
class PostgresCampaignBenchmark extends CampaignBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url",
        () -> System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/soket_bench"));
    registry.add("spring.datasource.username", () -> System.getProperty("bench.postgres.user", "postgres"));
    registry.add("spring.datasource.password", () -> System.getProperty("bench.postgres.password", ""));
  }

  boolean autovacuumTurnedOn;

  /**
   * Autovacuum as production has it: on, PostgreSQL's default. A server configured without it (this
   * project's CI machine turns it off) gets it on for the run and reset after: without it the
   * planner keeps the statistics of the ANALYZE before the campaign, taken on nearly empty tables, and
   * a 10,000-unit start ran 542.7 s instead of about 100 (every look-up of an execution's variables a
   * sequential scan of ACT_RU_VARIABLE, docs/performance.md).
   */
  @Override
  String prepareDatabase() {
    if ("on".equals(jdbc.queryForObject("show autovacuum", String.class))) {
      return "autovacuum on";
    }
    jdbc.execute("ALTER SYSTEM SET autovacuum = on");
    jdbc.execute("SELECT pg_reload_conf()");
    autovacuumTurnedOn = true;
    CampaignBenchmark.await("autovacuum on", java.time.Duration.ofSeconds(30),
        () -> "on".equals(jdbc.queryForObject("show autovacuum", String.class)));
    return "autovacuum on (the server's configuration had it off: turned on for the run, reset after)";
  }

  @Override
  void restoreDatabase() {
    if (autovacuumTurnedOn) {
      jdbc.execute("ALTER SYSTEM RESET autovacuum");
      jdbc.execute("SELECT pg_reload_conf()");
    }
  }

  @Override
  void refreshStatistics() {
    jdbc.execute("ANALYZE");
  }

  @Override
  String database() {
    return "PostgreSQL";
  }

  @Override
  long databaseBytes() {
    return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
  }
}
