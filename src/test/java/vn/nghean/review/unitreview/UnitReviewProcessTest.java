package vn.nghean.review.unitreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.deadline.DeadlineEvent;
import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Element;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.Rating;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.support.Jobs;
import vn.nghean.review.support.ProcessTestBase;

/** {@code unit-review.bpmn}: one unit's review, on the application's own records. */
class UnitReviewProcessTest extends ProcessTestBase {

  static final Instant START = Instant.parse("2024-06-01T01:00:00Z");
  /** 15/07/2024 00:00 in Vietnam, the report deadline of {@link #startForm}. */
  static final Date DEADLINE = Date.from(Instant.parse("2024-07-14T17:00:00Z"));
  /** 14 days later: the synthesis cut-off. */
  static final Date CUTOFF = Date.from(Instant.parse("2024-07-28T17:00:00Z"));

  @Autowired DeadlineRecords deadlineRecords;

  /** This test's campaign: the units it starts take part in it. */
  String campaign;

  @Override
  protected Instant start() {
    return START;
  }

  /** Records a campaign of the given units and starts the review of the first, as the campaign would. */
  ProcessInstance startUnit(String unit, String... others) {
    campaign = newCampaignCode();
    campaigns.register(startForm(campaign, unit + (others.length == 0 ? "" : "," + String.join(",", others))),
        null, "pv01officer");
    return startReview(unit);
  }

  ProcessInstance startReview(String unit) {
    return engine.getRuntimeService().createProcessInstanceByKey(UnitReviewProcess.KEY)
        .businessKey(UnitReviewProcess.businessKey(campaign, unit))
        .setVariables(Map.of(Var.CAMPAIGN_CODE, campaign, Var.UNIT_CODE, unit)).execute();
  }

  UnitReport record(String unit) {
    return record(campaign, unit);
  }

  /** Submits the task's form, as Tasklist does. */
  void submit(ProcessInstance unit, Map<String, Object> values) {
    engine.getFormService().submitTaskForm(task(unit).getId(), values);
  }

  void chooseWritten(ProcessInstance unit) {
    complete(task(unit), withVariables(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN, Var.PLANNED_DATE, "2024-06-20"));
  }

