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
