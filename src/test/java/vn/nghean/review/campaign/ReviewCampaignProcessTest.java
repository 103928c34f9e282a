package vn.nghean.review.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.process.CampaignProcess.Element;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.report.UnitReport;
import vn.nghean.review.support.ProcessTestBeans;

@Deployment(resources = {"processes/review-campaign.bpmn", "processes/unit-review.bpmn",
    "processes/forms/campaign-start.form", "processes/forms/issue-guidance.form",
    "processes/forms/prepare-conference.form", "processes/forms/record-conference-results.form",
    "processes/forms/choose-review-format.form"})
class ReviewCampaignProcessTest {

  /** The unit review has its own test class; this one covers the campaign. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestBeans.CONFIGURATION)
      .excludeProcessDefinitionKeys(UnitReviewProcess.KEY).assertClassCoverageAtLeast(1.0).build();

  static final String CODE = "SK-2023-2024";
  static final Instant START = Instant.parse("2024-06-01T01:00:00Z");
  static final Date CONFERENCE_DEADLINE = Date.from(Instant.parse("2024-08-14T17:00:00Z"));

  ProcessEngine engine;
  ProcessTestBeans beans;

  @BeforeEach
  void setUp() {
    beans = ProcessTestBeans.register(engine, START);
  }

  @AfterEach
  void tearDown() {
    ProcessTestBeans.reset();
  }

  Map<String, Object> startForm(String code, String units) {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.CAMPAIGN_CODE, code);
    form.put(Var.CAMPAIGN_TITLE, "Sơ kết 02 năm (2023–2024) xây dựng đơn vị điển hình");
    form.put(Var.REVIEW_PERIOD, "2023–2024");
    form.put(Var.REPORT_DEADLINE, "2024-07-15");
    form.put(Var.CONFERENCE_DEADLINE, "2024-08-15");
    form.put(Var.PARTICIPATING_UNITS, units);
    return form;
  }

  ProcessInstance start(Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, form);
  }

  ProcessInstance startAndIssueGuidance(String units) {
    ProcessInstance campaign = start(startForm(CODE, units));
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));
    runAsyncJobs();
    return campaign;
  }

  /** The campaign's unit reviews still running: process instances of their own, found by business key. */
  List<ProcessInstance> units() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(UnitReviewProcess.KEY)
        .processInstanceBusinessKeyLike(CODE + "/%").list();
  }

  Task unitTask(String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CODE + "/" + unit).singleResult();
  }

  void completeUnitTask(String unit, String key, Map<String, Object> values) {
    Task task = unitTask(unit);
    assertThat(task).hasDefinitionKey(key);
    engine.getTaskService().complete(task.getId(), values);
  }

  void reviewAndAccept(String unit) {
    completeUnitTask(unit, "ChooseReviewFormat", Map.of("reviewFormat", "WRITTEN", "plannedDate", "2024-06-20"));
    completeUnitTask(unit, "DraftReport", Map.of());
    completeUnitTask(unit, "ApproveUnitReport", Map.of("leaderDecision", "APPROVE"));
    completeUnitTask(unit, "EvaluateReport", Map.of("evaluationDecision", "ACCEPT", "rating", "GOOD"));
  }

  /** Runs the asynchronous continuations (not timers), as the job executor would, until none is left. */
  void runAsyncJobs() {
    for (int round = 0; round < 500; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().messages().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("jobs keep coming");
  }

  /** Runs every due job, as the job executor would, until none is left. */
  void runDueJobs() {
    for (int round = 0; round < 500; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("jobs keep coming");
  }

  @Test
  void shouldRunTheWholeCampaignFromStartToClose() {
    ProcessInstance campaign = start(startForm(CODE, "vinh, CUALO"));

    assertThat(campaign).hasBusinessKey(CODE).isWaitingAt(Element.ISSUE_GUIDANCE).variables()
        .containsEntry(Var.PARTICIPATING_UNITS, "VINH, CUALO").containsEntry(Var.UNIT_COUNT, 2)
        .containsEntry(Var.REPORT_DEADLINE, Date.from(Instant.parse("2024-07-14T17:00:00Z")))
        .containsEntry(Var.SYNTHESIS_CUTOFF, Date.from(Instant.parse("2024-07-28T17:00:00Z")));
    assertThat(task(campaign)).hasName("Ban hành hướng dẫn sơ kết").hasCandidateGroup("pv01")
        .hasDueDate(Date.from(Instant.parse("2024-06-04T01:00:00Z")));
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));

    // Issuing returns at once: the mail and each unit's start run in jobs of their own.
    assertThat(campaign).isWaitingAt(Element.NOTIFY_GUIDANCE_ISSUED);
    assertThat(units()).isEmpty();
    runAsyncJobs();
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS).hasPassed(Element.NOTIFY_GUIDANCE_ISSUED,
        Element.START_UNIT_REVIEWS);
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.GUIDANCE_ISSUED
        && m.subject().contains("1234/HD-CAT-PV01")), argThat(to -> to.stream().map(Recipient::email).toList()
        .containsAll(List.of("canbo.vinh@nghean.example", "lanhdao.vinh@nghean.example",
            "canbo.cualo@nghean.example", "lanhdao.cualo@nghean.example"))));
    assertThat(units()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(CODE + "/VINH", CODE + "/CUALO");
    reviewAndAccept("VINH");
    reviewAndAccept("CUALO");
    runDueJobs();

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT).hasPassed(Element.PREPARE_PROVINCIAL_DRAFT);
    verify(beans.provincialReports).prepareDraft(CODE);
    assertThat(task(campaign)).hasName("Tổng hợp báo cáo toàn tỉnh").hasCandidateGroup("pv01");
    engine.getTaskService().complete(task(campaign).getId());

    assertThat(task(campaign)).hasDefinitionKey(Element.APPROVE_PROVINCIAL_REPORT)
        .hasName("Phê duyệt báo cáo tổng hợp và kế hoạch hội nghị").hasCandidateGroup("pv01lead");
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.PROVINCIAL_DECISION,
        CampaignProcess.RETURN, Var.PROVINCIAL_COMMENT, "Bổ sung đề xuất khen thưởng"));
    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT);
    engine.getTaskService().complete(task(campaign).getId());
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of()))
        .isInstanceOf(InvalidInputException.class);
    engine.getFormService().submitTaskForm(task(campaign).getId(),
        Map.of(Var.PROVINCIAL_DECISION, CampaignProcess.APPROVE));

    assertThat(task(campaign)).hasDefinitionKey(Element.PREPARE_CONFERENCE).hasName("Chuẩn bị hội nghị sơ kết cấp tỉnh")
        .hasCandidateGroup("pv01").hasDueDate(CONFERENCE_DEADLINE);
    Map<String, Object> conference = new HashMap<>(Map.of(Var.CONFERENCE_DATE, "2024-08-20T08:00+07:00",
        Var.CONFERENCE_VENUE, "Hội trường Công an tỉnh", Var.CONFERENCE_AGENDA, "Báo cáo sơ kết; tham luận; khen thưởng",
        Var.CONFERENCE_INVITEES, "Lãnh đạo UBND tỉnh; thành viên BCĐ tỉnh"));
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task(campaign).getId(), conference))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("phải trước hạn hoàn thành hội nghị");
    conference.put(Var.CONFERENCE_DATE, "2024-08-10T08:00+07:00");
    engine.getFormService().submitTaskForm(task(campaign).getId(), conference);

    Date conferenceDate = Date.from(Instant.parse("2024-08-10T01:00:00Z"));
    assertThat(task(campaign)).hasDefinitionKey(Element.RECORD_CONFERENCE_RESULTS).hasName("Ghi nhận kết quả hội nghị")
        .hasCandidateGroup("pv01").hasDueDate(Date.from(Instant.parse("2024-08-13T01:00:00Z")));
    assertThat(task(campaign).getFollowUpDate()).isEqualTo(conferenceDate);
    assertThat(campaign).hasPassed(Element.SEND_INVITATIONS);
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.CONFERENCE_INVITATION
        && m.body().contains("Hội trường Công an tỉnh")), argThat(to -> to.size() >= 4));
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.ATTENDANCE, 150L,
        Var.CONFERENCE_CONCLUSIONS, "Hội nghị thống nhất các nhiệm vụ giai đoạn tới."));

    assertThat(campaign).isEnded().hasPassed(Element.CLOSE_CAMPAIGN, Element.END);
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.CAMPAIGN_CLOSED), argThat(to -> !to.isEmpty()));
    assertThat(beans.campaigns.find(CODE)).get().extracting(Campaign::getClosedAt).isNotNull();
  }

  @Test
  void shouldMoveOnWithoutTheUnitsClosedAtTheSynthesisCutoff() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,KYSON");
    reviewAndAccept("VINH");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-07-28T17:00:01Z")));
    runDueJobs();

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT);
    verify(beans.reports).closeAtCutoff(CODE, "KYSON");
    verify(beans.reports, times(0)).closeAtCutoff(CODE, "VINH");
  }

  @Test
  void shouldStartTheUnitsInBatchesOneJobEachAndWaitOnceTheLastBatchHasStarted() {
    ProcessInstance campaign = start(startForm(CODE, "VINH,CUALO,KYSON"));
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));

    runOneJob(campaign); // the guidance mail
    assertThat(units()).isEmpty();
    runOneJob(campaign);
    assertThat(units()).extracting(ProcessInstance::getBusinessKey).containsExactly(CODE + "/VINH");
    assertThat(campaign).isWaitingAt(Element.START_UNIT_REVIEWS);
    runOneJob(campaign);
    runOneJob(campaign);
    assertThat(units()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(CODE + "/VINH", CODE + "/CUALO", CODE + "/KYSON");
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS);
    assertThat(engine.getRuntimeService().getVariables(units().get(0).getId())).containsKeys(Var.CAMPAIGN_CODE,
        Var.REPORT_DEADLINE, Var.SYNTHESIS_CUTOFF, "unitCode", "unitName");
  }

  void runOneJob(ProcessInstance campaign) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId()).messages()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  @Test
  void shouldCountAUnitCancelledInCockpitAsEndedAndMoveOn() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,CUALO");
    reviewAndAccept("VINH");
    runDueJobs();
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS);

    String cuaLo = units().get(0).getId();
    engine.getRuntimeService().deleteProcessInstance(cuaLo, "Đơn vị giải thể");
    runDueJobs();

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT);
  }

  @Test
  void shouldCancelTheUnitReviewsWithTheirCampaign() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,CUALO");
    reviewAndAccept("VINH");
    runDueJobs();
    assertThat(units()).hasSize(1);

    engine.getRuntimeService().deleteProcessInstance(campaign.getId(), "Hủy kế hoạch");
    runDueJobs();

    assertThat(units()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(CODE + "/CUALO")
        .singleResult().getDeleteReason()).isEqualTo("Đợt sơ kết SK-2023-2024 đã bị hủy");
  }

  void fire(ProcessInstance campaign, String timerId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId()).activityId(timerId)
        .singleResult();
    assertThat(timer).as(timerId).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
  }

  @Test
  void shouldTellTheSteeringCommitteeWhoHasNotSubmittedAndChasePv01ForTheConference() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,KYSON");
    when(beans.reports.byCampaign(CODE)).thenReturn(List.of(new UnitReport(CODE, "KYSON", "UBND huyện Kỳ Sơn", null)));

    fire(campaign, Element.REPORT_DEADLINE_SUMMARY);
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.ESCALATION
        && m.subject().equals("[Sơ kết] Hết hạn gửi báo cáo: 1 đơn vị chưa gửi") && m.body().contains("- UBND huyện Kỳ Sơn")),
        any());
    assertThat(campaign).hasPassed(Element.SUMMARISE_MISSING_REPORTS).isWaitingAt(Element.UNIT_REVIEWS);

    fire(campaign, Element.CONFERENCE_REMINDER);
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(Instant.parse("2024-08-07T17:00:00Z")));
    verify(beans.notifications).send(argThat(m -> m.subject().equals("[Sơ kết] Nhắc tổ chức hội nghị sơ kết cấp tỉnh")),
        any());
    fire(campaign, Element.CONFERENCE_OVERDUE);
    verify(beans.notifications).send(argThat(m -> m.subject().equals("[Sơ kết] QUÁ HẠN tổ chức hội nghị sơ kết cấp tỉnh")),
        any());
    assertThat(campaign).hasPassed(Element.REMIND_CONFERENCE, Element.ESCALATE_CONFERENCE).isNotEnded();
  }

  @Test
  void shouldRefuseAStartWithDeadlinesOutOfOrderAndStartNothing() {
    Map<String, Object> form = startForm(CODE, "");
    form.put(Var.SYNTHESIS_CUTOFF, "2024-07-10");
    form.put(Var.CONFERENCE_DEADLINE, "2024-07-01");

    assertThatThrownBy(() -> start(form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hạn chốt tổng hợp (10/07/2024) phải sau hạn gửi báo cáo (15/07/2024)")
        .hasMessageContaining("hạn hoàn thành hội nghị (01/07/2024) phải sau hạn chốt tổng hợp (10/07/2024)");
    assertNothingStarted();
  }

  @Test
  void shouldRefuseAStartWithAnUnknownUnitOrNoUnitAndStartNothing() {
    assertThatThrownBy(() -> start(startForm(CODE, "VINH, ATLANTIS"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không có đơn vị mã ATLANTIS trong danh mục đơn vị");
    Map<String, Object> noUnits = startForm(CODE, null);
    noUnits.put(Var.PARTICIPATING_UNITS, List.of());
    assertThatThrownBy(() -> start(noUnits)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("phải có ít nhất một đơn vị tham gia");
    assertThatThrownBy(() -> start(startForm(CODE, " , ;"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("phải có ít nhất một đơn vị tham gia");
    assertNothingStarted();
  }

  @Test
  void shouldRefuseACampaignCodeAlreadyUsedAndMissingValues() {
    start(startForm(CODE, "VINH"));

    assertThatThrownBy(() -> start(startForm(CODE, "CUALO"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mã đợt sơ kết SK-2023-2024 đã được sử dụng");
    Map<String, Object> empty = new HashMap<>();
    assertThatThrownBy(() -> start(empty)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chưa nhập «Mã đợt sơ kết»")
        .hasMessageContaining("chưa nhập «Hạn các đơn vị gửi báo cáo»");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .count()).isEqualTo(1);
  }

  void assertNothingStarted() {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(beans.campaigns.find(CODE)).isEmpty();
  }
}
