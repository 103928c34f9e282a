package vn.nghean.review.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import vn.nghean.review.benchmark.Measurements.HeapPeak;
import vn.nghean.review.process.CampaignProcess;

/**
 * A deadline reached by every unit at once: the burst of timers and how fast the job executor works
 * it off, for {@link CampaignBenchmark}.
 */
final class DeadlineBurst {

  private final CampaignBenchmark bench;

  DeadlineBurst(CampaignBenchmark bench) {
    this.bench = bench;
  }

  /** n units reach their report deadline at the same moment: how fast the ladder escalates them all. */
  String burst(int n) throws Exception {
    String code = "BURST-" + n + "-" + System.currentTimeMillis() % 100_000;
    Date deadline = Date.from(Instant.now().plus(Duration.ofDays(1)));
    ProcessInstance campaign = bench.engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
        "campaignCode", code, "campaignTitle", "Đo hiệu năng hạn đồng loạt", "reviewPeriod", "2023–2024",
        "reportDeadline", deadline, "conferenceDeadline", Date.from(deadline.toInstant().plus(Duration.ofDays(40))),
        "participatingUnits", n == CampaignBenchmark.REGISTRY ? "" : String.join(",", BenchmarkUnits.codes(n))));
    Task guidance = bench.engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
    bench.engine.getTaskService().complete(guidance.getId(), Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
    bench.awaitNoMessageJobs(campaign.getId(), Duration.ofMinutes(30 + n / 1_000));
    try (HeapPeak heap = new HeapPeak()) {
      return deadlineBurst(code, n, deadline, heap);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Moves the clock past the deadline of n waiting units; the clock stays there until the caller resets it. */
  String deadlineBurst(String code, int n, Date deadline, HeapPeak heap) {
    CampaignBenchmark.LOG.info("burst: {} units waiting for their deadline", n);
    long notificationsBefore = bench.count("select count(*) from notification where campaign_code = ?", code);
    long begin = System.nanoTime();
    // The clock jumps to a minute after the deadline and keeps running from there.
    ClockUtil.offset(deadline.getTime() + 60_000 - System.currentTimeMillis());
    CampaignBenchmark.await("every unit marked overdue", Duration.ofMinutes(30 + n / 2_000), () -> bench.count(
        "select count(*) from deadline_event where campaign_code = ? and kind = 'OVERDUE'", code) >= n);
    double seconds = Measurements.seconds(begin);
    long notifications = bench.count("select count(*) from notification where campaign_code = ?", code)
        - notificationsBefore;
    CampaignBenchmark.LOG.info("burst: {} units escalated in {} s", n, Measurements.f1(seconds));
    return "| " + n + " | " + Measurements.f1(seconds) + " | " + Measurements.f1(n / seconds) + " | "
        + notifications + " | " + heap.peakMiB() + " |";
  }

}