  /** The officer writes the whole report and sends it to the leader, who approves it. */
  void draftAndApprove(ProcessInstance unit) {
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    writeFullReport(campaign, UnitReviewProcess.Key.of(unit.getBusinessKey()).unitCode());
    complete(task(unit));
    assertThat(unit).isWaitingAt(Element.APPROVE_UNIT_REPORT);
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));
  }

  List<String> subjects(String unit, NotificationKind kind) {
    return sent(campaign, unit, kind).stream().map(Notification::getSubject).toList();
  }

  @Test
  void shouldGiveTheUnitsTasksToTheUnitOfTheBusinessKeyWhateverTheVariablesSay() {
    ProcessInstance unit = startUnit("VINH", "CUALO");
    // An administrator (or a bug) writes another unit into the instance's variables: the tasks stay Vinh's.
    engine.getRuntimeService().setVariable(unit.getId(), Var.UNIT_CODE, "CUALO");
    chooseWritten(unit);
    assertThat(task(unit)).hasDefinitionKey(Element.DRAFT_REPORT).hasCandidateGroup("unitVINH");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(unit.getId()).taskCandidateGroup("unitCUALO").count()).isZero();
    writeFullReport(campaign, "VINH");
    engine.getRuntimeService().setVariable(unit.getId(), Var.UNIT_CODE, "CUALO");
    complete(task(unit));
    assertThat(task(unit)).hasDefinitionKey(Element.APPROVE_UNIT_REPORT).hasCandidateGroup("unitVINHlead");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(unit.getId()).taskCandidateGroup("unitCUALOlead").count()).isZero();
  }

  @Test
  void shouldTakeAWrittenReviewFromTheUnitToAcceptanceWithTheRightGroupsAndDueDates() {
    ProcessInstance unit = startUnit("VINH");

    assertThat(unit).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT).hasBusinessKey(campaign + "/VINH")
        .variables().containsEntry(Var.UNIT_NAME, "UBND thành phố Vinh")
        .containsEntry(Var.UNIT_STATUS, UnitStatus.NOT_STARTED.name());
    assertThat(task(unit)).hasName("Chọn hình thức sơ kết").hasCandidateGroup("unitVINH").hasDueDate(DEADLINE);
    assertThat(record("VINH").getDueAt()).isEqualTo(DEADLINE.toInstant());
    chooseWritten(unit);

    assertThat(task(unit)).hasDefinitionKey(Element.DRAFT_REPORT).hasName("Xây dựng báo cáo sơ kết")
        .hasCandidateGroup("unitVINH").hasDueDate(DEADLINE);
    assertThat(record("VINH").getStatus()).isEqualTo(UnitStatus.DRAFTING);
    writeFullReport(campaign, "VINH");
    complete(task(unit));

    assertThat(task(unit)).hasDefinitionKey(Element.APPROVE_UNIT_REPORT).hasName("Lãnh đạo đơn vị phê duyệt")
        .hasCandidateGroup("unitVINHlead").hasDueDate(DEADLINE);
    assertThat(unit).variables().containsEntry(Var.UNIT_STATUS, UnitStatus.AWAITING_APPROVAL.name());
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));

    assertThat(task(unit)).hasDefinitionKey(Element.EVALUATE_REPORT).hasName("Thẩm định báo cáo")
        .hasCandidateGroup("pv01").hasDueDate(Date.from(START.plus(Duration.ofDays(5))));
    assertThat(unit).variables().containsEntry(Var.SUBMITTED_ON_TIME, true);
    assertThat(record("VINH")).extracting(UnitReport::getFirstSubmittedAt, UnitReport::getSubmittedOnTime,
        UnitReport::getStatus).containsExactly(START, true, UnitStatus.SUBMITTED_ON_TIME);
    complete(task(unit), withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT, Var.RATING, "GOOD",
        Var.SELECTED_PRACTICES, "Mô hình \"Khu dân cư an toàn\""));

    jobs.runContinuation(unit);
    assertThat(unit).isEnded().hasPassed(Element.ACCEPT_REPORT, Element.REPORT_ACCEPTED);
    assertThat(record("VINH")).extracting(UnitReport::getStatus, UnitReport::getRating, UnitReport::getAcceptedAt,
        UnitReport::getSelectedPractices).containsExactly(UnitStatus.ACCEPTED, Rating.GOOD, START,
        "Mô hình \"Khu dân cư an toàn\"");
    assertThat(record("VINH").getEndedAt()).isEqualTo(START);
    assertThat(sent(campaign, "VINH", NotificationKind.REPORT_ACCEPTED)).extracting(Notification::getRecipientEmail)
        .contains("canbo.vinh@nghean.example", "lanhdao.vinh@nghean.example");
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
    writeFullReport(campaign, "THAIHOA");
    complete(task(unit));

    assertThatThrownBy(() -> submit(unit, withVariables(Var.LEADER_DECISION, UnitReviewProcess.RETURN)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("phải ghi ý kiến");
    assertThat(unit).isWaitingAt(Element.APPROVE_UNIT_REPORT);

    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.RETURN,
        Var.LEADER_COMMENT, "Bổ sung số liệu mô hình"));
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    assertThat(reports.decisions(campaign, "THAIHOA")).singleElement()
        .extracting(ReportDecision::getStage, ReportDecision::getDecision, ReportDecision::getComment)
        .containsExactly(ReportDecision.Stage.LEADER_APPROVAL, UnitReviewProcess.RETURN, "Bổ sung số liệu mô hình");
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
    assertThat(record("ANHSON")).extracting(UnitReport::getStatus, UnitReport::getDueAt)
        .containsExactly(UnitStatus.UNDER_REVISION, revisionDue.toInstant());
    assertThat(jobs.timer(unit, Element.REPORT_OVERDUE).getDuedate()).isEqualTo(revisionDue);
    assertThat(sent(campaign, "ANHSON", NotificationKind.REVISION_REQUESTED)).singleElement()
        .satisfies(n -> assertThat(n.getBody()).contains("Làm rõ nguyên nhân hạn chế"))
        .extracting(Notification::getRecipientEmail).isEqualTo("canbo.anhson@nghean.example");

    complete(task(unit));
    assertThat(task(unit)).hasDefinitionKey(Element.APPROVE_UNIT_REPORT).hasDueDate(revisionDue);
    complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE));
    assertThat(record("ANHSON").getSubmissionCount()).isEqualTo(2);
    assertThatThrownBy(() -> submit(unit, withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("xếp loại");
    complete(task(unit), withVariables(Var.EVALUATION_DECISION, UnitReviewProcess.ACCEPT, Var.RATING, "EXCELLENT"));
    jobs.runContinuation(unit);
    assertThat(unit).isEnded().hasPassed(Element.REPORT_ACCEPTED);
  }

  @Test
  void shouldMarkASubmissionAfterTheDeadlineAsLate() {
    ProcessInstance unit = startUnit("KYSON");
    chooseWritten(unit);
    Instant late = DEADLINE.toInstant().plus(Duration.ofHours(5));
    jobs.fire(unit, Element.REPORT_OVERDUE);
    jobs.clockAtAndRunDue(Date.from(late));
    draftAndApprove(unit);

    assertThat(unit).isWaitingAt(Element.EVALUATE_REPORT).variables().containsEntry(Var.SUBMITTED_ON_TIME, false);
    assertThat(record("KYSON")).extracting(UnitReport::getFirstSubmittedAt, UnitReport::getSubmittedOnTime,
        UnitReport::getStatus).containsExactly(late, false, UnitStatus.SUBMITTED_LATE);
  }

  @Test
  void shouldCloseAUnitThatNeverSubmittedAsNotSubmittedAtTheSynthesisCutoff() {
    ProcessInstance unit = startUnit("QUEPHONG");
    chooseWritten(unit);
    assertThat(unit).isWaitingAt(Element.DRAFT_REPORT);
    assertThat(jobs.timer(unit, Element.SYNTHESIS_CUTOFF).getDuedate()).isEqualTo(CUTOFF);

    jobs.fire(unit, Element.SYNTHESIS_CUTOFF);
    jobs.runContinuation(unit);

    assertThat(unit).isEnded().hasPassed(Element.SYNTHESIS_CUTOFF, Element.CLOSE_AT_CUTOFF, Element.CLOSED_AT_CUTOFF)
        .hasNotPassed(Element.SUBMIT_REPORT);
    assertThat(record("QUEPHONG")).extracting(UnitReport::getStatus, UnitReport::isClosedAtCutoff,
        UnitReport::getFirstSubmittedAt).containsExactly(UnitStatus.NOT_SUBMITTED, true, null);
    assertThat(subjects("QUEPHONG", NotificationKind.ESCALATION))
        .containsExactly("[Sơ kết] UBND huyện Quế Phong không gửi báo cáo");
    assertThat(deadlineRecords.ofUnit(campaign, "QUEPHONG")).extracting(DeadlineEvent::getKind,
        DeadlineEvent::getRecipients).contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.CUTOFF,
        "Ban Chỉ đạo tỉnh"));
  }

  @Test
  void shouldRemindBeforeTheDeadlineMarkOverdueAndEscalateEveryThreeDaysUntilTheUnitSubmits() {
    ProcessInstance unit = startUnit("DOLUONG");
    chooseWritten(unit);
    assertThat(jobs.timer(unit, Element.FIRST_REMINDER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2024-07-07T17:00:00Z")));
    assertThat(jobs.timer(unit, Element.SECOND_REMINDER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2024-07-12T17:00:00Z")));
    assertThat(jobs.timer(unit, Element.REPORT_OVERDUE).getDuedate()).isEqualTo(DEADLINE);
    assertThat(jobs.timer(unit, Element.ESCALATION).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2024-07-17T17:00:00Z")));

    jobs.fire(unit, Element.FIRST_REMINDER);
    assertThat(subjects("DOLUONG", NotificationKind.REMINDER)).containsExactly("[Sơ kết] Nhắc hạn gửi báo cáo - còn 7 ngày");
    jobs.fire(unit, Element.SECOND_REMINDER);
    assertThat(subjects("DOLUONG", NotificationKind.REMINDER))
        .containsExactly("[Sơ kết] Nhắc hạn gửi báo cáo - còn 7 ngày", "[Sơ kết] Nhắc hạn gửi báo cáo - còn 2 ngày");
    assertThat(sent(campaign, "DOLUONG", NotificationKind.REMINDER)).extracting(Notification::getRecipientEmail)
        .containsOnly("canbo.doluong@nghean.example");

    jobs.fire(unit, Element.REPORT_OVERDUE);
    assertThat(unit).variables().containsEntry(UnitReviewProcess.Var.OVERDUE, true).containsEntry(UnitReviewProcess.Var.ESCALATION_LEVEL, 1);
    assertThat(record("DOLUONG").isOverdue()).isTrue();
    assertThat(sent(campaign, "DOLUONG", NotificationKind.ESCALATION)).filteredOn(
        n -> n.getSubject().equals("[Sơ kết] QUÁ HẠN: UBND huyện Đô Lương chưa gửi báo cáo"))
        .extracting(Notification::getRecipientEmail).contains("lanhdao.doluong@nghean.example");

    jobs.fire(unit, Element.ESCALATION);
    assertThat(unit).variables().containsEntry(UnitReviewProcess.Var.ESCALATION_LEVEL, 2);
    assertThat(jobs.timer(unit, Element.ESCALATION).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2024-07-20T17:00:00Z")));
    jobs.fire(unit, Element.ESCALATION);
    assertThat(record("DOLUONG").getEscalationCount()).isEqualTo(2);
    assertThat(deadlineRecords.ofUnit(campaign, "DOLUONG")).extracting(DeadlineEvent::getKind,
        DeadlineEvent::getRecipients).containsExactly(
        org.assertj.core.groups.Tuple.tuple(DeadlineKind.REMINDER, "Cán bộ đơn vị"),
        org.assertj.core.groups.Tuple.tuple(DeadlineKind.REMINDER, "Cán bộ đơn vị"),
        org.assertj.core.groups.Tuple.tuple(DeadlineKind.OVERDUE, "Lãnh đạo đơn vị, Phòng PV01"),
        org.assertj.core.groups.Tuple.tuple(DeadlineKind.ESCALATION, "Ban Chỉ đạo tỉnh, Lãnh đạo Phòng PV01"),
        org.assertj.core.groups.Tuple.tuple(DeadlineKind.ESCALATION, "Ban Chỉ đạo tỉnh, Lãnh đạo Phòng PV01"));

    draftAndApprove(unit);
    assertThat(unit).isWaitingAt(Element.EVALUATE_REPORT);
    for (String ladderTimer : List.of(Element.FIRST_REMINDER, Element.SECOND_REMINDER, Element.REPORT_OVERDUE,
        Element.ESCALATION)) {
      assertThat(jobs.timer(unit, ladderTimer)).as(ladderTimer).isNull();
    }
    assertThat(unit).variables().containsEntry(Var.SUBMITTED_ON_TIME, false);
  }

  @Test
  void shouldSkipAReminderWhoseMomentHadPassedWhenTheReviewStarted() {
    campaign = newCampaignCode();
    campaigns.register(startForm(campaign, "TANKY"), null, "pv01officer");
    Jobs.clockAt(Date.from(Instant.parse("2024-07-10T01:00:00Z")));
    ProcessInstance unit = startReview("TANKY");

    jobs.fire(unit, Element.FIRST_REMINDER);

    assertThat(sent(campaign, "TANKY", NotificationKind.REMINDER)).isEmpty();
    assertThat(deadlineRecords.ofUnit(campaign, "TANKY")).singleElement()
        .extracting(DeadlineEvent::getKind, DeadlineEvent::getLevel, DeadlineEvent::isSkipped, DeadlineEvent::getRecipients)
        .containsExactly(DeadlineKind.REMINDER, 1, true, null);
    assertThat(jobs.timer(unit, Element.SECOND_REMINDER).getDuedate()).isAfter(Date.from(Instant.parse("2024-07-10T01:00:00Z")));
  }

  @Test
  void shouldRemindTheHeadOfPv01WhenTheEvaluationIsLate() {
    ProcessInstance unit = startUnit("NAMDAN");
    chooseWritten(unit);
    draftAndApprove(unit);

    jobs.fire(unit, Element.EVALUATION_OVERDUE);

    assertThat(unit).hasPassed(Element.REMIND_EVALUATION).isWaitingAt(Element.EVALUATE_REPORT);
    assertThat(subjects("NAMDAN", NotificationKind.REMINDER))
        .containsExactly("[Sơ kết] Báo cáo của UBND huyện Nam Đàn chưa được thẩm định");
  }

  @Test
  void shouldAskTheLeaderOfAnOverdueUnitForAnExplanationAndKeepTheAnswer() {
    ProcessInstance unit = startUnit("NGHILOC");
    chooseWritten(unit);
    jobs.fire(unit, Element.REPORT_OVERDUE);

    engine.getRuntimeService().createMessageCorrelation(ExplanationRequests.MESSAGE)
        .processInstanceBusinessKey(campaign + "/NGHILOC")
        .setVariable(Var.EXPLANATION_DUE_DATE, Date.from(DEADLINE.toInstant().plus(Duration.ofDays(3)))).correlate();
    Task explain = engine.getTaskService().createTaskQuery().processInstanceId(unit.getId())
        .taskDefinitionKey(Element.PROVIDE_EXPLANATION).singleResult();
    assertThat(explain).hasName("Giải trình việc chậm gửi báo cáo").hasCandidateGroup("unitNGHILOClead");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(explain.getId(), Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("chưa nhập «Lý do chậm gửi báo cáo»");
    engine.getFormService().submitTaskForm(explain.getId(), Map.of("explanationReason", "Chờ số liệu từ các xã",
        "explanationCommittedDate", "2024-07-20"));

    assertThat(unit).hasPassed(Element.RECORD_EXPLANATION).isWaitingAt(Element.DRAFT_REPORT);
    assertThat(record("NGHILOC")).extracting(UnitReport::getExplanationReason,
        UnitReport::getExplanationCommittedDate).containsExactly("Chờ số liệu từ các xã",
        Instant.parse("2024-07-19T17:00:00Z"));
    assertThat(deadlineRecords.ofUnit(campaign, "NGHILOC")).filteredOn(e -> e.getKind() == DeadlineKind.EXPLANATION_GIVEN)
        .singleElement().extracting(DeadlineEvent::getNote, DeadlineEvent::getCommittedDate)
        .containsExactly("Chờ số liệu từ các xã", Instant.parse("2024-07-19T17:00:00Z"));
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
        Var.PLANNED_DATE, "31/02/2024"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không phải là ngày hợp lệ");
    // Completing through the plain task API bypasses the form, not the rules.
    assertThatThrownBy(() -> complete(task(unit))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chưa nhập «Hình thức sơ kết»");

    assertThat(unit).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT).variables().doesNotContainKey(Var.REVIEW_FORMAT);
  }

  @Test
  void shouldRefuseOnEveryCompletionPathAVariableTheFormDoesNotDeclareOrOfTheWrongKindAndStoreNothing() {
    ProcessInstance unit = startUnit("VINH");
    String task = task(unit).getId();
    Map<String, Object> forged = withVariables(Var.REVIEW_FORMAT, UnitReviewProcess.WRITTEN, Var.PLANNED_DATE,
        "2024-06-20", Var.REPORT_DEADLINE, "2099-01-01", "submitReport", "x");

    assertThatThrownBy(() -> engine.getTaskService().complete(task, forged)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("biểu mẫu không có trường «reportDeadline»")
        .hasMessageContaining("biểu mẫu không có trường «submitReport»");
    assertThatThrownBy(() -> engine.getTaskService().completeWithVariablesInReturn(task, forged, false))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task, forged))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task, withVariables(Var.REVIEW_FORMAT,
        UnitReviewProcess.WRITTEN, Var.PLANNED_DATE, Variables.serializedObjectValue("{}")
            .serializationDataFormat("application/json").objectTypeName("java.util.HashMap").create())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("trường «plannedDate» phải là ngày tháng");

    assertThat(unit).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT).variables().doesNotContainKeys(Var.REVIEW_FORMAT,
        "submitReport").containsEntry(Var.REPORT_DUE_DATE, DEADLINE);
    // The leader's form declares two fields; a number is not a decision.
    chooseWritten(unit);
    draftAndApproveRefusingWrongKinds(unit);
  }

  void draftAndApproveRefusingWrongKinds(ProcessInstance unit) {
    writeFullReport(campaign, "VINH");
    assertThatThrownBy(() -> complete(task(unit), withVariables(Var.LEADER_DECISION, UnitReviewProcess.APPROVE)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("biểu mẫu không có trường «leaderDecision»");
    complete(task(unit));
    assertThatThrownBy(() -> complete(task(unit), withVariables(Var.LEADER_DECISION, 1L)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("trường «leaderDecision» phải là chữ");
    assertThat(unit).isWaitingAt(Element.APPROVE_UNIT_REPORT);
  }

  @Test
  void shouldDecideTheRecordFromTheCampaignAndTheUnitsRecordWhateverTheVariablesSay() {
    ProcessInstance unit = startUnit("VINH", "CUALO");
    ProcessInstance cuaLo = startReview("CUALO");
    chooseWritten(unit);
    // Whoever could write the instance's variables (only an administrator can) moves nothing.
    engine.getRuntimeService().setVariables(unit.getId(), Map.of(Var.REPORT_DEADLINE, Date.from(
        Instant.parse("2099-01-01T00:00:00Z")), Var.REPORT_DUE_DATE, Date.from(Instant.parse("2099-01-01T00:00:00Z")),
        Var.UNIT_CODE, "CUALO", Var.CAMPAIGN_CODE, "SK-OTHER", Var.UNIT_NAME, "Đơn vị giả", Var.ROUND, 7,
        "escalationIntervalDays", 0, Var.UNIT_STATUS, UnitStatus.ACCEPTED.name(), "evaluationDays", 0));

    jobs.fire(unit, Element.REPORT_OVERDUE);
    assertThat(jobs.timer(unit, Element.ESCALATION).getDuedate()).isEqualTo(Date.from(Instant.parse("2024-07-17T17:00:00Z")));
    jobs.clockAtAndRunDue(Date.from(DEADLINE.toInstant().plus(Duration.ofDays(1))));
    assertThat(task(unit)).hasDefinitionKey(Element.DRAFT_REPORT).hasDueDate(DEADLINE);
    draftAndApprove(unit);

    assertThat(record("VINH")).extracting(UnitReport::getSubmittedOnTime, UnitReport::getStatus, UnitReport::isOverdue)
        .containsExactly(false, UnitStatus.SUBMITTED_LATE, true);
    assertThat(task(unit)).hasDefinitionKey(Element.EVALUATE_REPORT)
        .hasDueDate(Date.from(DEADLINE.toInstant().plus(Duration.ofDays(6))));
    // Cửa Lò's record moved only by its own timers: no submission of Vinh's landed on it.
    assertThat(record("CUALO")).extracting(UnitReport::getStatus, UnitReport::getFirstSubmittedAt,
        UnitReport::getSubmissionCount).containsExactly(UnitStatus.NOT_STARTED, null, 0);
    assertThat(deadlineRecords.ofUnit(campaign, "CUALO")).extracting(DeadlineEvent::getKind)
        .containsExactly(DeadlineKind.REMINDER, DeadlineKind.REMINDER, DeadlineKind.OVERDUE);
    assertThat(cuaLo).isWaitingAt(Element.CHOOSE_REVIEW_FORMAT);
    assertThat(sent(campaign, "VINH", NotificationKind.ESCALATION)).extracting(Notification::getSubject)
        .allMatch(subject -> subject.contains("UBND thành phố Vinh"));
    assertThat(reports.find("SK-OTHER", "CUALO")).isEmpty();
  }

  @Test
  void shouldLetOnlyTheUnitsOwnGroupsReadItsInstanceAndItsCandidatesWorkOnItsTasks() {
    ProcessInstance unit = startUnit("VINH");

    List<Authorization> grants = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(unit.getId()).list();
    assertThat(grants).extracting(Authorization::getGroupId).containsExactlyInAnyOrder("unitVINH", "unitVINHlead");
    assertThat(grants).allMatch(grant -> grant.isPermissionGranted(Permissions.READ));
    Task task = task(unit);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("unitVINH");
    Authorization work = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn("unitVINH").singleResult();
    assertThat(work.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK)).isTrue();
    assertThat(work.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }
}
