package vn.nghean.review.benchmark;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.task.Task;

import vn.nghean.review.benchmark.Measurements.HeapPeak;
import vn.nghean.review.record.ReportSection;

/**
 * The campaign driven through {@code /engine-rest} as Tasklist drives it, with HTTP Basic and the
 * forms' submissions, for {@link CampaignBenchmark}.
 */
final class RestDrive {

  private final CampaignBenchmark bench;

  RestDrive(CampaignBenchmark bench) {
    this.bench = bench;
  }

  CampaignBenchmark.Run driveThroughRest(int n) throws Exception {
    String code = "REST-" + n + "-" + System.currentTimeMillis() % 100_000;
    List<String> units = BenchmarkUnits.codes(n);
    bench.ensureUser("benchpv01", "pv01");
    for (String unit : units) {
      bench.ensureUser(unit.toLowerCase() + "officer", "unit" + unit);
      bench.ensureUser(unit.toLowerCase() + "lead", "unit" + unit + "lead");
    }
    HttpClient http = HttpClient.newHttpClient();
    CampaignBenchmark.LOG.info("{} units through /engine-rest: starting", n);
    try (HeapPeak heap = new HeapPeak()) {
      long begin = System.nanoTime();
      String started = bench.send(http, "POST", "/engine-rest/process-definition/key/reviewCampaign/submit-form", "benchpv01",
          vars("campaignCode", code, "campaignTitle", "Đo hiệu năng qua REST", "reviewPeriod", "2023–2024",
              "reportDeadline", "2099-07-15", "conferenceDeadline", "2099-08-24",
              "participatingUnits", String.join(",", units)));
      String campaignId = started.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      submit(http, code, "IssueGuidance", "benchpv01", vars("guidanceNumber", "1/HD", "guidanceDate", "2099-06-01"));
      bench.awaitNoMessageJobs(campaignId, Duration.ofMinutes(20));
      double startSeconds = Measurements.seconds(begin);
      long drive = System.nanoTime();
      int completions = bench.officers(units, unit -> {
        String officer = unit.toLowerCase() + "officer";
        String key = code + "/" + unit;
        submit(http, key, "ChooseReviewFormat", officer, vars("reviewFormat", "WRITTEN", "plannedDate", "2099-06-20"));
        StringBuilder sections = new StringBuilder();
        for (ReportSection section : ReportSection.values()) {
          sections.append(sections.length() == 0 ? "" : ",").append('"').append(section.name()).append("\":\"")
              .append("Nội dung báo cáo. ".repeat(60)).append('"');
        }
        bench.send(http, "PUT", "/api/campaigns/" + code + "/units/" + unit + "/report", officer, "{\"sections\":{"
            + sections + "},\"modelUnitsBuilt\":12,\"modelUnitsRecognised\":9,\"modelsInOperation\":11}");
        submit(http, key, "DraftReport", officer, vars());
        submit(http, key, "ApproveUnitReport", unit.toLowerCase() + "lead", vars("leaderDecision", "APPROVE"));
        submit(http, key, "EvaluateReport", "benchpv01", vars("evaluationDecision", "ACCEPT", "rating", "GOOD"));
        return 4;
      });
      double driveSeconds = Measurements.seconds(drive);
      CampaignBenchmark.await("the REST campaign to reach compilation", Duration.ofMinutes(20), () -> bench.engine.getTaskService()
          .createTaskQuery().processInstanceId(campaignId).taskDefinitionKey("CompileProvincialReport").count() == 1);
      CampaignBenchmark.Run run = new CampaignBenchmark.Run("ours, /engine-rest", n, n, startSeconds, completions,
          driveSeconds, Measurements.seconds(begin), heap.peakMiB(), heap.peakLiveMiB());
      CampaignBenchmark.LOG.info("{}", run);
      return run;
    }
  }

  void submit(HttpClient http, String businessKey, String taskKey, String user, String variables) {
    Task task = bench.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("no " + taskKey + " for " + businessKey);
    }
    bench.send(http, "POST", "/engine-rest/task/" + task.getId() + "/submit-form", user, variables);
  }

  static String vars(String... pairs) {
    return BenchmarkHttp.vars(pairs);
  }
}
