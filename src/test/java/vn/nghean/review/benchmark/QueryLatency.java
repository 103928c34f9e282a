package vn.nghean.review.benchmark;

import java.net.http.HttpClient;
import java.util.List;

import vn.nghean.review.support.WebappSession;
import vn.nghean.review.benchmark.Measurements.Latencies;
import vn.nghean.review.identity.TaskFilters;

/**
 * The latency of the lists users open at the campaign's size (Tasklist's filters for PV01 and a unit
 * officer, the progress view), through HTTP and the engine alone, for {@link CampaignBenchmark}.
 */
final class QueryLatency {

  private final CampaignBenchmark bench;

  QueryLatency(CampaignBenchmark bench) {
    this.bench = bench;
  }

  /** With every unit's report awaiting PV01: the task lists users open, and the progress view. */
  List<String> queries(String code, int n) {
    bench.ensureUser("benchpv01", "pv01");
    String unit = BenchmarkUnits.codes(n).get(n / 2);
    bench.ensureUser("benchunitofficer", "unit" + unit);
    bench.ensureUser("benchmanager", "managers");
    HttpClient http = HttpClient.newHttpClient();
    String pv01Filter = filterId(TaskFilters.AWAITING_EVALUATION);
    String unitFilter = filterId(TaskFilters.TO_DO);
    // Tasklist's request: a page of 15, newest first, the filter's variables with it.
    String page = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    WebappSession pv01Session = new WebappSession(bench.port, "benchpv01", CampaignBenchmark.PASSWORD);
    WebappSession officerSession = new WebappSession(bench.port, "benchunitofficer", CampaignBenchmark.PASSWORD);
    Latencies pv01 = new Latencies();
    Latencies officer = new Latencies();
    Latencies pv01Basic = new Latencies();
    Latencies officerBasic = new Latencies();
    Latencies progressApi = new Latencies();
    Latencies pv01Engine = new Latencies();
    Latencies officerEngine = new Latencies();
    for (int i = 0; i < CampaignBenchmark.QUERIES; i++) {
      pv01Engine.time(() -> engineList("benchpv01", List.of("pv01"), pv01Filter));
      officerEngine.time(() -> engineList("benchunitofficer", List.of("unit" + unit), unitFilter));
      pv01.time(() -> pv01Session.filterList(pv01Filter, 15, page));
      officer.time(() -> officerSession.filterList(unitFilter, 15, page));
      pv01Basic.time(() -> bench.send(http, "POST", "/engine-rest/filter/" + pv01Filter
          + "/list?firstResult=0&maxResults=15", "benchpv01", page));
      officerBasic.time(() -> bench.send(http, "POST", "/engine-rest/filter/" + unitFilter
          + "/list?firstResult=0&maxResults=15", "benchunitofficer", page));
      if (i < CampaignBenchmark.QUERIES / 4) {
        progressApi.time(() -> bench.send(http, "GET", "/api/campaigns/" + code + "/progress", "benchmanager", null));
      }
    }
    long awaiting = bench.engine.getTaskService().createTaskQuery().taskDefinitionKey("EvaluateReport")
        .taskCandidateGroup("pv01").count();
    return List.of(
        row("PV01 in Tasklist, filter *Chờ thẩm định* (" + awaiting + " tasks), first page of 15", pv01),
        row("unit officer in Tasklist, filter *Việc cần làm* (its 1 task among " + n + " units)", officer),
        row("the same two through `/engine-rest` with HTTP Basic (a program): PV01", pv01Basic),
        row("the same two through `/engine-rest` with HTTP Basic (a program): unit officer", officerBasic),
        row("manager, progress view `GET /api/campaigns/{code}/progress` (" + n + " units)", progressApi),
        row("the engine alone (filter's first page and count, no HTTP): PV01", pv01Engine),
        row("the engine alone (filter's first page and count, no HTTP): unit officer", officerEngine));
  }

  /** The filter's first page and its count through the engine's API, as the user: the SQL without HTTP. */
  void engineList(String user, List<String> groups, String filterId) {
    bench.engine.getIdentityService().setAuthentication(user, groups);
    try {
      bench.engine.getFilterService().listPage(filterId, 0, 15);
      bench.engine.getFilterService().count(filterId);
    } finally {
      bench.engine.getIdentityService().clearAuthentication();
    }
  }

  static String row(String what, Latencies latencies) {
    return "| " + what + " | " + Measurements.f1(latencies.percentile(50)) + " | "
        + Measurements.f1(latencies.percentile(95)) + " |";
  }

  String filterId(String name) {
    return bench.engine.getFilterService().createTaskFilterQuery().filterName(name).singleResult().getId();
  }
}
