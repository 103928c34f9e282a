package vn.nghean.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.process.CampaignProcess.Element;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.support.Jobs;
import vn.nghean.review.support.ProcessTestBase;

/**
 * A job whose work fails once is tried again after the interval of its element's retry cycle
 * ({@code R5/PT5M}: five attempts, five minutes apart), not three times at once: its retries drop by
 * one, its due date moves five minutes on, nothing of the failed attempt is kept (no mail, no unit
 * started, nothing counted), and once the five minutes have passed it runs and does its work once.
 * One test for each kind of job the processes have: a service task's continuation, a multi-instance
 * batch, a boundary timer, an event sub-process's timer and an end event's continuation.
 *
 * <p>The failure is the real delegate's (or listener's) invocation throwing after the delegate did its
 * work, injected through the engine's delegate interceptor and taken away after each test.
 */
class FailedJobRetryProcessTest extends ProcessTestBase {

  static final Instant START = Instant.parse("2024-06-01T01:00:00Z");
  /** The retry cycle of every async point and timer of {@code processes/}. */
  static final int RETRIES = 5;
  static final Duration INTERVAL = Duration.ofMinutes(5);
  static final String INJECTED = "injected failure";

  String code;
  DelegateInterceptor original;

  @Override
  protected Instant start() {
    return START;
  }

  @BeforeEach
  void newCampaign() {
    code = newCampaignCode();
    original = configuration().getDelegateInterceptor();
  }

  @AfterEach
  void noMoreFailures() {
    configuration().setDelegateInterceptor(original);
  }

  @Test
  void shouldRetryTheGuidanceMailFiveMinutesLaterAndWriteItOnce() {
    ProcessInstance campaign = startAndIssueGuidance("VINH");
    Job job = onlyJob(campaign, Element.NOTIFY_GUIDANCE_ISSUED);

    failOnceAndRetryLater(job, at(Element.NOTIFY_GUIDANCE_ISSUED), () -> {
      assertThat(sent(code, null, NotificationKind.GUIDANCE_ISSUED)).as("mail of the failed attempt").isEmpty();
      assertThat(campaign).isWaitingAt(Element.NOTIFY_GUIDANCE_ISSUED);
    });

    assertThat(sent(code, null, NotificationKind.GUIDANCE_ISSUED)).extracting(Notification::getRecipientEmail)
        .contains("canbo.vinh@nghean.example", "lanhdao.vinh@nghean.example").doesNotHaveDuplicates();
    assertThat(campaign).isWaitingAt(Element.START_UNIT_REVIEWS);
  }

  @Test
  void shouldRetryABatchOfUnitsFiveMinutesLaterAndStartEachUnitOnce() {
    ProcessInstance campaign = startAndIssueGuidance("VINH");
    jobs.runContinuation(campaign); // the guidance mail
    // The job of each batch reads the cycle of the multi-instance loop characteristics.
    Job batch = onlyJob(campaign, Element.START_UNIT_REVIEWS);

    failOnceAndRetryLater(batch, at(Element.START_UNIT_REVIEWS),
        () -> assertThat(units()).as("units started by the failed attempt").isEmpty());

    assertThat(units()).extracting(ProcessInstance::getBusinessKey).containsExactly(code + "/VINH");
    assertThat(campaign).isWaitingAt(Element.UNIT_REVIEWS);
  }

  @Test
  void shouldRetryTheReportDeadlineSummaryFiveMinutesLaterAndSendItOnce() {
    ProcessInstance campaign = startAndIssueGuidance("VINH");
    jobs.runContinuations();
    Job timer = jobs.timer(campaign, Element.REPORT_DEADLINE_SUMMARY);
    Jobs.clockAt(timer.getDuedate());

    failOnceAndRetryLater(timer, at(Element.SUMMARISE_MISSING_REPORTS), () -> {
      assertThat(sent(code, null, NotificationKind.ESCALATION)).as("summary of the failed attempt").isEmpty();
      assertThat(campaign).hasNotPassed(Element.SUMMARISE_MISSING_REPORTS);
    });

    assertThat(sent(code, null, NotificationKind.ESCALATION)).singleElement()
        .extracting(Notification::getRecipientEmail).isEqualTo("bcd@test.example");
    assertThat(campaign).hasPassed(Element.SUMMARISE_MISSING_REPORTS).isWaitingAt(Element.UNIT_REVIEWS);
  }

  @Test
  void shouldRetryTheConferenceReminderFiveMinutesLaterAndSendItOnce() {
    ProcessInstance campaign = startAndIssueGuidance("VINH");
    jobs.runContinuations();
    Job timer = jobs.timer(campaign, Element.CONFERENCE_REMINDER);
    Jobs.clockAt(timer.getDuedate());

    failOnceAndRetryLater(timer, at(Element.REMIND_CONFERENCE), () -> assertThat(sent(code, null,
        NotificationKind.REMINDER)).as("reminder of the failed attempt").isEmpty());

    assertThat(sent(code, null, NotificationKind.REMINDER)).extracting(Notification::getSubject)
        .containsExactly("[Sơ kết] Nhắc tổ chức hội nghị sơ kết cấp tỉnh");
    assertThat(campaign).hasPassed(Element.REMIND_CONFERENCE);
  }

