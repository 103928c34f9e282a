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
    // The application's default URL and options (application.yaml, review.h2), on a file of its own;
    // bench.h2.options measures other options.
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:${review.h2.file}"
        + System.getProperty("bench.h2.options", "${review.h2.options}"));
    registry.add("review.h2.file", () -> FILE);
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
