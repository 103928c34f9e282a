package vn.nghean.review.unitreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.identity.Role;
import vn.nghean.review.notification.Message;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.record.Rating;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;

/**
 * The unit review's service tasks on their own, without an engine or a database: what
 * {@code Task_CloseAtCutoff} and {@code Task_AcceptReport} record, show and tell, with their
 * collaborators mocked. The process tests prove the engine calls them at the right moment.
 */
class UnitDelegatesTest {

  static final String CAMPAIGN = "SK-2023-2024";

  ReportService reports = mock(ReportService.class);
  NotificationService notifications = mock(NotificationService.class);
  Recipients recipients = mock(Recipients.class);
  DeadlineRecords records = mock(DeadlineRecords.class);
  DelegateExecution vinh = mock(DelegateExecution.class);
  UnitReport report = mock(UnitReport.class);
  List<Recipient> committee = List.of(new Recipient("bcdmember", "bcd@nghean.example"));

  @BeforeEach
  void vinh() {
    when(vinh.getProcessBusinessKey()).thenReturn(UnitReviewProcess.businessKey(CAMPAIGN, "VINH"));
    when(reports.get(CAMPAIGN, "VINH")).thenReturn(report);
    when(report.getUnitName()).thenReturn("UBND thành phố Vinh");
  }

  @Test
  void aUnitThatNeverSubmittedShouldBeClosedAsNotSubmittedAndTheSteeringCommitteeTold() {
    when(reports.closeAtCutoff(CAMPAIGN, "VINH")).thenReturn(UnitStatus.NOT_SUBMITTED);
    when(recipients.of(List.of(Role.STEERING_COMMITTEE), "VINH")).thenReturn(committee);

    new CloseAtCutoff(reports, notifications, recipients, records).execute(vinh);

    verify(vinh).setVariable(Var.UNIT_STATUS, UnitStatus.NOT_SUBMITTED.name());
    ArgumentCaptor<Message> mail = ArgumentCaptor.forClass(Message.class);
    verify(notifications).send(mail.capture(), eq(committee));
    assertThat(mail.getValue().subject()).contains("UBND thành phố Vinh");
    verify(records).record(vinh, CAMPAIGN, "VINH", DeadlineKind.CUTOFF, 0, List.of(Role.STEERING_COMMITTEE), false,
        UnitStatus.NOT_SUBMITTED.label());
  }

  @Test
  void aUnitThatSubmittedShouldBeClosedWithoutTellingAnyone() {
    when(reports.closeAtCutoff(CAMPAIGN, "VINH")).thenReturn(UnitStatus.SUBMITTED_LATE);

    new CloseAtCutoff(reports, notifications, recipients, records).execute(vinh);

    verify(notifications, never()).send(any(), anyList());
    verify(records).record(vinh, CAMPAIGN, "VINH", DeadlineKind.CUTOFF, 0, List.of(), false,
        UnitStatus.SUBMITTED_LATE.label());
  }

  @Test
  void anAcceptedReportShouldCarryPv01sRatingAndBeToldToTheUnitsOfficersAndLeader() {
    when(vinh.getVariable(Var.RATING)).thenReturn(Rating.GOOD.name());
    when(vinh.getVariable(Var.SELECTED_PRACTICES)).thenReturn("Mô hình “Khu dân cư an toàn”");
    Recipient officer = new Recipient("vinhofficer", "canbo.vinh@nghean.example");
    Recipient leader = new Recipient("vinhlead", "lanhdao.vinh@nghean.example");
    when(recipients.unitOfficers("VINH")).thenReturn(List.of(officer));
    when(recipients.unitLeaders("VINH")).thenReturn(List.of(leader));

    new AcceptReport(reports, notifications, recipients).execute(vinh);

    verify(reports).accept(eq(CAMPAIGN), eq("VINH"), any(), eq(Rating.GOOD), eq("Mô hình “Khu dân cư an toàn”"));
    verify(vinh).setVariable(Var.UNIT_STATUS, UnitStatus.ACCEPTED.name());
    ArgumentCaptor<Message> mail = ArgumentCaptor.forClass(Message.class);
    verify(notifications).send(mail.capture(), eq(List.of(officer, leader)));
    assertThat(mail.getValue().body()).contains(Rating.GOOD.label());
  }
}