  @Test
  void shouldRetryTheEndOfAUnitFiveMinutesLaterAndCountItOnce() {
    ProcessInstance campaign = startAndIssueGuidance("VINH");
    jobs.runContinuations();
    ProcessInstance unit = units().get(0);
    jobs.fire(unit, UnitReviewProcess.Element.SYNTHESIS_CUTOFF);
    Job end = onlyJob(unit, UnitReviewProcess.Element.CLOSED_AT_CUTOFF);

    // The end listener of the unit's instance (unitReviewClosed) counts the unit on the campaign.
    Predicate<DelegateExecution> unitEnds = execution -> ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
        && execution.getProcessInstanceId().equals(unit.getId());
    failOnceAndRetryLater(end, unitEnds, () -> {
      assertThat(campaigns.get(code).getClosedUnits()).as("units counted by the failed attempt").isZero();
      assertThat(record(code, "VINH").getEndedAt()).isNull();
      assertThat(unit).isNotEnded();
    });

    assertThat(unit).isEnded().hasPassed(UnitReviewProcess.Element.CLOSED_AT_CUTOFF);
    assertThat(campaigns.find(code)).get().extracting(Campaign::getClosedUnits).isEqualTo(1);
    assertThat(campaign).isWaitingAt(Element.PREPARE_PROVINCIAL_DRAFT);
  }

  /**
   * Runs the job with the delegates at {@code where} failing once, as the job executor would: the job
   * then waits {@link #INTERVAL} with one retry fewer, the failed attempt left nothing
   * ({@code nothingKept}), and at its new due date the job runs again and succeeds.
   */
  void failOnceAndRetryLater(Job job, Predicate<DelegateExecution> where, Runnable nothingKept) {
    Date failedAt = ClockUtil.getCurrentTime();
    String element = management().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
    failOnce(where);

    assertThatThrownBy(() -> management().executeJob(job.getId())).hasStackTraceContaining(INJECTED);

    Job failed = management().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed).as("the failed job %s", element).isNotNull();
    assertThat(failed.getRetries()).as("retries left of %s", element).isEqualTo(RETRIES - 1);
    assertThat(failed.getDuedate()).as("next attempt of %s", element)
        .isEqualTo(Date.from(failedAt.toInstant().plus(INTERVAL)));
    assertThat(failed.getExceptionMessage()).contains(INJECTED);
    assertThat(executable(job)).as("%s is due again at once", element).isFalse();
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job.getId()).count()).isZero();
    nothingKept.run();

    Jobs.clockAt(Date.from(failedAt.toInstant().plus(INTERVAL).minusSeconds(1)));
    assertThat(executable(job)).as("%s is due a second early", element).isFalse();
    Jobs.clockAt(failed.getDuedate());
    assertThat(executable(job)).as("%s is due after the interval", element).isTrue();
    management().executeJob(job.getId());
    assertThat(management().createJobQuery().jobId(job.getId()).count()).as("%s after its retry", element)
        .isZero();
  }

  /** Makes the next delegate or execution listener invoked where {@code where} holds throw, after it ran. */
  void failOnce(Predicate<DelegateExecution> where) {
    AtomicInteger failures = new AtomicInteger(1);
    DelegateInterceptor engineDefault = original;
    configuration().setDelegateInterceptor(invocation -> {
      engineDefault.handleInvocation(invocation);
      if ((invocation instanceof JavaDelegateInvocation || invocation instanceof ExecutionListenerInvocation)
          && invocation.getContextExecution() instanceof DelegateExecution execution && where.test(execution)
          && failures.getAndDecrement() > 0) {
        throw new IllegalStateException(INJECTED + " at " + execution.getCurrentActivityId());
      }
    });
  }

  static Predicate<DelegateExecution> at(String activityId) {
    return execution -> activityId.equals(execution.getCurrentActivityId());
  }

  boolean executable(Job job) {
    return management().createJobQuery().jobId(job.getId()).executable().count() == 1;
  }

  Job onlyJob(ProcessInstance instance, String activityId) {
    Job job = management().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("the job of %s at %s", instance.getBusinessKey(), activityId).isNotNull();
    return job;
  }

  ProcessInstance startAndIssueGuidance(String units) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CampaignProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance campaign = engine.getFormService().submitStartForm(definitionId, startForm(code, units));
    engine.getFormService().submitTaskForm(task(campaign).getId(), Map.of(Var.GUIDANCE_NUMBER, "1234/HD-CAT-PV01",
        Var.GUIDANCE_DATE, "2024-06-01"));
    return campaign;
  }

  List<ProcessInstance> units() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(UnitReviewProcess.KEY)
        .processInstanceBusinessKeyLike(code + "/%").list();
  }

  ManagementService management() {
    return engine.getManagementService();
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
