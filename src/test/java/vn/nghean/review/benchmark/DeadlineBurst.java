package vn.nghean.review.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import vn.nghean.review.benchmark.Measurements.HeapPeak;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.Eventually;

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
    openUnits(campaign, n);
    try (HeapPeak heap = new HeapPeak()) {
      return deadlineBurst(code, n, deadline, heap);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Moves the clock past the deadline of n waiting units; the clock stays there until the caller resets it.
   * The time is from the jump to the last unit's overdue record (its {@code occurred_at}, by the engine's
   * clock, which runs on from the jump), so the wait may look once a second: a look every 200 ms, a count
   * of the campaign's records, took 7 % of PostgreSQL's time during the burst (2026-12-07).
   */
  String deadlineBurst(String code, int n, Date deadline, HeapPeak heap) {
    // The campaign's deadline is tomorrow, so each unit's two reminders fell due as it started; the
    // start is over once no message job is left, but the reminders may still be running. The burst
    // begins once no job is due, so that it times the deadline's jobs alone (at 3,000 units the
    // reminders had run out 1.1 s after the start, 2026-12-07: the wait changes little).
    CampaignBenchmark.LOG.info("burst: {} units waiting for their deadline (the jobs already due ran out in {} s)", n,
        Measurements.f1(awaitNoJobDue(n)));
    long notificationsBefore = bench.count("select count(*) from notification where campaign_code = ?", code);
    long begin = System.nanoTime();
    Measurements.Cpu cpu = Measurements.Cpu.now();
    // The clock jumps to a minute after the deadline and keeps running from there.
    Instant jump = Instant.ofEpochMilli(deadline.getTime() + 60_000);
    ClockUtil.offset(jump.toEpochMilli() - System.currentTimeMillis());
    Eventually.until("every unit marked overdue", Duration.ofMinutes(30 + n / 2_000), Duration.ofSeconds(1),
        () -> bench.count("select count(*) from deadline_event where campaign_code = ? and kind = 'OVERDUE'", code) >= n);
    double waited = Measurements.seconds(begin);
    Timestamp last = bench.jdbc.queryForObject(
        "select max(occurred_at) from deadline_event where campaign_code = ? and kind = 'OVERDUE'", Timestamp.class, code);
    double seconds = Duration.between(jump, last.toInstant()).toNanos() / 1e9;
    if (seconds <= 0 || seconds > waited) {
      throw new IllegalStateException("The last overdue record (" + last.toInstant() + ") is not within the wait ("
          + Measurements.f1(waited) + " s from " + jump + ")");
    }
    long notifications = bench.count("select count(*) from notification where campaign_code = ?", code)
        - notificationsBefore;
    CampaignBenchmark.LOG.info("burst: {} units escalated in {} s (seen after {} s; {})", n, Measurements.f1(seconds),
        Measurements.f1(waited), Measurements.Cpu.now().since(cpu));
    return "| " + n + " | " + Measurements.f1(seconds) + " | " + Measurements.f1(n / seconds) + " | "
        + notifications + " | " + heap.peakMiB() + " |";
  }

  /**
   * The floor's burst: n units of the floor's model reach the same deadline at once. The same timer
   * on the same shape, its delegate a no-op: what the engine alone needs per unit escalated. Timed
   * from the jump to the last unit's end of {@code Task_MarkOverdue} in the history.
   */
  String floorBurst(int n) throws Exception {
    String code = "FLOOR-BURST-" + n + "-" + System.currentTimeMillis() % 100_000;
    Date deadline = Date.from(Instant.now().plus(Duration.ofDays(1)));
    ProcessInstance campaign = bench.startFloor(code, n, deadline);
    openUnits(campaign, n);
    CampaignBenchmark.LOG.info("floor burst: {} units waiting for their deadline (the jobs already due ran out in {} s)",
        n, Measurements.f1(awaitNoJobDue(n)));
    try (HeapPeak heap = new HeapPeak()) {
      long begin = System.nanoTime();
      Measurements.Cpu cpu = Measurements.Cpu.now();
      Instant jump = Instant.ofEpochMilli(deadline.getTime() + 60_000);
      ClockUtil.offset(jump.toEpochMilli() - System.currentTimeMillis());
      Eventually.until("every floor unit past its deadline", Duration.ofMinutes(30 + n / 2_000), Duration.ofSeconds(1),
          () -> bench.engine.getManagementService().createJobQuery().timers()
              .activityId(UnitReviewProcess.Element.REPORT_OVERDUE).duedateLowerThan(Date.from(jump)).count() == 0);
      double waited = Measurements.seconds(begin);
      Timestamp last = bench.jdbc.queryForObject("select max(end_time_) from act_hi_actinst where act_id_ = ?"
          + " and proc_def_key_ = ?", Timestamp.class, "Task_MarkOverdue", FloorModel.UNIT_KEY);
      double seconds = Duration.between(jump, last.toInstant()).toNanos() / 1e9;
      if (seconds <= 0 || seconds > waited) {
        throw new IllegalStateException("The floor's last overdue step (" + last.toInstant()
            + ") is not within the wait (" + Measurements.f1(waited) + " s from " + jump + ")");
      }
      CampaignBenchmark.LOG.info("floor burst: {} units past their deadline in {} s (seen after {} s; {})", n,
          Measurements.f1(seconds), Measurements.f1(waited), Measurements.Cpu.now().since(cpu));
      return "| " + n + " (the floor) | " + Measurements.f1(seconds) + " | " + Measurements.f1(n / seconds)
          + " | none | " + heap.peakMiB() + " |";
    } finally {
      ClockUtil.reset();
    }
  }

  /** PV01 issues the campaign's guidance; returns once every unit's review is open (no message job left). */
  private void openUnits(ProcessInstance campaign, int n) {
    Task guidance = bench.engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
    bench.engine.getTaskService().complete(guidance.getId(), Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
    bench.awaitNoMessageJobs(campaign.getId(), Duration.ofMinutes(30 + n / 1_000));
  }

  /**
   * Waits until no job is due (the start's reminders have run out), so that a burst times its
   * deadline's jobs alone; the seconds waited.
   */
  private double awaitNoJobDue(int n) {
    long begin = System.nanoTime();
    Eventually.until("no job due before the deadline", Duration.ofMinutes(30 + n / 1_000), Duration.ofMillis(500),
        () -> bench.engine.getManagementService().createJobQuery().executable().count() == 0);
    return Measurements.seconds(begin);
  }
}
