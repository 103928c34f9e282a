package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on the default database: an H2 file, fresh for each run. */
class H2CampaignBenchmark extends CampaignBenchmark {

  static final String FILE = "./target/bench/h2/run-" + System.currentTimeMillis() + "/so-ket";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // The application's default URL (application.yaml), or another one's options to measure them.
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + FILE + System.getProperty("bench.h2.options",
        ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
  }

  @Override
  String database() {
    return "H2 file database";
  }

  @Override
  long databaseBytes() {
    try {
      return Files.size(Path.of(FILE + ".mv.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
