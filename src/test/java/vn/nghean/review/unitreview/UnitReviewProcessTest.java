package vn.nghean.review.unitreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
import org.mockito.ArgumentCaptor;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineLadder;
import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.notification.Message;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.report.Rating;
import vn.nghean.review.report.ReportDecision;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.support.ProcessTestBeans;

@Deployment(resources = {"processes/unit-review.bpmn", "processes/forms/choose-review-format.form",
    "processes/forms/hold-unit-conference.form", "processes/forms/explain-delay.form"})
class UnitReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(1.0).build();

  static final String CAMPAIGN = "SK-2023-2024";
  static final Instant START = Instant.parse("2024-06-01T01:00:00Z");
  static final Date DEADLINE = Date.from(Instant.parse("2024-07-14T17:00:00Z"));
  static final Date CUTOFF = Date.from(Instant.parse("2024-07-28T17:00:00Z"));

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

  ProcessInstance startUnit(String unit) {
    return engine.getRuntimeService().startProcessInstanceByKey(UnitReviewProcess.KEY, CAMPAIGN + "/" + unit,
        Map.of(Var.CAMPAIGN_CODE, CAMPAIGN, Var.UNIT_CODE, unit, Var.REPORT_DEADLINE, DEADLINE,
            Var.SYNTHESIS_CUTOFF, CUTOFF));
  }

  /** Submits the task's form, as Tasklist does. */
  void submit(ProcessInstance unit, Map<String, Object> values) {
    engine.getFormService().submitTaskForm(task(unit).getId(), values);
  }

  void chooseWritten(ProcessInstance unit) {
    complete(task(unit), withVariables(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN, Var.PLANNED_DATE, "2024-06-20"));
  }

  void draftAndApprove(ProcessInstance unit) {
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    complete(task(unit));
    assertThat(unit).isWaitingAt(Element.APPROVE_UNIT_REPORT);
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));
  }

  @Test
  void shouldTakeAWrittenReviewFromTheUnitToAcceptanceWithTheRightGroupsAndDueDates() {
    ProcessInstance unit = startUnit("VINH");

    assertThat(unit).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT).hasBusinessKey(CAMPAIGN + "/VINH")
        .variables().containsEntry(Var.UNIT_NAME, "UBND thành phố Vinh")
        .containsEntry(Var.UNIT_STATUS, UnitStatus.NOT_STARTED.name());
    assertThat(task(unit)).hasName("Chọn hình thức sơ kết").hasCandidateGroup("unitVINH").hasDueDate(DEADLINE);
    chooseWritten(unit);

    assertThat(task(unit)).hasDefinitionKey(Element.DRAFT_REPORT).hasName("Xây dựng báo cáo sơ kết")
        .hasCandidateGroup("unitVINH").hasDueDate(DEADLINE);
    complete(task(unit));

    assertThat(task(unit)).hasDefinitionKey(Element.APPROVE_UNIT_REPORT).hasName("Lãnh đạo đơn vị phê duyệt")
        .hasCandidateGroup("unitVINHlead").hasDueDate(DEADLINE);
    assertThat(unit).variables().containsEntry(Var.UNIT_STATUS, UnitStatus.AWAITING_APPROVAL.name());
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));

    assertThat(task(unit)).hasDefinitionKey(Element.EVALUATE_REPORT).hasName("Thẩm định báo cáo")
        .hasCandidateGroup("pv01").hasDueDate(Date.from(START.plus(Duration.ofDays(5))));
    assertThat(unit).variables().containsEntry(Var.SUBMITTED_ON_TIME, true);
    verify(beans.reports).submit(CAMPAIGN, "VINH", START, DEADLINE.toInstant());
    complete(task(unit), withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT, Var.RATING, "GOOD",
        Var.SELECTED_PRACTICES, "Mô hình \"Khu dân cư an toàn\""));

    execute(asyncContinuation(unit));
    assertThat(unit).isEnded().hasPassed(Element.ACCEPT_REPORT).hasPassed(Element.REPORT_ACCEPTED);
    verify(beans.reports).accept(CAMPAIGN, "VINH", START, Rating.GOOD, "Mô hình \"Khu dân cư an toàn\"");
  }

  @Test
  void shouldHoldTheUnitConferenceFirstWhenTheUnitChoosesAConference() {
    ProcessInstance unit = startUnit("CUALO");
    complete(task(unit), withVariables(Var.REVIEW_FORMAT, UnitReviewProcess.CONFERENCE, Var.PLANNED_DATE, "2024-06-25"));

    assertThat(task(unit)).hasDefinitionKey(Element.HOLD_UNIT_CONFERENCE).hasName("Tổ chức hội nghị sơ kết")
        .hasCandidateGroup("unitCUALO").hasDueDate(DEADLINE);
    assertThat(task(unit).getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2024-06-24T17:00:00Z")));
    complete(task(unit), withVariables(Var.CONFERENCE_HELD_ON, "2024-06-25", Var.CONFERENCE_CHAIR,
        "Đồng chí Chủ tịch UBND thị xã", Var.PARTICIPANT_COUNT, 120L));

    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT).hasPassed(Element.HOLD_UNIT_CONFERENCE);
    assertThat(unit).variables().containsEntry(Var.UNIT_STATUS, UnitStatus.DRAFTING.name());
  }

  @Test
  void shouldReturnTheReportToDraftingWhenTheLeaderReturnsItAndAskTheLeaderAgain() {
    ProcessInstance unit = startUnit("THAIHOA");
    chooseWritten(unit);
    complete(task(unit));

    assertThatThrownBy(() -> submit(unit, withVariables(Var.LEADER_DECISION, UnitReviewProcess.RETURN)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("phải ghi ý kiến");
    assertThat(unit).isWaitingAt(Element.APPROVE_UNIT_REPORT);

    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.RETURN,
        Var.LEADER_COMMENT, "Bổ sung số liệu mô hình"));
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    verify(beans.reports).recordDecision(any(ReportDecision.class));
    complete(task(unit));

    // The earlier "return" does not count for the new draft: the leader must decide again.
    assertThatThrownBy(() -> submit(unit, Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("«Phê duyệt» hoặc «Trả lại»");
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));
    assertThat(unit).isWaitingAt(Element.EVALUATE_REPORT);
  }

  @Test
  void shouldSendTheReportBackToTheUnitWhenPv01RequestsRevision() {
    ProcessInstance unit = startUnit("ANHSON");
    chooseWritten(unit);
    draftAndApprove(unit);

    assertThatThrownBy(() -> submit(unit, withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.REVISE,
        Var.REVISION_COMMENT, "Làm rõ nguyên nhân")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hạn nộp lại");
    complete(task(unit), withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.REVISE,
        Var.REVISION_COMMENT, "Làm rõ nguyên nhân hạn chế", Var.REVISION_DUE_DATE, "2024-06-10"));

    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT).hasPassed(Element.REQUEST_REVISION);
    Date revisionDue = Date.from(Instant.parse("2024-06-09T17:00:00Z"));
    assertThat(task(unit)).hasCandidateGroup("unitANHSON").hasDueDate(revisionDue);
    assertThat(unit).variables().containsEntry(Var.UNIT_STATUS, UnitStatus.UNDER_REVISION.name());
    verify(beans.reports).setStatus(CAMPAIGN, "ANHSON", UnitStatus.UNDER_REVISION);
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.REVISION_REQUESTED
        && m.body().contains("Làm rõ nguyên nhân hạn chế")), argThat(to -> to.stream()
        .anyMatch(r -> "canbo.anhson@nghean.example".equals(r.email()))));

    complete(task(unit));
    assertThat(task(unit)).hasDefinitionKey(Element.APPROVE_UNIT_REPORT).hasDueDate(revisionDue);
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));
    assertThatThrownBy(() -> submit(unit, withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("xếp loại");
    complete(task(unit), withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT, Var.RATING, "EXCELLENT"));
    execute(asyncContinuation(unit));
    assertThat(unit).isEnded().hasPassed(Element.REPORT_ACCEPTED);
  }

  @Test
  void shouldMarkASubmissionAfterTheDeadlineAsLate() {
    ProcessInstance unit = startUnit("KYSON");
    chooseWritten(unit);
    Instant late = DEADLINE.toInstant().plus(Duration.ofHours(5));
    ClockUtil.setCurrentTime(Date.from(late));
    draftAndApprove(unit);

    assertThat(unit).isWaitingAt(Element.EVALUATE_REPORT).variables().containsEntry(Var.SUBMITTED_ON_TIME, false);
    verify(beans.reports).submit(CAMPAIGN, "KYSON", late, DEADLINE.toInstant());
  }

  Job asyncContinuation(ProcessInstance unit) {
    return engine.getManagementService().createJobQuery().processInstanceId(unit.getId()).messages().singleResult();
  }

  Job timer(ProcessInstance unit, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(unit.getId()).activityId(activityId)
        .singleResult();
  }

  /** Moves the clock to the timer's due date and runs it, as the job executor would then. */
  void fire(ProcessInstance unit, String activityId) {
    Job job = timer(unit, activityId);
    assertThat(job).as("timer %s", activityId).isNotNull();
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  List<Message> sent(NotificationKind kind) {
    ArgumentCaptor<Message> messages = ArgumentCaptor.forClass(Message.class);
    verify(beans.notifications, atLeast(0)).send(messages.capture(), any());
    return messages.getAllValues().stream().filter(m -> m.kind() == kind).toList();
  }

  @Test
  void shouldCloseAUnitThatNeverSubmittedAsNotSubmittedAtTheSynthesisCutoff() {
    ProcessInstance unit = startUnit("QUEPHONG");
    chooseWritten(unit);
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    assertThat(timer(unit, Element.SYNTHESIS_CUTOFF).getDuedate()).isEqualTo(CUTOFF);

    fire(unit, Element.SYNTHESIS_CUTOFF);
    execute(asyncContinuation(unit));

    assertThat(unit).isEnded().hasPassed(Element.SYNTHESIS_CUTOFF, Element.CLOSE_AT_CUTOFF, Element.CLOSED_AT_CUTOFF)
        .hasNotPassed(Element.SUBMIT_REPORT);
    verify(beans.reports).closeAtCutoff(CAMPAIGN, "QUEPHONG");
    verify(beans.reports, never()).submit(eq(CAMPAIGN), eq("QUEPHONG"), any(), any());
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(unit.getId())
        .variableName(Var.UNIT_STATUS).singleResult().getValue()).isEqualTo(UnitStatus.NOT_SUBMITTED.name());
    verify(beans.notifications).send(argThat(m -> m.kind() == NotificationKind.ESCALATION
        && m.subject().equals("[Sơ kết] UBND huyện Quế Phong không gửi báo cáo")), any());
  }

  @Test
  void shouldRemindBeforeTheDeadlineMarkOverdueAndEscalateEveryThreeDaysUntilTheUnitSubmits() {
    ProcessInstance unit = startUnit("DOLUONG");
    chooseWritten(unit);
    assertThat(timer(unit, Element.FIRST_REMINDER).getDuedate()).isEqualTo(Date.from(Instant.parse("2024-07-07T17:00:00Z")));
    assertThat(timer(unit, Element.SECOND_REMINDER).getDuedate()).isEqualTo(Date.from(Instant.parse("2024-07-12T17:00:00Z")));
    assertThat(timer(unit, Element.REPORT_OVERDUE).getDuedate()).isEqualTo(DEADLINE);
    assertThat(timer(unit, Element.ESCALATION).getDuedate()).isEqualTo(Date.from(Instant.parse("2024-07-17T17:00:00Z")));

    fire(unit, Element.FIRST_REMINDER);
    assertThat(sent(NotificationKind.REMINDER)).singleElement().extracting(Message::subject)
        .isEqualTo("[Sơ kết] Nhắc hạn gửi báo cáo - còn 7 ngày");
    fire(unit, Element.SECOND_REMINDER);
    assertThat(sent(NotificationKind.REMINDER)).extracting(Message::subject)
        .containsExactly("[Sơ kết] Nhắc hạn gửi báo cáo - còn 7 ngày", "[Sơ kết] Nhắc hạn gửi báo cáo - còn 2 ngày");
    verify(beans.notifications, times(2)).send(argThat(m -> m.kind() == NotificationKind.REMINDER),
        argThat(to -> to.stream().anyMatch(r -> "canbo.doluong@nghean.example".equals(r.email()))
            && to.stream().noneMatch(r -> "lanhdao.doluong@nghean.example".equals(r.email()))));

    fire(unit, Element.REPORT_OVERDUE);
    assertThat(unit).variables().containsEntry(DeadlineLadder.OVERDUE, true).containsEntry(DeadlineLadder.ESCALATION_LEVEL, 1);
    verify(beans.reports).markOverdue(CAMPAIGN, "DOLUONG");
    verify(beans.notifications).send(argThat(m -> m.subject().equals("[Sơ kết] QUÁ HẠN: UBND huyện Đô Lương chưa gửi báo cáo")),
        argThat(to -> to.stream().anyMatch(r -> "lanhdao.doluong@nghean.example".equals(r.email()))));

    fire(unit, Element.ESCALATION);
    assertThat(unit).variables().containsEntry(DeadlineLadder.ESCALATION_LEVEL, 2);
    assertThat(timer(unit, Element.ESCALATION).getDuedate()).isEqualTo(Date.from(Instant.parse("2024-07-20T17:00:00Z")));
    fire(unit, Element.ESCALATION);
    verify(beans.reports, times(2)).escalate(CAMPAIGN, "DOLUONG");
    verify(beans.deadlineRecords, times(5)).record(any(), eq(CAMPAIGN), eq("DOLUONG"), any(), anyInt(), any(),
        eq(false), any());

    draftAndApprove(unit);
    assertThat(unit).isWaitingAt(Element.EVALUATE_REPORT);
    for (String ladderTimer : List.of(Element.FIRST_REMINDER, Element.SECOND_REMINDER, Element.REPORT_OVERDUE,
        Element.ESCALATION)) {
      assertThat(timer(unit, ladderTimer)).as(ladderTimer).isNull();
    }
    assertThat(unit).variables().containsEntry(Var.SUBMITTED_ON_TIME, false);
  }

  @Test
  void shouldSkipAReminderWhoseMomentHadPassedWhenTheReviewStarted() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-07-10T01:00:00Z")));
    ProcessInstance unit = startUnit("TANKY");

    fire(unit, Element.FIRST_REMINDER);

    assertThat(sent(NotificationKind.REMINDER)).isEmpty();
    verify(beans.deadlineRecords).record(any(), eq(CAMPAIGN), eq("TANKY"), eq(DeadlineKind.REMINDER), eq(1),
        eq(List.of()), eq(true), any());
    assertThat(timer(unit, Element.SECOND_REMINDER).getDuedate()).isAfter(ClockUtil.getCurrentTime());
  }

  @Test
  void shouldRemindTheHeadOfPv01WhenTheEvaluationIsLate() {
    ProcessInstance unit = startUnit("NAMDAN");
    chooseWritten(unit);
    draftAndApprove(unit);

    fire(unit, Element.EVALUATION_OVERDUE);

    assertThat(unit).hasPassed(Element.REMIND_EVALUATION).isWaitingAt(Element.EVALUATE_REPORT);
    assertThat(sent(NotificationKind.REMINDER)).singleElement().extracting(Message::subject)
        .isEqualTo("[Sơ kết] Báo cáo của UBND huyện Nam Đàn chưa được thẩm định");
  }

  @Test
  void shouldAskTheLeaderOfAnOverdueUnitForAnExplanationAndKeepTheAnswer() {
    ProcessInstance unit = startUnit("NGHILOC");
    chooseWritten(unit);
    fire(unit, Element.REPORT_OVERDUE);

    engine.getRuntimeService().createMessageCorrelation("ExplanationRequested")
        .processInstanceBusinessKey(CAMPAIGN + "/NGHILOC")
        .setVariable("explanationDueDate", Date.from(DEADLINE.toInstant().plus(Duration.ofDays(3)))).correlate();
    Task explain = engine.getTaskService().createTaskQuery().processInstanceId(unit.getId())
        .taskDefinitionKey(Element.PROVIDE_EXPLANATION).singleResult();
    assertThat(explain).hasName("Giải trình việc chậm gửi báo cáo").hasCandidateGroup("unitNGHILOClead");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(explain.getId(), Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("chưa nhập «Lý do chậm gửi báo cáo»");
    engine.getFormService().submitTaskForm(explain.getId(), Map.of("explanationReason", "Chờ số liệu từ các xã",
        "explanationCommittedDate", "2024-07-20"));

    assertThat(unit).hasPassed(Element.RECORD_EXPLANATION).isWaitingAt(Element.DRAFT_REPORT);
    verify(beans.reports).recordExplanation(eq(CAMPAIGN), eq("NGHILOC"), eq("Chờ số liệu từ các xã"),
        eq(Instant.parse("2024-07-19T17:00:00Z")), any());
  }

  @Test
  void shouldRefuseTheFormatFormWithoutItsRequiredValuesAndChangeNothing() {
    ProcessInstance unit = startUnit("VINH");

    assertThatThrownBy(() -> submit(unit, Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chưa nhập «Hình thức sơ kết»")
        .hasMessageContaining("chưa nhập «Ngày dự kiến tổ chức / hoàn thành»");
    assertThatThrownBy(() -> submit(unit, withVariables(Var.REVIEW_FORMAT, "PHONE", Var.PLANNED_DATE, "2024-06-20")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("một trong các lựa chọn");
    assertThatThrownBy(() -> submit(unit, withVariables(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN,
        Var.PLANNED_DATE, "20/06/2024"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không phải là ngày hợp lệ");

    assertThat(unit).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT).variables().doesNotContainKey(Var.REVIEW_FORMAT);
    // Completing through the plain task API bypasses the form, not the rules.
    assertThatThrownBy(() -> complete(task(unit))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("chưa nhập «Hình thức sơ kết»");
  }

  @Test
  void shouldLetOnlyTheUnitsOwnGroupsReadItsInstance() {
    ProcessInstance unit = startUnit("VINH");

    List<Authorization> grants = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(unit.getId()).list();
    assertThat(grants).extracting(Authorization::getGroupId).containsExactlyInAnyOrder("unitVINH", "unitVINHlead");
    assertThat(grants).allMatch(grant -> grant.isPermissionGranted(Permissions.READ));
    Task task = task(unit);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("unitVINH");
  }
}
