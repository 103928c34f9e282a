package vn.nghean.review.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Element;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ProvincialReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.support.ProcessTestBase;

/** {@code review-campaign.bpmn}: the campaign, from PV01's start form to the closing mail. */
class ReviewCampaignProcessTest extends ProcessTestBase {

  static final Instant START = Instant.parse("2024-06-01T01:00:00Z");
  static final Date CONFERENCE_DEADLINE = Date.from(Instant.parse("2024-08-14T17:00:00Z"));

  @Autowired ProvincialReportService provincialReports;

  /** This test's campaign code. */
  String code;

  @Override
  protected Instant start() {
    return START;
  }

  @BeforeEach
  void newCampaign() {
    code = newCampaignCode();
  }

  ProcessInstance start(Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, form);
  }

  void issueGuidance(ProcessInstance campaign) {
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));
  }

  ProcessInstance startAndIssueGuidance(String units) {
    ProcessInstance campaign = start(startForm(code, units));
    issueGuidance(campaign);
    jobs.runContinuations();
    return campaign;
  }

  /** The campaign's unit reviews still running: process instances of their own, found by business key. */
  List<ProcessInstance> units() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(UnitReviewProcess.KEY)
        .processInstanceBusinessKeyLike(code + "/%").list();
  }

  Task unitTask(String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code + "/" + unit).singleResult();
  }

  void completeUnitTask(String unit, String key, Map<String, Object> values) {
    Task task = unitTask(unit);
    assertThat(task).hasDefinitionKey(key);
    engine.getTaskService().complete(task.getId(), values);
  }

  void reviewAndAccept(String unit) {
    completeUnitTask(unit, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT, Map.of("reviewFormat",
        UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    writeFullReport(code, unit);
    completeUnitTask(unit, UnitReviewProcess.Element.DRAFT_REPORT, Map.of());
    completeUnitTask(unit, UnitReviewProcess.Element.APPROVE_UNIT_REPORT, Map.of("leaderDecision",
        UnitReviewProcess.APPROVE));
    completeUnitTask(unit, UnitReviewProcess.Element.EVALUATE_REPORT, Map.of("evaluationDecision",
        UnitReviewProcess.ACCEPT, "rating", "GOOD"));
  }

  List<String> recipients(NotificationKind kind) {
    return sent(code, null, kind).stream().map(Notification::getRecipientEmail).toList();
  }

  @Test
  void shouldRunTheWholeCampaignFromStartToClose() {
    ProcessInstance campaign = start(startForm(code, "vinh, CUALO"));

    assertThat(campaign).hasBusinessKey(code).isWaitingAt(Element.ISSUE_GUIDANCE).variables()
        .containsEntry(Var.PARTICIPATING_UNITS, "VINH, CUALO").containsEntry(Var.UNIT_COUNT, 2)
        .containsEntry(Var.REPORT_DEADLINE, Date.from(Instant.parse("2024-07-14T17:00:00Z")))
        .containsEntry(Var.SYNTHESIS_CUTOFF, Date.from(Instant.parse("2024-07-28T17:00:00Z")));
    assertThat(campaigns.units(code)).extracting(CampaignUnit::getUnitCode, CampaignUnit::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("VINH", "UBND thành phố Vinh"),
            org.assertj.core.groups.Tuple.tuple("CUALO", "UBND thị xã Cửa Lò"));
    assertThat(task(campaign)).hasName("Ban hành hướng dẫn sơ kết").hasCandidateGroup("pv01")
        .hasDueDate(Date.from(Instant.parse("2024-06-04T01:00:00Z")));
    issueGuidance(campaign);

    // Issuing returns at once: the mail and each unit's start run in jobs of their own.
    assertThat(campaign).isWaitingAt(Element.NOTIFY_GUIDANCE_ISSUED);
    assertThat(units()).isEmpty();
    jobs.runContinuations();
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS).hasPassed(Element.NOTIFY_GUIDANCE_ISSUED,
        Element.START_UNIT_REVIEWS);
    assertThat(sent(code, null, NotificationKind.GUIDANCE_ISSUED)).allMatch(n -> n.getSubject().contains("1234/HD-CAT-PV01"))
        .extracting(Notification::getRecipientEmail).contains("canbo.vinh@nghean.example", "lanhdao.vinh@nghean.example",
            "canbo.cualo@nghean.example", "lanhdao.cualo@nghean.example");
    assertThat(units()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(code + "/VINH", code + "/CUALO");
    reviewAndAccept("VINH");
    reviewAndAccept("CUALO");
    jobs.runDue();

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT).hasPassed(Element.PREPARE_PROVINCIAL_DRAFT);
    assertThat(provincialReports.find(code)).get().satisfies(draft -> assertThat(draft.getStatistics())
        .contains("Tổng số đơn vị: 2; gửi đúng hạn: 2"));
    assertThat(task(campaign)).hasName("Tổng hợp báo cáo toàn tỉnh").hasCandidateGroup("pv01");
    assertThatThrownBy(() -> engine.getTaskService().complete(task(campaign).getId()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("chưa viết phần kết luận");
    provincialReports.write(code, "Các đơn vị hoàn thành sơ kết đúng hạn.", null, "ptpv01");
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
    assertThat(sent(code, null, NotificationKind.CONFERENCE_INVITATION))
        .allMatch(n -> n.getBody().contains("Hội trường Công an tỉnh")).hasSizeGreaterThanOrEqualTo(4);
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.ATTENDANCE, 150L,
        Var.CONFERENCE_CONCLUSIONS, "Hội nghị thống nhất các nhiệm vụ giai đoạn tới."));

    assertThat(campaign).isEnded().hasPassed(Element.CLOSE_CAMPAIGN, Element.END);
    assertThat(recipients(NotificationKind.CAMPAIGN_CLOSED)).contains("canbo.vinh@nghean.example", "bcd@test.example");
    assertThat(campaigns.find(code)).get().extracting(Campaign::getClosedAt).isEqualTo(START);
  }

  @Test
  void shouldMoveOnWithoutTheUnitsClosedAtTheSynthesisCutoff() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,KYSON");
    reviewAndAccept("VINH");

    jobs.clockAtAndRunDue(Date.from(Instant.parse("2024-07-28T17:00:01Z")));

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT);
    assertThat(record(code, "KYSON")).extracting(UnitReport::getStatus, UnitReport::isClosedAtCutoff)
        .containsExactly(UnitStatus.NOT_SUBMITTED, true);
    assertThat(record(code, "VINH")).extracting(UnitReport::getStatus, UnitReport::isClosedAtCutoff)
        .containsExactly(UnitStatus.ACCEPTED, false);
    assertThat(campaigns.find(code)).get().extracting(Campaign::getClosedUnits).isEqualTo(2);
  }

  @Test
  void shouldStartTheUnitsInBatchesOneJobEachAndWaitOnceTheLastBatchHasStarted() {
    ProcessInstance campaign = start(startForm(code, "VINH,CUALO,KYSON"));
    issueGuidance(campaign);

    jobs.runContinuation(campaign); // the guidance mail
    assertThat(units()).isEmpty();
    jobs.runContinuation(campaign);
    assertThat(units()).extracting(ProcessInstance::getBusinessKey).containsExactly(code + "/VINH");
    assertThat(campaign).isWaitingAt(Element.START_UNIT_REVIEWS);
    jobs.runContinuation(campaign);
    jobs.runContinuation(campaign);
    assertThat(units()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(code + "/VINH", code + "/CUALO", code + "/KYSON");
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS);
    assertThat(engine.getRuntimeService().getVariables(units().get(0).getId())).containsKeys(Var.CAMPAIGN_CODE,
        Var.REPORT_DEADLINE, Var.SYNTHESIS_CUTOFF, "unitCode", "unitName");
  }

  @Test
  void shouldCountAUnitCancelledInCockpitAsEndedAndMoveOn() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,CUALO");
    reviewAndAccept("VINH");
    jobs.runDue();
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS);

    String cuaLo = units().get(0).getId();
    engine.getRuntimeService().deleteProcessInstance(cuaLo, "Đơn vị giải thể");
    jobs.runDue();

    assertThat(campaign).isWaitingAt(Element.COMPILE_PROVINCIAL_REPORT);
    assertThat(record(code, "CUALO").getEndedAt()).isNotNull();
  }

  @Test
  void shouldCancelTheUnitReviewsWithTheirCampaign() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,CUALO");
    reviewAndAccept("VINH");
    jobs.runDue();
    assertThat(units()).hasSize(1);

    engine.getRuntimeService().deleteProcessInstance(campaign.getId(), "Hủy kế hoạch");
    jobs.runDue();

    assertThat(units()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(code + "/CUALO")
        .singleResult().getDeleteReason()).isEqualTo("Đợt sơ kết " + code + " đã bị hủy");
  }

  @Test
  void shouldTellTheSteeringCommitteeWhoHasNotSubmittedAndChasePv01ForTheConference() {
    ProcessInstance campaign = startAndIssueGuidance("VINH,KYSON");
    reviewAndAccept("VINH");

    jobs.fire(campaign, Element.REPORT_DEADLINE_SUMMARY);
    assertThat(sent(code, null, NotificationKind.ESCALATION)).singleElement().satisfies(summary -> {
      assertThat(summary.getSubject()).isEqualTo("[Sơ kết] Hết hạn gửi báo cáo: 1 đơn vị chưa gửi");
      assertThat(summary.getBody()).contains("- UBND huyện Kỳ Sơn").doesNotContain("Vinh");
      assertThat(summary.getRecipientEmail()).isEqualTo("bcd@test.example");
    });
    assertThat(campaign).hasPassed(Element.SUMMARISE_MISSING_REPORTS).isWaitingAt(Element.UNIT_REVIEWS);

    jobs.fire(campaign, Element.CONFERENCE_REMINDER);
    assertThat(new Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()))
        .isEqualTo(Date.from(Instant.parse("2024-08-07T17:00:00Z")));
    assertThat(sent(code, null, NotificationKind.REMINDER)).extracting(Notification::getSubject)
        .containsExactly("[Sơ kết] Nhắc tổ chức hội nghị sơ kết cấp tỉnh");
    jobs.fire(campaign, Element.CONFERENCE_OVERDUE);
    assertThat(sent(code, null, NotificationKind.ESCALATION)).extracting(Notification::getSubject)
        .contains("[Sơ kết] QUÁ HẠN tổ chức hội nghị sơ kết cấp tỉnh");
    assertThat(campaign).hasPassed(Element.REMIND_CONFERENCE, Element.ESCALATE_CONFERENCE).isNotEnded();
  }

  @Test
  void shouldRefuseAStartWithDeadlinesOutOfOrderAndStartNothing() {
    Map<String, Object> form = startForm(code, "");
    form.put(Var.SYNTHESIS_CUTOFF, "2024-07-10");
    form.put(Var.CONFERENCE_DEADLINE, "2024-07-01");

    assertThatThrownBy(() -> start(form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hạn chốt tổng hợp (10/07/2024) phải sau hạn gửi báo cáo (15/07/2024)")
        .hasMessageContaining("hạn hoàn thành hội nghị (01/07/2024) phải sau hạn chốt tổng hợp (10/07/2024)");
    assertNothingStarted();
  }

  @Test
  void shouldRefuseAStartWithAnUnknownUnitOrNoUnitOrALadderBelowOneDayAndStartNothing() {
    assertThatThrownBy(() -> start(startForm(code, "VINH, ATLANTIS"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không có đơn vị mã ATLANTIS trong danh mục đơn vị");
    assertThatThrownBy(() -> start(startForm(code, " , ;"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("phải có ít nhất một đơn vị tham gia");
    Map<String, Object> listOfUnits = startForm(code, null);
    listOfUnits.put(Var.PARTICIPATING_UNITS, List.of("VINH"));
    assertThatThrownBy(() -> start(listOfUnits)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("trường «participatingUnits» phải là chữ");
    Map<String, Object> noCycle = startForm(code, "VINH");
    noCycle.put(Var.ESCALATION_INTERVAL_DAYS, 0L);
    assertThatThrownBy(() -> start(noCycle)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không được nhỏ hơn 1");
    Map<String, Object> halfDay = startForm(code, "VINH");
    halfDay.put(Var.ESCALATION_INTERVAL_DAYS, 1.5);
    assertThatThrownBy(() -> start(halfDay)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("phải là số ngày nguyên");
    assertNothingStarted();

    Map<String, Object> oneDay = startForm(code, "VINH");
    oneDay.put(Var.ESCALATION_INTERVAL_DAYS, 1L);
    oneDay.put(Var.SECOND_REMINDER_DAYS, 1L);
    start(oneDay);
    assertThat(campaigns.get(code).getLadder()).isEqualTo(new Ladder(7, 1, 1, 5, 7));
  }

  @Test
  void shouldRefuseACampaignCodeAlreadyUsedAndMissingValues() {
    start(startForm(code, "VINH"));

    assertThatThrownBy(() -> start(startForm(code, "CUALO"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mã đợt sơ kết " + code + " đã được sử dụng");
    Map<String, Object> empty = new HashMap<>();
    assertThatThrownBy(() -> start(empty)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chưa nhập «Mã đợt sơ kết»")
        .hasMessageContaining("chưa nhập «Hạn các đơn vị gửi báo cáo»");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAStartWithAVariableTheStartFormDoesNotDeclareOnEveryPath() {
    Map<String, Object> form = startForm(code, "VINH");
    form.put("unitCode", "CUALO");

    assertThatThrownBy(() -> start(form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("biểu mẫu không có trường «unitCode»");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, form))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("«unitCode»");
    assertNothingStarted();
  }

  void assertNothingStarted() {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(code).count()).isZero();
    assertThat(campaigns.find(code)).isEmpty();
  }
}
