package vn.nghean.review.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.core.io.ClassPathResource;

import vn.nghean.review.campaign.Campaign;
import vn.nghean.review.campaign.CampaignCancelled;
import vn.nghean.review.campaign.CampaignParticipants;
import vn.nghean.review.campaign.CampaignRepository;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignStarted;
import vn.nghean.review.campaign.CheckProvincialReport;
import vn.nghean.review.campaign.CloseCampaign;
import vn.nghean.review.campaign.NotifyGuidanceIssued;
import vn.nghean.review.campaign.PrepareProvincialDraft;
import vn.nghean.review.campaign.RecordProvincialDecision;
import vn.nghean.review.campaign.ScheduleConference;
import vn.nghean.review.campaign.SendInvitations;
import vn.nghean.review.campaign.StartUnitReviews;
import vn.nghean.review.campaign.UnitsClosed;
import vn.nghean.review.deadline.CampaignDeadlines;
import vn.nghean.review.deadline.CampaignLadder;
import vn.nghean.review.deadline.DeadlineLadder;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.deadline.EscalateConference;
import vn.nghean.review.deadline.EscalateUnit;
import vn.nghean.review.deadline.MarkOverdue;
import vn.nghean.review.deadline.PreparationStarted;
import vn.nghean.review.deadline.RemindConference;
import vn.nghean.review.deadline.RemindEvaluation;
import vn.nghean.review.deadline.RemindUnit;
import vn.nghean.review.deadline.SummariseMissingReports;
import vn.nghean.review.deadline.TaskDates;
import vn.nghean.review.deadline.UnitDeadlines;
import vn.nghean.review.form.FormSchemas;
import vn.nghean.review.form.ValidateTaskForm;
import vn.nghean.review.identity.InstanceAuthorizations;
import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotifyNewTask;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.report.ProvincialReportService;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitReport;
import vn.nghean.review.report.UnitStatus;
import vn.nghean.review.unit.UnitRegistry;
import vn.nghean.review.unitreview.AcceptReport;
import vn.nghean.review.unitreview.CheckReportComplete;
import vn.nghean.review.unitreview.CloseAtCutoff;
import vn.nghean.review.unitreview.RecordEvaluation;
import vn.nghean.review.unitreview.RecordExplanation;
import vn.nghean.review.unitreview.RecordLeaderDecision;
import vn.nghean.review.unitreview.RequestRevision;
import vn.nghean.review.unitreview.SubmitReport;
import vn.nghean.review.unitreview.TrackUnitStatus;
import vn.nghean.review.unitreview.UnitReviewClosed;
import vn.nghean.review.unitreview.UnitReviewStarted;
import vn.nghean.review.unitreview.UnitStatusTracker;

/**
 * Registers every bean the BPMN files name, as the application does, for process tests on a plain
 * engine: the real delegates and listeners, over the real unit registry and form rules, with the
 * application's database replaced by Mockito mocks that tests can stub and verify.
 */
public final class ProcessTestBeans {

  /**
   * The process tests' engine configuration. Not {@code camunda.cfg.xml}: the REST layer of a Spring
   * Boot test in the same JVM would find that name and build a second engine on the same database.
   */
  public static final String CONFIGURATION = "process-test.cfg.xml";

  public final UnitRegistry units;
  public final ReportService reports = mock(ReportService.class);
  public final ProvincialReportService provincialReports = mock(ProvincialReportService.class);
  public final CampaignRepository campaignRepository = mock(CampaignRepository.class);
  public final CampaignService campaigns;
  public final NotificationService notifications = mock(NotificationService.class);
  public final DeadlineRecords deadlineRecords = mock(DeadlineRecords.class);
  private final Map<String, Campaign> savedCampaigns = new HashMap<>();
  private final Map<String, Integer> closedUnits = new HashMap<>();
  /** Units started per job: one, so that two units make two batches. */
  public static final int UNITS_PER_START_JOB = 1;

