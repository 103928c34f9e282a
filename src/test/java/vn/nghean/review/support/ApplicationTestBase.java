package vn.nghean.review.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.notification.Message;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;

/**
 * The whole application on a random port, shared by every test class that extends this one (one
 * Spring context for the suite): real engine, real web layer, in-memory H2, job executor on. Tagged
 * {@value #DATABASE}: these are the tests that run on the application's database, and so the ones
 * {@code mvn -Ppostgres verify} runs again on PostgreSQL.
 */
@Tag(ApplicationTestBase.DATABASE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(ApplicationTestBase.TestBeans.class)
public abstract class ApplicationTestBase {

  /** The tag of the tests on the application's database ({@code test.db.url}); pom.xml's postgres profile names it. */
  public static final String DATABASE = "application-database";

  /** Beans only tests use; declared here so that every application test shares one context. */
  @TestConfiguration
  public static class TestBeans {

    /** Writes a notification, then fails as many times as a test asks before it succeeds. */
    @Bean
    public FlakyNotifier flakyNotifier(NotificationService notifications) {
      return new FlakyNotifier(notifications);
    }
  }

  public static class FlakyNotifier implements JavaDelegate {
    public final AtomicInteger failuresLeft = new AtomicInteger();
    private final NotificationService notifications;

    FlakyNotifier(NotificationService notifications) {
      this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
      notifications.send(new Message(NotificationKind.REMINDER, "Thử gửi lại", "Nội dung thử", null, null, null),
          List.of(new Recipient(null, (String) execution.getVariable("to"))));
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("simulated failure after the notification was written");
      }
    }
  }

  public static final String PASSWORD = "demo";

  @LocalServerPort protected int port;
  @Autowired protected TestRestTemplate rest;
  @Autowired protected ProcessEngine engine;
  @Autowired protected ObjectMapper json;
  @Autowired protected ReportService reportService;

  /**
   * The engine's REST API of this context's engine: the default engine's path, unless the JVM holds
   * the engines of several test contexts and this one has a name of its own.
   */
  protected String engineRest() {
    return "/engine-rest";
  }

  /** Creates a user in a group once; several test classes share the database. */
  protected void user(String id, String group) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(PASSWORD);
      user.setFirstName(id);
      user.setLastName("test");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  protected TestRestTemplate as(String userId) {
    return rest.withBasicAuth(userId, PASSWORD);
  }

  /** Camunda's REST form of variables, as Tasklist sends them. */
  protected static Map<String, Object> variables(Object... nameValuePairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      Object value = nameValuePairs[i + 1];
      String type = value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String";
      variables.put((String) nameValuePairs[i], Map.of("value", value, "type", type));
    }
    return Map.of("variables", variables);
  }

  protected ResponseEntity<String> post(String userId, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(userId).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  protected ResponseEntity<String> put(String userId, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(userId).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
  }

  protected JsonNode read(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  /** Starts a campaign through the start form as PV01 would, with deadlines well ahead. */
  protected ResponseEntity<String> startCampaign(String pv01User, String code, String units) {
    return startCampaign(pv01User, code, units, java.time.LocalDate.of(2099, 7, 15));
  }

  /** Starts a campaign through the start form as PV01 would, its report due at the start of that day. */
  protected ResponseEntity<String> startCampaign(String pv01User, String code, String units,
      java.time.LocalDate reportDeadline) {
    return post(pv01User, engineRest() + "/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        variables(CampaignProcess.Var.CAMPAIGN_CODE, code, CampaignProcess.Var.CAMPAIGN_TITLE, "Sơ kết thử nghiệm",
            CampaignProcess.Var.REVIEW_PERIOD, "2023–2024",
            CampaignProcess.Var.REPORT_DEADLINE, reportDeadline.toString(), CampaignProcess.Var.CONFERENCE_DEADLINE,
                reportDeadline.plusDays(60).toString(),
            CampaignProcess.Var.PARTICIPATING_UNITS, units));
  }

  /** PV01 issues the guidance; returns once every unit's review has started. */
  protected void issueGuidance(String campaignCode) {
    engine.getTaskService().complete(task(campaignCode, CampaignProcess.Element.ISSUE_GUIDANCE).getId(),
        Map.of("guidanceNumber", "1/HD", "guidanceDate", "2024-06-01"));
    awaitUnitsStarted(campaignCode);
  }

  /** The unit chooses a written review, writes a complete report and submits it; its leader approves. */
  protected void submitReport(String campaignCode, String unit) {
    String key = campaignCode + "/" + unit;
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(),
        Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    reportService.saveDraft(campaignCode, unit, fullReport(unit), "officer");
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.DRAFT_REPORT).getId());
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT).getId(),
        Map.of("leaderDecision", CampaignProcess.APPROVE));
  }

  /**
   * Waits until the guidance has been mailed and every unit's review has started: they run in jobs
   * of their own after PV01 issues the guidance (docs/performance.md).
   */
  protected void awaitUnitsStarted(String campaignCode) {
    String campaign = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(campaignCode)
        .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
    await("the units of " + campaignCode + " to start", Duration.ofSeconds(60),
        () -> engine.getManagementService().createJobQuery().processInstanceId(campaign).messages().count() == 0);
  }

  /**
   * No job of the campaign or its units failed. A failing job is tried again 5 minutes later
   * ({@code R5/PT5M}) and becomes an incident only after its fifth attempt, about 20 minutes on, so
   * "no incident" proves nothing within a test: this looks for what a failure leaves at once, the
   * exception on the job and the failure in its log, and for incidents too.
   */
  protected void assertNoJobFailed(String campaignCode) {
    List<String> instances = new java.util.ArrayList<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(campaignCode).list()
        .forEach(instance -> instances.add(instance.getId()));
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(campaignCode + "/%")
        .list().forEach(instance -> instances.add(instance.getId()));
    assertThat(instances).as("instances of " + campaignCode).isNotEmpty();
    List<String> failures = new java.util.ArrayList<>();
    for (String instance : instances) {
      engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).failureLog().list()
          .forEach(log -> failures.add(log.getActivityId() + ": " + log.getJobExceptionMessage()));
      engine.getManagementService().createJobQuery().processInstanceId(instance).withException().list()
          .forEach(job -> failures.add("job " + job.getId() + " (retries " + job.getRetries() + "): "
              + job.getExceptionMessage()));
      engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).list()
          .forEach(incident -> failures.add("incident: " + incident.getIncidentMessage()));
    }
    assertThat(failures).as("failed jobs of " + campaignCode).isEmpty();
  }

  protected Task task(String businessKey, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult();
  }

  protected static ReportDraft fullReport(String text) {
    Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
    for (ReportSection section : ReportSection.values()) {
      sections.put(section, section.title() + ": " + text);
    }
    return new ReportDraft(sections, 5, 4, 3, "Đề nghị khen thưởng 01 tập thể.");
  }

  protected static void await(String what, Duration timeout, BooleanSupplier condition) {
    Eventually.until(what, timeout, condition);
  }

  protected static void assertStatus(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
  }

  protected static List<String> names(JsonNode array, String field) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }
}
