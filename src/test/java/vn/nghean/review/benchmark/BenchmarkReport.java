package vn.nghean.review.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table {@link CampaignBenchmark} writes to target/bench/results.md: ours against the floor, per
 * size, with the disk, the counts, the queries and the burst.
 */
final class BenchmarkReport {

  private final CampaignBenchmark bench;

  BenchmarkReport(CampaignBenchmark bench) {
    this.bench = bench;
  }

  void report(List<CampaignBenchmark.Run> runs, CampaignBenchmark.Run rest, List<String> queryLines, String burst, String disk, String counts) {
    StringBuilder md = new StringBuilder();
    md.append("\n## ").append(bench.database()).append(" — ").append(Instant.now()).append("\n\n");
    md.append("Disk: ").append(disk).append("\n\n");
    if (!counts.isEmpty()) {
      md.append(counts).append('\n');
    }
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; ").append(CampaignBenchmark.OFFICERS)
        .append(" simulated officers; notifications ")
        .append(CampaignBenchmark.MAIL.equals("kept") ? "kept in the outbox" : "delivered to a mail server in the benchmark's JVM")
        .append("; database on disk at the end: ")
        .append(Measurements.f1(bench.databaseBytes() / (1024.0 * 1024 * 1024))).append(" GiB")
        .append(bench.sizeWhenIdle()).append(bench.databaseNote.isEmpty() ? "" : "; " + bench.databaseNote)
        .append(".\n\n");
    md.append("| model | units | start (s) | completions | completions/s | end to end (s) | peak heap (MiB) |"
        + " time per completion, ours ÷ floor | end to end, ours ÷ floor | start, ours ÷ floor |"
        + " CPU per completion (ms) | start's CPU (s) | CPU per completion, ours ÷ floor | start's CPU, ours ÷ floor |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    if (runs.stream().anyMatch(r -> r.driven() < r.units())) {
      md.insert(md.lastIndexOf("| model |"), "A sample: of a campaign's units, those named driven are prepared,"
          + " approved and accepted by PV01 while the others wait at their first task; end to end is then the"
          + " start and the sample's drive, the campaign not reaching compilation.\n\n");
    }
    List<String> elsewhere = new ArrayList<>();
    boolean oursHere = runs.stream().anyMatch(r -> r.model().equals("ours"));
    for (CampaignBenchmark.Run run : runs) {
      if (oursHere && !run.model().equals("ours")) {
        md.append(line(run, " | | | " + cpu(run) + " | |"));
        continue;
      }
      // Ours against the floor of the same size: this run's, or with bench.model the other model's
      // latest run (a JVM and a database of its own), shown below ours with the time it ran.
      Optional<CampaignBenchmark.Run> mine = runs.stream()
          .filter(r -> !r.model().equals(run.model()) && r.units() == run.units() && r.driven() == run.driven())
          .findFirst();
      Optional<RunLog.Entry> theirs = mine.isPresent() ? Optional.empty()
          : RunLog.latest(bench.database(), run.model().equals("ours") ? "floor" : "ours", run.units(),
              run.driven());
      Optional<CampaignBenchmark.Run> other = mine.isPresent() ? mine : theirs.map(RunLog.Entry::run);
      String ratio = " | | | | |";
      if (other.isPresent()) {
        CampaignBenchmark.Run ours = run.model().equals("ours") ? run : other.get();
        CampaignBenchmark.Run floor = run.model().equals("ours") ? other.get() : run;
        ratio = Measurements.f2(floor.perSecond() / ours.perSecond()) + "× | "
            + Measurements.f2(ours.endToEndSeconds() / floor.endToEndSeconds()) + "× | "
            + Measurements.f2(ours.startSeconds() / floor.startSeconds()) + "× | "
            + cpu(run) + " | " + cpuRatio(ours.cpuPerCompletionMillis(), floor.cpuPerCompletionMillis()) + " | "
            + cpuRatio(ours.startCpu(), floor.startCpu());
      }
      md.append(line(run, ratio));
      theirs.ifPresent(entry -> elsewhere.add(line(entry.run(), " | | | " + cpu(entry.run()) + " | |").replace("| " + entry.run().model() + " |",
          "| " + entry.run().model() + " (run of " + entry.at() + ", a JVM and database of its own) |")));
    }
    elsewhere.forEach(md::append);
    if (rest != null) {
      md.append(line(rest, " | | | | | | |"));
    }
    if (!queryLines.isEmpty()) {
      md.append("\n| query at ").append(CampaignBenchmark.REGISTRY).append(" units | p50 (ms) | p95 (ms) |\n|---|---|---|\n");
      queryLines.forEach(q -> md.append(q).append('\n'));
    }
    if (!bench.savingLines.isEmpty()) {
      md.append("\n| ours: the reports' saves (no task completion; the floor has none) | saves, summed over the"
          + " officers | the officers' time while preparing (officers × seconds) | share |\n|---|---|---|---|\n");
      bench.savingLines.forEach(r -> md.append(r).append('\n'));
    }
    if (!bench.rowLines.isEmpty()) {
      md.append("\n| the campaign's row while PV01 accepts every report | units | units counted | update, mean (ms)"
          + " | update, highest (ms) | sum of the updates, against the time from the first acceptance to"
          + " compilation |\n|---|---|---|---|---|---|\n");
      bench.rowLines.forEach(r -> md.append(r).append('\n'));
    }
    if (!burst.isEmpty()) {
      md.append("\n| units reaching the deadline at once | until all escalated (s) | jobs/s | notifications in the outbox"
          + " | peak heap (MiB) |\n|---|---|---|---|---|\n").append(burst).append('\n');
    }
    Measurements.append(md.toString());
    CampaignBenchmark.LOG.info("\n{}", md);
  }

  /** The run's CPU per completion and its start's CPU, or blanks where not measured. */
  static String cpu(CampaignBenchmark.Run run) {
    return run.driveCpu() > 0 ? Measurements.f2(run.cpuPerCompletionMillis()) + " | " + Measurements.f1(run.startCpu())
        : " | ";
  }

  static String cpuRatio(double ours, double floor) {
    return ours > 0 && floor > 0 ? Measurements.f2(ours / floor) + "×" : "";
  }

  static String line(CampaignBenchmark.Run run, String ratio) {
    return "| " + run.model() + " | " + run.units() + (run.driven() < run.units() ? " (" + run.driven()
        + " driven)" : "") + " | " + Measurements.f1(run.startSeconds()) + " | " + run.completions() + " | "
        + Measurements.f1(run.perSecond()) + " | " + Measurements.f1(run.endToEndSeconds()) + " | "
        + run.peakHeapMiB() + (run.peakLiveMiB() > 0 ? " (" + run.peakLiveMiB() + " after a collection)" : "")
        + " | " + ratio + " |\n";
  }
}
