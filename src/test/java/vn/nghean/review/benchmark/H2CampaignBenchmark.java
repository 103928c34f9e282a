package vn.nghean.review.benchmark;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on the default database: an H2 file, fresh for each run. */
class H2CampaignBenchmark extends CampaignBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String file = "./target/bench/h2/run-" + System.currentTimeMillis();
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + "/so-ket;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  @Override
  String database() {
    return "H2 file database";
  }
}
