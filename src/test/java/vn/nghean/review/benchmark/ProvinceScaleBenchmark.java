package vn.nghean.review.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import vn.nghean.review.benchmark.Measurements.Latencies;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.identity.TaskFilters;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.support.Eventually;
import vn.nghean.review.support.WebappSession;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/**
 * The province of tomorrow beside the province of 2024, on the embedded database file: a campaign of
 * the 31 units of 2024 (21 district-level units, 10 departments), then one of the 138 of today (130
 * communes, 8 departments), every unit with two officers and a leader. Measures each start (the start
 * form, the guidance, every unit's review started) and the queries users make while the campaign
 * runs: the Tasklist filters of a unit officer and of PV01, the Cockpit progress view and campaign
 * list. Writes its table to {@code target/bench/province-scale.md} ({@code mvn -Pbench test
 * -Dtest=ProvinceScaleBenchmark}, docs/performance.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "review.units.location=classpath:units/nghe-an.csv", "review.demo.enabled=false",
    "spring.datasource.url=jdbc:h2:file:./target/bench/province/run-${random.uuid}/so-ket;DB_CLOSE_ON_EXIT=FALSE"})
@ActiveProfiles("bench")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProvinceScaleBenchmark {

  static final Logger LOG = LoggerFactory.getLogger(ProvinceScaleBenchmark.class);
  static final Path RESULTS = Path.of("target", "bench", "province-scale.md");
  static final String PASSWORD = "bench";
  static final int QUERIES = Integer.getInteger("bench.queries", 200);
  /** The day of the 2024 units, and today's units (the 130 communes). */
  static final String UNITS_OF_2024 = "2024-12-31";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired UnitRegistry registry;

  record Scale(String campaign, int units, double startSeconds, Latencies officer, Latencies pv01,
      Latencies pv01Evaluation, Latencies progress, Latencies campaigns) {}

  @Test
  void theStartFiltersAndProgressViewOf138UnitsBesideThoseOf31() throws Exception {
    for (Unit unit : registry.all()) {
      String prefix = unit.code().toLowerCase(Locale.ROOT);
      user(prefix + "officer", Groups.unitOfficers(unit.code()));
      user(prefix + "officer2", Groups.unitOfficers(unit.code()));
      user(prefix + "lead", Groups.unitLeaders(unit.code()));
    }
    user("benchpv01", Groups.PV01);
    user("benchmanager", Groups.MANAGERS);
    BenchmarkHttp http = new BenchmarkHttp(HttpClient.newHttpClient(), port, PASSWORD);
    // A warm-up campaign, so that the first measured start does not pay for the JIT and the caches.
    campaign(http, "SK-KHOI-DONG", UNITS_OF_2024, "vinhofficer");

    Scale of2024 = campaign(http, "SK-2024-31", UNITS_OF_2024, "vinhofficer");
    Scale today = campaign(http, "SK-2026-138", "", "anhsonxaofficer");

    List<String> lines = new ArrayList<>(List.of(
        "| measured on the embedded H2 file (p50 / p95 ms; start in s) | 31 units (2024) | 138 units (today) |",
        "|---|---|---|",
        "| start: start form, guidance, every unit's review started | " + Measurements.f2(of2024.startSeconds())
            + " s | " + Measurements.f2(today.startSeconds()) + " s |",
        "| start, per unit | " + Measurements.f1(1000 * of2024.startSeconds() / of2024.units()) + " ms | "
            + Measurements.f1(1000 * today.startSeconds() / today.units()) + " ms |"));
    lines.add(row("unit officer, Tasklist filter *Việc cần làm*", of2024.officer(), today.officer()));
    lines.add(row("PV01, Tasklist filter *Việc cần làm*", of2024.pv01(), today.pv01()));
    lines.add(row("PV01, Tasklist filter *Chờ thẩm định*", of2024.pv01Evaluation(), today.pv01Evaluation()));
    lines.add(row("manager, progress view `GET /api/campaigns/{code}/progress`", of2024.progress(), today.progress()));
    lines.add(row("manager, campaign list `GET /api/campaigns` (Cockpit's dashboard)", of2024.campaigns(),
        today.campaigns()));
    String table = String.join("\n", lines) + "\n";
    Files.createDirectories(RESULTS.getParent());
    Files.writeString(RESULTS, table);
    LOG.info("Province scale:\n{}", table);
  }

  /** Starts the campaign with the units of that day (blank: today), and measures while it runs. */
  Scale campaign(BenchmarkHttp http, String code, String unitsOn, String officer) {
    long begin = System.nanoTime();
    String started = http.send("POST", "/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        "benchpv01", BenchmarkHttp.vars("campaignCode", code, "campaignTitle", "Đo quy mô tỉnh", "reviewPeriod",
            "2025–2026", "reportDeadline", "2099-07-15", "conferenceDeadline", "2099-08-24", "participatingUnits", "",
            "participantsOn", unitsOn));
    String campaignId = started.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    Task guidance = engine.getTaskService().createTaskQuery().processInstanceId(campaignId)
        .taskDefinitionKey(CampaignProcess.Element.ISSUE_GUIDANCE).singleResult();
    http.send("POST", "/engine-rest/task/" + guidance.getId() + "/submit-form", "benchpv01",
        BenchmarkHttp.vars("guidanceNumber", "1/HD", "guidanceDate", "2099-06-01"));
    await("the units of " + code, Duration.ofMinutes(10), () -> engine.getManagementService().createJobQuery()
        .processInstanceId(campaignId).messages().count() == 0);
    double seconds = Measurements.seconds(begin);
    int units = (int) engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(UnitReviewProcess.KEY)
        .processInstanceBusinessKeyLike(code + "/%").count();
    LOG.info("{}: {} units started in {} s", code, units, Measurements.f2(seconds));

    String toDo = filterId(TaskFilters.TO_DO);
    String awaiting = filterId(TaskFilters.AWAITING_EVALUATION);
    String page = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    WebappSession officerSession = new WebappSession(port, officer, PASSWORD);
    WebappSession pv01Session = new WebappSession(port, "benchpv01", PASSWORD);
    Latencies officerList = new Latencies();
    Latencies pv01List = new Latencies();
    Latencies pv01Evaluation = new Latencies();
    Latencies progress = new Latencies();
    Latencies campaigns = new Latencies();
    for (int i = 0; i < QUERIES; i++) {
      officerList.time(() -> officerSession.filterList(toDo, 15, page));
      pv01List.time(() -> pv01Session.filterList(toDo, 15, page));
      pv01Evaluation.time(() -> pv01Session.filterList(awaiting, 15, page));
      progress.time(() -> http.send("GET", "/api/campaigns/" + code + "/progress", "benchmanager", null));
      campaigns.time(() -> http.send("GET", "/api/campaigns", "benchmanager", null));
    }
    return new Scale(code, units, seconds, officerList, pv01List, pv01Evaluation, progress, campaigns);
  }

  static String row(String what, Latencies before, Latencies after) {
    return "| " + what + " | " + Measurements.f1(before.percentile(50)) + " / " + Measurements.f1(before.percentile(95))
        + " | " + Measurements.f1(after.percentile(50)) + " / " + Measurements.f1(after.percentile(95)) + " |";
  }

  String filterId(String name) {
    return engine.getFilterService().createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  void user(String id, String group) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Eventually.until(what, timeout, Duration.ofMillis(50), condition);
  }
}