  private ProcessTestBeans(ProcessEngine engine) throws IOException {
    units = new UnitRegistry(new ClassPathResource("units/nghe-an.csv"));
    FormSchemas forms = FormSchemas.load();
    campaigns = new CampaignService(campaignRepository, units, forms);
    lenient().when(campaignRepository.save(any(Campaign.class))).thenAnswer(call -> {
      Campaign campaign = call.getArgument(0);
      savedCampaigns.put(campaign.getCode(), campaign);
      return campaign;
    });
    lenient().when(campaignRepository.existsById(anyString()))
        .thenAnswer(call -> savedCampaigns.containsKey(call.<String>getArgument(0)));
    lenient().when(campaignRepository.findById(anyString()))
        .thenAnswer(call -> Optional.ofNullable(savedCampaigns.get(call.<String>getArgument(0))));
    lenient().when(campaignRepository.countClosedUnit(anyString())).thenAnswer(call -> {
      String code = call.getArgument(0);
      if (!savedCampaigns.containsKey(code)) {
        return 0;
      }
      closedUnits.merge(code, 1, Integer::sum);
      return 1;
    });
    lenient().when(campaignRepository.unitsClosed(anyString())).thenAnswer(call -> {
      String code = call.getArgument(0);
      return new UnitsClosed(closedUnits.getOrDefault(code, 0), savedCampaigns.get(code).getUnitCount());
    });
    lenient().when(reports.missingParts(anyString(), anyString())).thenReturn(List.of());
    lenient().when(reports.submit(anyString(), anyString(), any(Instant.class), any(Instant.class)))
        .thenAnswer(call -> !call.<Instant>getArgument(2).isAfter(call.getArgument(3)));
    lenient().when(reports.get(anyString(), anyString()))
        .thenAnswer(call -> new UnitReport(call.getArgument(0), call.getArgument(1), "?", null));
    lenient().when(reports.closeAtCutoff(anyString(), anyString())).thenReturn(UnitStatus.NOT_SUBMITTED);
    lenient().when(reports.escalate(anyString(), anyString())).thenReturn(1);
    lenient().when(provincialReports.missingParts(anyString())).thenReturn(List.of());

    UnitStatusTracker tracker = new UnitStatusTracker(reports);
    Recipients recipients = new Recipients(engine.getIdentityService(), units);
    TasklistLinks links = new TasklistLinks("http://localhost:8080");
    UnitDeadlines unitDeadlines = new UnitDeadlines();
    DeadlineLadder ladder = new DeadlineLadder(reports, notifications, recipients, deadlineRecords, links, unitDeadlines);
    CampaignLadder campaignLadder = new CampaignLadder(reports, notifications, recipients, deadlineRecords);
    Mocks.register("unitDeadlines", unitDeadlines);
    Mocks.register("campaignDeadlines", new CampaignDeadlines());
    Mocks.register("preparationStarted", new PreparationStarted());
    Mocks.register("remindUnit", new RemindUnit(ladder));
    Mocks.register("markOverdue", new MarkOverdue(ladder));
    Mocks.register("escalateUnit", new EscalateUnit(ladder));
    Mocks.register("remindEvaluation", new RemindEvaluation(ladder));
    Mocks.register("recordExplanation", new RecordExplanation(reports, deadlineRecords));
    Mocks.register("summariseMissingReports", new SummariseMissingReports(campaignLadder));
    Mocks.register("remindConference", new RemindConference(campaignLadder));
    Mocks.register("escalateConference", new EscalateConference(campaignLadder));
    Mocks.register("notifyNewTask", new NotifyNewTask(notifications, recipients, links));
    Mocks.register("notifyGuidanceIssued", new NotifyGuidanceIssued(campaigns, notifications, recipients, links));
    Mocks.register("sendInvitations", new SendInvitations(campaigns, notifications, recipients));
    Mocks.register("campaignStarted", new CampaignStarted(campaigns));
    CampaignParticipants participants = new CampaignParticipants(campaigns, UNITS_PER_START_JOB);
    Mocks.register("campaignParticipants", participants);
    Mocks.register("startUnitReviews", new StartUnitReviews(participants));
    Mocks.register("unitReviewClosed", new UnitReviewClosed(campaigns));
    Mocks.register("campaignCancelled", new CampaignCancelled());
    Mocks.register("taskDates", new TaskDates());
    Mocks.register("validateTaskForm", new ValidateTaskForm(forms));
    Mocks.register("prepareProvincialDraft", new PrepareProvincialDraft(provincialReports));
    Mocks.register("checkProvincialReport", new CheckProvincialReport(provincialReports));
    Mocks.register("recordProvincialDecision", new RecordProvincialDecision(reports));
    Mocks.register("scheduleConference", new ScheduleConference());
    Mocks.register("closeCampaign", new CloseCampaign(campaigns, notifications, recipients));
    Mocks.register("unitReviewStarted",
        new UnitReviewStarted(units, reports, new InstanceAuthorizations(engine.getAuthorizationService())));
    Mocks.register("trackUnitStatus", new TrackUnitStatus(tracker));
    Mocks.register("checkReportComplete", new CheckReportComplete(reports));
    Mocks.register("recordLeaderDecision", new RecordLeaderDecision(reports));
    Mocks.register("submitReport", new SubmitReport(reports));
    Mocks.register("recordEvaluation", new RecordEvaluation(reports));
    Mocks.register("requestRevision", new RequestRevision(tracker, reports, notifications, recipients, links));
    Mocks.register("acceptReport", new AcceptReport(reports, notifications, recipients));
    Mocks.register("closeAtCutoff", new CloseAtCutoff(reports, notifications, recipients, deadlineRecords));
  }

  /** Before each test: the assertions on this engine, the engine clock at {@code now}, the beans. */
  public static ProcessTestBeans register(ProcessEngine engine, Instant now) {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(now));
    try {
      return new ProcessTestBeans(engine);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** After each test. */
  public static void reset() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }
}
