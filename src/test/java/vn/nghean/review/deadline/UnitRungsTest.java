package vn.nghean.review.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import vn.nghean.review.identity.Role;
import vn.nghean.review.notification.Message;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;

/**
 * The unit's deadline ladder on its own, without an engine or a database (the delegate's collaborators
 * mocked): who is told at each rung and what is recorded. The timers that call it are the process
 * tests' (UnitReviewProcessTest, DeadlineMailTest).
 */
class UnitRungsTest {

  static final String CAMPAIGN = "SK-2023-2024";
  static final Date DUE = Date.from(Instant.parse("2099-07-14T17:00:00Z"));

  ReportService reports = mock(ReportService.class);
  NotificationService notifications = mock(NotificationService.class);
  Recipients recipients = mock(Recipients.class);
  DeadlineRecords records = mock(DeadlineRecords.class);
  TasklistLinks links = mock(TasklistLinks.class);
  UnitDeadlines deadlines = mock(UnitDeadlines.class);
  UnitRungs ladder = new UnitRungs(reports, notifications, recipients, records, links, deadlines);
  DelegateExecution vinh = mock(DelegateExecution.class);
  DelegateExecution vinhInstance = mock(DelegateExecution.class);
  UnitReport report = mock(UnitReport.class);
  List<Recipient> officers = List.of(new Recipient("vinhofficer", "canbo.vinh@nghean.example"));

  @BeforeEach
  void vinh() {
    when(vinh.getProcessBusinessKey()).thenReturn(UnitReviewProcess.businessKey(CAMPAIGN, "VINH"));
    when(vinh.getProcessInstance()).thenReturn(vinhInstance);
    when(reports.get(CAMPAIGN, "VINH")).thenReturn(report);
    when(report.getCampaignCode()).thenReturn(CAMPAIGN);
    when(report.getUnitCode()).thenReturn("VINH");
    when(report.getUnitName()).thenReturn("UBND thành phố Vinh");
    when(deadlines.dueDate(vinh)).thenReturn(DUE);
    when(links.tasklist()).thenReturn("https://so-ket.example/camunda/app/tasklist/");
    when(recipients.of(UnitRungs.REMINDED, "VINH")).thenReturn(officers);
  }

  @Test
  void aReminderShouldGoToTheUnitsOfficersAndBeRecorded() {
    when(deadlines.reminder(vinh, 1)).thenReturn(Date.from(Instant.parse("2099-07-07T17:00:00Z")));

    ladder.remind(vinh, 1);

    ArgumentCaptor<Message> mail = ArgumentCaptor.forClass(Message.class);
    verify(notifications).send(mail.capture(), eq(officers));
    assertThat(mail.getValue().body()).startsWith("Kính gửi UBND thành phố Vinh").contains("00:00 ngày 15/07/2099");
    verify(records).record(vinh, CAMPAIGN, "VINH", DeadlineKind.REMINDER, 1, List.of(Role.UNIT_OFFICERS), false, null);
  }

  @Test
  void aReminderWhoseMomentPassedBeforeTheRoundBeganShouldTellNobodyAndSaySo() {
    when(deadlines.reminder(vinh, 2)).thenReturn(Date.from(Instant.parse("2099-07-01T17:00:00Z")));
    when(report.getRoundStartedAt()).thenReturn(Instant.parse("2099-07-05T02:00:00Z"));

    ladder.remind(vinh, 2);

    verify(notifications, never()).send(any(), anyList());
    verify(records).record(eq(vinh), eq(CAMPAIGN), eq("VINH"), eq(DeadlineKind.REMINDER), eq(2), eq(List.of()),
        eq(true), any());
  }

  @Test
  void anOverdueReportShouldBeMarkedShownAndToldToTheLeaderAndPv01() {
    ladder.markOverdue(vinh);

    verify(reports).markOverdue(CAMPAIGN, "VINH");
    verify(vinhInstance).setVariable(UnitReviewProcess.Var.OVERDUE, true);
    verify(vinhInstance).setVariable(UnitReviewProcess.Var.ESCALATION_LEVEL, 1);
    verify(recipients).of(List.of(Role.UNIT_LEADER, Role.PV01), "VINH");
    verify(records).record(vinh, CAMPAIGN, "VINH", DeadlineKind.OVERDUE, 1, List.of(Role.UNIT_LEADER, Role.PV01),
        false, null);
  }

  @Test
  void anEscalationShouldCountAndGoToTheSteeringCommitteeAndTheHeadOfPv01() {
    when(reports.escalate(CAMPAIGN, "VINH")).thenReturn(3);

    ladder.escalate(vinh);

    verify(vinhInstance).setVariable(UnitReviewProcess.Var.ESCALATION_LEVEL, 2);
    verify(recipients).of(List.of(Role.STEERING_COMMITTEE, Role.PV01_LEAD), "VINH");
    verify(records).record(vinh, CAMPAIGN, "VINH", DeadlineKind.ESCALATION, 2,
        List.of(Role.STEERING_COMMITTEE, Role.PV01_LEAD), false, "Lần 3");
  }
}
