package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every campaign the benchmark drives, one line each in {@code target/bench/runs.tsv}, so that a run
 * of one model ({@code bench.model=ours} or {@code floor}, in a JVM and on a database of its own) can
 * be compared with the other model's latest run: neither then runs on what the other left behind
 * (its rows, its outbox still sending, the JIT warmed by the other). Cells: time, database, model,
 * units, start (s), completions, drive (s), end to end (s), peak heap, units driven, heap after a
 * collection (MiB), and since 2026-12-08 the CPU seconds (application and PostgreSQL) of the start and
 * of the officers' work.
 */
final class RunLog {

  static final Path FILE = Measurements.RESULTS.resolveSibling("runs.tsv");

  /** One campaign: when, on which database, and the run's figures. */
  record Entry(Instant at, String database, CampaignBenchmark.Run run) {}

  private RunLog() {}

  static void add(String database, CampaignBenchmark.Run run) {
    String line = String.join("\t", Instant.now().toString(), database, run.model(), Integer.toString(run.units()),
        num(run.startSeconds()), Integer.toString(run.completions()), num(run.driveSeconds()),
        num(run.endToEndSeconds()), Long.toString(run.peakHeapMiB()), Integer.toString(run.driven()),
        Long.toString(run.peakLiveMiB()), num(run.startCpu()), num(run.driveCpu())) + "\n";
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The latest campaign of the model and size on the database, from any earlier run, with as many units
   * driven (lines of before 2026-12-07 have nine cells: every unit driven, the live heap not measured).
   */
  static Optional<Entry> latest(String database, String model, int units, int driven) {
    if (!Files.exists(FILE)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        String[] cell = lines.get(i).split("\t");
        if (cell.length < 9 || !cell[1].equals(database) || !cell[2].equals(model)
            || Integer.parseInt(cell[3]) != units) {
          continue;
        }
        int drove = cell.length > 9 ? Integer.parseInt(cell[9]) : units;
        long live = cell.length > 10 ? Long.parseLong(cell[10]) : 0;
        double startCpu = cell.length > 12 ? Double.parseDouble(cell[11]) : 0;
        double driveCpu = cell.length > 12 ? Double.parseDouble(cell[12]) : 0;
        if (drove == driven) {
          return Optional.of(new Entry(Instant.parse(cell[0]), database, new CampaignBenchmark.Run(cell[2], units,
              drove, Double.parseDouble(cell[4]), Integer.parseInt(cell[5]), Double.parseDouble(cell[6]),
              Double.parseDouble(cell[7]), Long.parseLong(cell[8]), live, startCpu, driveCpu)));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
