package vn.nghean.review.benchmark;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The counting pass of {@link CampaignBenchmark}: ours and the floor driven one step at a time, every
 * transaction, statement and row of each step counted (docs/performance.md, "What each step costs").
 */
final class CountingPass {

  private final CampaignBenchmark bench;

  CountingPass(CampaignBenchmark bench) {
    this.bench = bench;
  }

  /** One step of a unit's review, counted: what ours and the floor ask of the database for it. */
  record Step(String name, SqlCounts.Snapshot ours, SqlCounts.Snapshot floor) {}

  /**
   * Ours and the floor, {@code k} units each, driven one step at a time for all units, one unit after
   * the other; after each step the asynchronous work it caused (jobs, and for ours the mail it wrote)
   * is let finish before the counts are read, so each step's figure holds all it costs.
   */
  String countingPass(int k) throws Exception {
    List<String> steps = List.of("start: campaign, guidance, the units opened", "choose the review format",
        "save the report (ours only: the floor has no report)", "submit the report", "the leader approves",
        "PV01 accepts; the unit's review ends");
    SqlCounts.Snapshot[][] measured = new SqlCounts.Snapshot[2][steps.size()];
    for (boolean floor : new boolean[] {false, true}) {
      String code = (floor ? "COUNT-FLOOR-" : "COUNT-OURS-") + k + "-" + System.currentTimeMillis() % 100_000;
      List<String> units = BenchmarkUnits.codes(k);
      SqlCounts.Snapshot mark = settleAndCount();
      ProcessInstance campaign = floor ? bench.startFloor(code, k) : bench.startOurs(code, k, CampaignBenchmark.far(0));
      Task guidance = bench.engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
      bench.engine.getTaskService().complete(guidance.getId(), Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
      int row = floor ? 1 : 0;
      measured[row][0] = settleAndCount().minus(mark);
      List<java.util.function.Consumer<String>> work = List.of(
          unit -> bench.complete(code + "/" + unit, "ChooseReviewFormat", Map.of("reviewFormat", "WRITTEN",
              "plannedDate", new Date())),
          unit -> {
            if (!floor) {
              bench.reports.saveDraft(code, unit, CampaignBenchmark.report(unit), unit.toLowerCase() + "officer");
            }
          },
          unit -> bench.complete(code + "/" + unit, "DraftReport", Map.of()),
          unit -> bench.complete(code + "/" + unit, "ApproveUnitReport", Map.of("leaderDecision", "APPROVE")),
          unit -> bench.evaluate(code, unit));
      for (int step = 0; step < work.size(); step++) {
        mark = settleAndCount();
        units.forEach(work.get(step));
        measured[row][step + 1] = settleAndCount().minus(mark);
      }
      CampaignBenchmark.await("the counted campaign to reach compilation", Duration.ofMinutes(5), () -> bench.engine.getTaskService()
          .createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey("CompileProvincialReport")
          .count() == 1);
    }
    StringBuilder md = new StringBuilder("\n| step (" + k + " units, per unit) | transactions, ours / floor"
        + " | writing transactions, ours / floor | statements, ours / floor | rows written, ours / floor |\n"
        + "|---|---|---|---|---|\n");
    SqlCounts.Snapshot oursTotal = new SqlCounts.Snapshot(0, 0, 0, 0);
    SqlCounts.Snapshot floorTotal = new SqlCounts.Snapshot(0, 0, 0, 0);
    for (int step = 0; step < steps.size(); step++) {
      md.append(countLine(steps.get(step), measured[0][step], measured[1][step], k));
      oursTotal = oursTotal.plus(measured[0][step]);
      floorTotal = floorTotal.plus(measured[1][step]);
    }
    md.append(countLine("**a unit's whole review**", oursTotal, floorTotal, k));
    md.append("\nA unit's whole review, ours ÷ floor: ")
        .append(Measurements.f2((double) oursTotal.transactions() / floorTotal.transactions()))
        .append("× the transactions, ")
        .append(Measurements.f2((double) oursTotal.writingTransactions() / floorTotal.writingTransactions()))
        .append("× the writing transactions, ")
        .append(Measurements.f2((double) oursTotal.statements() / floorTotal.statements())).append("× the statements, ")
        .append(Measurements.f2((double) oursTotal.rowsWritten() / floorTotal.rowsWritten())).append("× the rows written.\n");
    CampaignBenchmark.LOG.info("Counts:\n{}", md);
    if (SqlCounts.ORIGINS) {
      StringBuilder origins = new StringBuilder();
      CampaignBenchmark.COUNTS.origins.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
          .limit(40).forEach(e -> origins.append(e.getValue().sum()).append("  ").append(e.getKey()).append('\n'));
      CampaignBenchmark.LOG.info("Transactions by their first statement:\n{}", origins);
    }
    return md.toString();
  }

  static String countLine(String step, SqlCounts.Snapshot ours, SqlCounts.Snapshot floor, int k) {
    double[] o = ours.per(k);
    double[] f = floor.per(k);
    StringBuilder line = new StringBuilder("| ").append(step);
    for (int i = 0; i < o.length; i++) {
      line.append(" | ").append(Measurements.f2(o[i])).append(" / ").append(Measurements.f2(f[i]));
    }
    return line.append(" |\n").toString();
  }

  /**
   * Lets what runs on its own finish (due jobs; the outbox, whose mail server is up) and returns the
   * counts then. The job executor's and the outbox's own polling while it waits are counted too.
   */
  SqlCounts.Snapshot settleAndCount() {
    CampaignBenchmark.await("the jobs and the outbox to settle", Duration.ofMinutes(5), () -> CampaignBenchmark.COUNTS.uncounted(
        () -> bench.engine.getManagementService().createJobQuery().executable().count() == 0
            && bench.count("select count(*) from notification where state in ('PENDING', 'SENDING')") == 0));
    return CampaignBenchmark.COUNTS.now();
  }
}
