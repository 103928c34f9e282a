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

  /**
   * The file once the work stops, the application running: its housekeeping
   * ({@code EmbeddedDatabaseCompaction}, every second) rewrites sparse chunks and moves chunks into
   * holes, so the file shrinks; measured when it has not shrunk for 15 s, at most 3 minutes.
   */
  @Override
  String sizeWhenIdle() {
    long begin = System.nanoTime();
    long size = databaseBytes();
    long steady = System.nanoTime();
    while (System.nanoTime() - steady < 15_000_000_000L && System.nanoTime() - begin < 180_000_000_000L) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = databaseBytes();
      if (now < size) {
        size = now;
        steady = System.nanoTime();
      }
    }
    // When it last shrank, and how long it was watched: a file that did not shrink says so.
    return ", " + Measurements.f1(size / (1024.0 * 1024)) + " MiB after " + Measurements.f1((steady - begin) / 1e9)
        + " s without work, the application running (watched for "
        + Measurements.f1((System.nanoTime() - begin) / 1e9) + " s)";
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
