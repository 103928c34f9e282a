package vn.nghean.review.support;

import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.notification.NotificationRepository;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;

/**
 * What every process test shares: the engine and its assertions, the test's own campaign codes, the
 * engine's clock at {@link #start()} and back to the wall afterwards, and the records to assert on.
 */
@ProcessTest
public abstract class ProcessTestBase {

  private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

  @Autowired protected ProcessEngine engine;
  @Autowired protected CampaignService campaigns;
  @Autowired protected ReportService reports;
  @Autowired protected NotificationRepository outbox;
  protected Jobs jobs;

  /** The engine's clock when each test begins. */
  protected abstract Instant start();

  @BeforeEach
  void setUpEngine() {
    BpmnAwareTests.init(engine);
    jobs = new Jobs(engine);
    Jobs.clockAt(Date.from(start()));
    member("ptpv01", Groups.PV01, "pv01@test.example");
    member("ptpv01lead", Groups.PV01_LEAD, "pv01lead@test.example");
    member("ptbcd", Groups.STEERING_COMMITTEE, "bcd@test.example");
  }

  /** One member of the province's groups, so that what goes to a group reaches somebody. */
  private void member(String id, String group, String email) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setEmail(email);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  @AfterEach
  void resetEngine() {
    Jobs.resetClock();
    BpmnAwareTests.reset();
  }

  /** A campaign code no other test uses: tests share the database. */
  protected static String newCampaignCode() {
    return "SK-T" + CAMPAIGNS.incrementAndGet();
  }

  /** The start form of a campaign with deadlines in 2024, as PV01 fills it in. */
  protected static Map<String, Object> startForm(String code, String units) {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.CAMPAIGN_CODE, code);
    form.put(Var.CAMPAIGN_TITLE, "Sơ kết 02 năm (2023–2024) xây dựng đơn vị điển hình");
    form.put(Var.REVIEW_PERIOD, "2023–2024");
    form.put(Var.REPORT_DEADLINE, "2024-07-15");
    form.put(Var.CONFERENCE_DEADLINE, "2024-08-15");
    form.put(Var.PARTICIPATING_UNITS, units);
    return form;
  }

  /**
   * PV01 starts a campaign of these units through its start form and issues the guidance, as in
   * Tasklist; the units' reviews open once the continuations run ({@link Jobs#runContinuations()}).
   */
  protected ProcessInstance campaignWithGuidance(String code, String units) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance campaign = engine.getFormService().submitStartForm(definition, startForm(code, units));
    Task guidance = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
    engine.getFormService().submitTaskForm(guidance.getId(), Map.of(Var.GUIDANCE_NUMBER, "1/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));
    return campaign;
  }

  protected UnitReport record(String campaign, String unit) {
    return reports.get(campaign, unit);
  }

  /** The notifications written about a unit (or, with a null unit, about the campaign), of one kind. */
  protected List<Notification> sent(String campaign, String unit, NotificationKind kind) {
    List<Notification> about = unit == null ? outbox.findByCampaignCodeOrderById(campaign)
        : outbox.findByCampaignCodeAndUnitCodeOrderById(campaign, unit);
    return about.stream().filter(n -> n.getKind() == kind).toList();
  }

  /** A report with all eight sections and the key figures: what the unit's officer saves before completing. */
  protected void writeFullReport(String campaign, String unit) {
    Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
    for (ReportSection section : ReportSection.values()) {
      sections.put(section, section.title() + " của đơn vị " + unit);
    }
    reports.saveDraft(campaign, unit, new ReportDraft(sections, 5, 4, 3, "Đề nghị khen thưởng 01 tập thể."),
        "officer");
  }
}
