package vn.nghean.review.benchmark;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.micrometer.core.instrument.MeterRegistry;

import vn.nghean.review.support.Eventually;
import vn.nghean.review.ReviewApplication;
import vn.nghean.review.benchmark.Measurements.HeapPeak;
import vn.nghean.review.benchmark.Measurements.RowWait;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignParticipants;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.PlannerStatistics;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.progress.ProgressService;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;

/**
 * A campaign of 21, 500 and 10,000 units driven through its whole review by simulated officers,
 * against the engine's floor (the same models with no-op delegates), plus a deadline reached by
 * 10,000 units at once and the latency of the queries users make at that scale. Writes its table
 * to target/bench/results.md. Run with {@code mvn -Pbench test} (see docs/performance.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = {ReviewApplication.class, CampaignBenchmark.FloorBeans.class})
@ActiveProfiles("bench")
// Closed when the benchmark ends, not at the JVM's exit: left to the exit, the application's threads
// kept the test JVM alive past the runner's 30 s exit timeout after the 10,000-unit H2 run.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CampaignBenchmark {

  static final Logger LOG = LoggerFactory.getLogger(CampaignBenchmark.class);
  static final int REGISTRY = Integer.getInteger("bench.registry", 10_000);
  static final int[] SIZES = Arrays.stream(System.getProperty("bench.sizes", "21,500,10000").split(","))
      .mapToInt(Integer::parseInt).toArray();
  static final int REST_SIZE = Integer.getInteger("bench.rest", 500);
  static final int BURST = Integer.getInteger("bench.burst", 10_000);
  /**
   * {@code bench.burst.apart}: {@code true} (the default) brings a campaign of its own to the deadline,
   * after the others; {@code false}, ours of the burst's size, as before 2026-12-06: its deadline is
   * then tomorrow, so its reminders (7 and 2 days before) fire during its start, which the floor's
   * start does not have.
   */
  static final boolean BURST_APART = Boolean.parseBoolean(System.getProperty("bench.burst.apart", "true"));
  static final int OFFICERS = Integer.getInteger("bench.officers", 4);
  /**
   * {@code bench.sample}: 0 (the default) drives every unit of a campaign to the end; n drives n units
   * spread over the campaign (every k-th of the registry order) through preparation and PV01's
   * acceptance while the rest wait at their first task, as a national campaign's first weeks have it.
   * The campaign then does not reach compilation; the lists are measured with the sample awaiting PV01.
   */
  static final int SAMPLE = Integer.getInteger("bench.sample", 0);
  static final int QUERIES = 200;
  static final String PASSWORD = "bench";

  static {
    BenchmarkUnits.write(REGISTRY);
  }

  /** Every transaction, statement and row of the context, on its connections. */
  static final SqlCounts COUNTS = new SqlCounts();
  /** Units of the counting pass, driven one step at a time, one after the other. */
  static final int COUNTED = Integer.getInteger("bench.counted", 100);

  /**
   * The mail server: notifications are delivered, as in production, so the outbox's claims and sends
   * are in the counts; what it receives is dropped every few seconds (it lives in this JVM's heap).
   */
  static final com.icegreen.greenmail.util.GreenMail SMTP = new com.icegreen.greenmail.util.GreenMail(
      com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

  static {
    SMTP.start();
    Thread purge = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(5_000);
          SMTP.purgeEmailFromAllMailboxes();
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // the next round
        }
      }
    }, "bench-smtp-purge");
    purge.setDaemon(true);
    purge.start();
  }

  /**
   * {@code bench.mail}: {@code delivered} (the default) delivers every notification to the mail
   * server in this JVM while the officers work; {@code kept} keeps them in the outbox (the dispatcher
   * does not poll), to tell the cost of building and sending the mails (and of the mail server
   * receiving them, on the same two cores) from the rest.
   */
  static final String MAIL = System.getProperty("bench.mail", "delivered");

  /**
   * {@code bench.model}: {@code both} (the default) drives ours and then the floor in this JVM, on one
   * database; {@code ours} or {@code floor} drives only that model, so that each runs in a JVM and on a
   * database of its own, the ratios taken against the other model's latest run ({@link RunLog}).
   */
  static final String MODEL = System.getProperty("bench.model", "both");

  static boolean drives(boolean floor) {
    return MODEL.equals("both") || MODEL.equals(floor ? "floor" : "ours");
  }

  @org.springframework.test.context.DynamicPropertySource
  static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("review.mail.polling", () -> !MAIL.equals("kept"));
  }

  @TestConfiguration
  static class FloorBeans {

    /**
     * The connections counted, when the counting pass runs: the proxy costs both models about 7 % of
     * the application's CPU (a flight recording of the floor's burst, 2026-12-07), not spent otherwise.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor countingDataSources() {
      return COUNTED > 0 && MODEL.equals("both") ? SqlCounts.wrapping(COUNTS)
          : new org.springframework.beans.factory.config.BeanPostProcessor() {};
    }

    /** The floor's loop collection: the first n registry codes. */
    @Bean
    FloorUnits floorUnits(PlannerStatistics statistics) {
      return new FloorUnits(statistics);
    }
  }

  /**
   * The floor's unit start and count: starts each unit of a batch with all of the campaign's
   * variables, counts ended units in memory and wakes the campaign when the last one ends. Its batches
   * have the tables analysed after their commit as ours do (the first, then each that doubles the
   * units): the database's upkeep is the platform's, not the work per unit the two models compare.
   */
  public static class FloorUnits implements JavaDelegate, ExecutionListener {
    static final int BATCH = CampaignParticipants.DEFAULT_BATCH_SIZE;
    final Map<String, AtomicInteger> closed = new ConcurrentHashMap<>();
    final PlannerStatistics statistics;

    FloorUnits(PlannerStatistics statistics) {
      this.statistics = statistics;
    }

    public List<Integer> batches(int n) {
      return IntStream.range(0, (n + BATCH - 1) / BATCH).boxed().toList();
    }

    @Override
    public void execute(DelegateExecution execution) {
      int n = (Integer) execution.getVariable("unitCount");
      int batch = (Integer) execution.getVariable(CampaignProcess.Var.UNIT_BATCH);
      String campaign = (String) execution.getVariable("campaignCode");
      Map<String, Object> variables = new HashMap<>(execution.getVariables());
      variables.remove(CampaignProcess.Var.UNIT_BATCH);
      for (String unit : BenchmarkUnits.codes(n).subList(batch * BATCH, Math.min(n, (batch + 1) * BATCH))) {
        variables.put("unitCode", unit);
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(FloorModel.UNIT_KEY)
            .businessKey(campaign + "/" + unit).setVariables(variables).execute();
      }
      if (PlannerStatistics.dueAfterBatch(batch)) {
        statistics.refreshAfterCommit();
      }
    }

    @Override
    public void notify(DelegateExecution execution) {
      String campaign = (String) execution.getVariable("campaignCode");
      int n = (Integer) execution.getVariable("unitCount");
      if (closed.computeIfAbsent(campaign, c -> new AtomicInteger()).incrementAndGet() == n) {
        execution.getProcessEngineServices().getRuntimeService()
            .createMessageCorrelation(UnitReviewProcess.UNITS_CLOSED_MESSAGE).processInstanceBusinessKey(campaign)
            .correlateAllWithResult();
      }
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ReportService reports;
  @Autowired ProgressService progress;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  abstract String database();

  /** The database's size on disk, in bytes. */
  abstract long databaseBytes();

  /**
   * What the database gives back once the work stops, the application still running: "" where
   * nothing does (PostgreSQL keeps its files), else the size after its housekeeping, in words.
   */
  String sizeWhenIdle() {
    return "";
  }

  /**
   * Brings the planner's statistics up to date before a campaign and before the queries, as the
   * database's own maintenance does on a database in use. H2 analyses by itself after every 2,000
   * changed rows; PostgreSQL's autovacuum only every minute at best, too late for tables that grow
   * from nothing to 10,000 rows within a run.
   */
  void refreshStatistics() {}

  /** Sets the database up as production has it, for the run; what it did, in words for the table. */
  String prepareDatabase() {
    return "";
  }

  /** Leaves the database server as it was found. */
  void restoreDatabase() {}

  /** What {@link #prepareDatabase()} said, for the report. */
  String databaseNote = "";

  /**
   * One campaign driven: {@code driven} of its {@code units} through their review (all but in a sample).
   * {@code startCpu} and {@code driveCpu}: the CPU seconds the application's JVM
   * and the local PostgreSQL server spent in the start and in the officers' work (the queries between
   * excluded), a figure that depends less than the time on how fast the machine is at the moment and
   * on what else it runs; 0 where not measured (lines of runs.tsv written before 2026-12-08).
   */
  record Run(String model, int units, int driven, double startSeconds, int completions, double driveSeconds,
      double endToEndSeconds, long peakHeapMiB, long peakLiveMiB, double startCpu, double driveCpu) {
    Run(String model, int units, int driven, double startSeconds, int completions, double driveSeconds,
        double endToEndSeconds, long peakHeapMiB, long peakLiveMiB) {
      this(model, units, driven, startSeconds, completions, driveSeconds, endToEndSeconds, peakHeapMiB, peakLiveMiB, 0, 0);
    }

    double perSecond() {
      return completions / driveSeconds;
    }

    /** CPU milliseconds (application and PostgreSQL) per task completion. */
    double cpuPerCompletionMillis() {
      return 1000 * driveCpu / completions;
    }
  }

  /** The units driven of a campaign of n: all, or {@link #SAMPLE} spread evenly over them. */
  static List<String> driven(int n) {
    List<String> all = BenchmarkUnits.codes(n);
    if (SAMPLE <= 0 || SAMPLE >= n) {
      return all;
    }
    return IntStream.range(0, SAMPLE).mapToObj(i -> all.get((int) ((long) i * n / SAMPLE))).toList();
  }

  @Test
  void measure() throws Exception {
    if (!List.of("both", "ours", "floor").contains(MODEL)) {
      throw new IllegalArgumentException("bench.model is both, ours or floor, not " + MODEL);
    }
    databaseNote = prepareDatabase();
    try {
      measureAll();
    } finally {
      restoreDatabase();
    }
  }

  void measureAll() throws Exception {
    FloorModel.deploy(engine.getRepositoryService());
    String disk = Measurements.syncWriteLatency();
    // The counting pass counts both models step by step; it runs when both do.
    String counts = COUNTED > 0 && MODEL.equals("both") ? new CountingPass(this).countingPass(COUNTED) : "";
    List<Run> runs = new ArrayList<>();
    List<String> queryLines = new ArrayList<>();
    for (int size : SIZES) {
      if (drives(false)) {
        runs.add(drive(false, size, size == Arrays.stream(SIZES).max().getAsInt() ? queryLines : null));
      }
      if (drives(true)) {
        runs.add(drive(true, size, null));
      }
    }
    runs.forEach(run -> RunLog.add(database(), run));
    boolean ours = drives(false);
    Run rest = REST_SIZE > 0 && ours ? new RestDrive(this).driveThroughRest(REST_SIZE) : null;
    String burst = burstLine != null ? burstLine : BURST > 0 && ours ? new DeadlineBurst(this).burst(BURST) : "";
    if (BURST > 0 && drives(true)) {
      burst += (burst.isEmpty() ? "" : "\n") + new DeadlineBurst(this).floorBurst(BURST);
    }
    new BenchmarkReport(this).report(runs, rest, queryLines, burst, disk, counts);
  }

  // ---- driving a campaign -------------------------------------------------------------------

  /**
   * The officers' time in saving reports, which the floor has no counterpart of: each save is a
   * transaction of about 70,000 characters, in the officers' time but not a task completion.
   */
  final java.util.concurrent.atomic.LongAdder savingNanos = new java.util.concurrent.atomic.LongAdder();
  final List<String> savingLines = new ArrayList<>();

  /** The campaign's row while PV01 accepts every report, one line per campaign of ours. */
  final List<String> rowLines = new ArrayList<>();

  /** The burst's line, when it was measured on the largest campaign of ours rather than on one of its own. */
  String burstLine;

  /**
   * Drives a campaign of n units, ours or the floor, through the engine's Java API. Ours of the burst's
   * size first waits for its report deadline and lets every unit pass it at the same moment (the
   * burst), then is driven to the end with every report late.
   */
  Run drive(boolean floor, int n, List<String> queryLines) throws Exception {
    boolean burstHere = !floor && n == BURST && !BURST_APART;
    String code = (floor ? "FLOOR-" : "OURS-") + n + "-" + System.currentTimeMillis() % 100_000;
    refreshStatistics();
    LOG.info("{} units, {}: starting", n, floor ? "floor" : "ours");
    try (HeapPeak heap = new HeapPeak()) {
      long begin = System.nanoTime();
      Measurements.Cpu cpu = Measurements.Cpu.now();
      Date deadline = burstHere ? Date.from(Instant.now().plus(Duration.ofDays(1))) : far(0);
      ProcessInstance campaign = floor ? startFloor(code, n) : startOurs(code, n, deadline);
      Task guidance = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
      engine.getTaskService().complete(guidance.getId(), Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
      awaitNoMessageJobs(campaign.getId(), Duration.ofMinutes(20 + n / 1_000));
      double startSeconds = Measurements.seconds(begin);
      Measurements.Cpu startCpu = Measurements.Cpu.now().since(cpu);
      LOG.info("{} units, {}: started in {} s ({})", n, floor ? "floor" : "ours", Measurements.f1(startSeconds),
          startCpu);
      if (burstHere) {
        burstLine = new DeadlineBurst(this).deadlineBurst(code, n, deadline, heap);
      }

      long drive = System.nanoTime();
      Measurements.Cpu driveBegin = Measurements.Cpu.now();
      Measurements.Cpu queriesCpu = new Measurements.Cpu(0, 0);
      List<String> units = driven(n);
      boolean sampled = units.size() < n;
      savingNanos.reset();
      int completions = officers(units, unit -> prepareAndApprove(code, unit, floor));
      double preparing = Measurements.seconds(drive);
      // The queries are measured while every report waits for PV01, outside the officers' time: they
      // once counted in it, and a run of one size alone then showed ours several times the floor.
      long queriesTook = 0;
      if (queryLines != null) {
        long queriesBegin = System.nanoTime();
        Measurements.Cpu queriesBeginCpu = Measurements.Cpu.now();
        refreshStatistics();
        queryLines.addAll(new QueryLatency(this).queries(code, n));
        queriesTook = System.nanoTime() - queriesBegin;
        queriesCpu = Measurements.Cpu.now().since(queriesBeginCpu);
      }
      // PV01 accepts every report: the units end together, each counted in the campaign's row.
      double driveSeconds;
      Measurements.Cpu driveCpu;
      try (RowWait row = floor ? null : new RowWait(meters.timer(CampaignService.CLOSED_UNIT_UPDATE))) {
        completions += officers(units, unit -> evaluate(code, unit));
        driveSeconds = Measurements.seconds(drive + queriesTook);
        driveCpu = Measurements.Cpu.now().since(driveBegin).since(queriesCpu);
        if (!sampled) {
          await("the campaign to reach compilation", Duration.ofMinutes(20), () -> engine.getTaskService()
              .createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey("CompileProvincialReport")
              .count() == 1);
        }
        if (row != null) {
          rowLines.add(row.line(database(), n));
        }
      }
      if (!floor) {
        double saving = savingNanos.sum() / 1e9;
        savingLines.add("| " + n + " | " + Measurements.f1(saving) + " s | " + Measurements.f1(OFFICERS * preparing)
            + " s | " + Measurements.f1(100 * saving / (OFFICERS * preparing)) + " % |");
      }
      Run run = new Run(floor ? "floor" : "ours", n, units.size(), startSeconds, completions, driveSeconds,
          Measurements.seconds(begin + queriesTook), heap.peakMiB(), heap.peakLiveMiB(), startCpu.total(),
          driveCpu.total());
      LOG.info("{}", run);
      return run;
    } finally {
      ClockUtil.reset();
    }
  }

  ProcessInstance startOurs(String code, int n, Date deadline) {
    return engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
        "campaignCode", code, "campaignTitle", "Đo hiệu năng " + n + " đơn vị", "reviewPeriod", "2023–2024",
        "reportDeadline", deadline, "conferenceDeadline", Date.from(deadline.toInstant().plus(Duration.ofDays(40))),
        // All units: the registry order; a list of 10,000 codes is not a form value.
        "participatingUnits", n == REGISTRY ? "" : String.join(",", BenchmarkUnits.codes(n))));
  }

  ProcessInstance startFloor(String code, int n) {
    return startFloor(code, n, far(0));
  }

  /** The floor's campaign; its units' report deadline timers (and tasks) are due at {@code deadline}. */
  ProcessInstance startFloor(String code, int n, Date deadline) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("campaignCode", code);
    variables.put("unitCount", n);
    variables.put("reportDeadline", far(0));
    variables.put("synthesisCutoff", far(14));
    variables.put("conferenceDeadline", far(40));
    variables.put("reportDueDate", deadline);
    variables.put("evaluationDueDate", far(5));
    variables.put("farFuture", far(60));
    variables.put("farCycle", "R/2099-09-15T00:00:00+07:00/P3D");
    variables.put("round", 1);
    return engine.getRuntimeService().startProcessInstanceByKey(FloorModel.CAMPAIGN_KEY, code, variables);
  }

  static Date far(int days) {
    return Date.from(Instant.parse("2099-07-15T00:00:00+07:00").plus(Duration.ofDays(days)));
  }

  /** What the unit does: choose the format, write the report (ours only), submit; the leader approves. */
  int prepareAndApprove(String code, String unit, boolean floor) {
    String key = code + "/" + unit;
    complete(key, "ChooseReviewFormat", Map.of("reviewFormat", "WRITTEN", "plannedDate", new Date()));
    if (!floor) {
      long saving = System.nanoTime();
      reports.saveDraft(code, unit, report(unit), unit.toLowerCase() + "officer");
      savingNanos.add(System.nanoTime() - saving);
    }
    complete(key, "DraftReport", Map.of());
    complete(key, "ApproveUnitReport", Map.of("leaderDecision", "APPROVE"));
    return 3;
  }

  int evaluate(String code, String unit) {
    complete(code + "/" + unit, "EvaluateReport", Map.of("evaluationDecision", "ACCEPT", "rating", "GOOD",
        "selectedPractices", "Mô hình tự quản của " + unit));
    return 1;
  }

  void complete(String businessKey, String taskKey, Map<String, Object> variables) {
    Task task = COUNTS.uncounted(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult());
    if (task == null) {
      throw new IllegalStateException("no " + taskKey + " for " + businessKey);
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  static ReportDraft report(String unit) {
    Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
    for (ReportSection section : ReportSection.values()) {
      sections.put(section, section.title() + " của đơn vị " + unit + ": " + "nội dung báo cáo. ".repeat(60));
    }
    return new ReportDraft(sections, 12, 9, 11, "Đề nghị khen thưởng 01 tập thể.");
  }

  /** The officers: a fixed pool of threads sharing the units; returns the task completions. */
  int officers(List<String> units, java.util.function.ToIntFunction<String> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(OFFICERS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (String unit : units) {
        done.add(pool.submit(() -> work.applyAsInt(unit)));
      }
      int completions = 0;
      for (Future<Integer> future : done) {
        completions += future.get();
      }
      return completions;
    } finally {
      pool.shutdown();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  void awaitNoMessageJobs(String processInstanceId, Duration timeout) {
    await("the asynchronous jobs of " + processInstanceId, timeout, () -> engine.getManagementService()
        .createJobQuery().processInstanceId(processInstanceId).messages().count() == 0);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Eventually.until(what, timeout, Duration.ofMillis(200), condition);
  }

  void ensureUser(String id, String group) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  String send(HttpClient http, String method, String path, String user, String body) {
    return new BenchmarkHttp(http, port, PASSWORD).send(method, path, user, body);
  }

  long count(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }
}
