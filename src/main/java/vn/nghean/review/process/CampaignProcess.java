package vn.nghean.review.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The {@code reviewCampaign} process: its key, element ids and variable names. */
public final class CampaignProcess {

  public static final String KEY = "reviewCampaign";

  /**
   * The campaign an execution or task of {@code reviewCampaign} belongs to: its business key, which
   * the start listener sets from the validated start form, never a variable (design section 9).
   */
  public static String code(VariableScope scope) {
    return ProcessKeys.businessKey(scope);
  }
  public static final String START_FORM = "campaign-start";

  /** Element ids. User task ids are the task definition keys of design section 3. */
  public static final class Element {
    public static final String START = "StartEvent_CampaignRequested";
    public static final String ISSUE_GUIDANCE = "IssueGuidance";
    public static final String NOTIFY_GUIDANCE_ISSUED = "Task_NotifyGuidanceIssued";
    public static final String START_UNIT_REVIEWS = "Task_StartUnitReviews";
    public static final String UNIT_REVIEWS = "ReceiveTask_UnitReviews";
    public static final String PREPARE_PROVINCIAL_DRAFT = "Task_PrepareProvincialDraft";
    public static final String COMPILE_PROVINCIAL_REPORT = "CompileProvincialReport";
    public static final String APPROVE_PROVINCIAL_REPORT = "ApproveProvincialReport";
    public static final String PROVINCIAL_REPORT_APPROVED = "Gateway_ProvincialReportApproved";
    public static final String PREPARE_CONFERENCE = "PrepareConference";
    public static final String SEND_INVITATIONS = "Task_SendInvitations";
    public static final String RECORD_CONFERENCE_RESULTS = "RecordConferenceResults";
    public static final String CLOSE_CAMPAIGN = "Task_CloseCampaign";
    public static final String END = "EndEvent_CampaignClosed";
    public static final String REPORT_DEADLINE_SUMMARY = "Timer_ReportDeadlineSummary";
    public static final String SUMMARISE_MISSING_REPORTS = "Task_SummariseMissingReports";
    public static final String CONFERENCE_REMINDER = "Timer_ConferenceReminder";
    public static final String REMIND_CONFERENCE = "Task_RemindConference";
    public static final String CONFERENCE_OVERDUE = "Timer_ConferenceOverdue";
    public static final String ESCALATE_CONFERENCE = "Task_EscalateConference";

    private Element() {}
  }

  /** Variable names; form field keys are the same names. */
  public static final class Var {
    public static final String CAMPAIGN_CODE = "campaignCode";
    public static final String CAMPAIGN_TITLE = "campaignTitle";
    public static final String REVIEW_PERIOD = "reviewPeriod";
    public static final String REPORT_DEADLINE = "reportDeadline";
    public static final String SYNTHESIS_CUTOFF = "synthesisCutoff";
    public static final String CONFERENCE_DEADLINE = "conferenceDeadline";
    public static final String PARTICIPATING_UNITS = "participatingUnits";
    /** The day whose registry the participants are taken from; the start day when left out. */
    public static final String PARTICIPANTS_ON = "participantsOn";
    public static final String UNIT_COUNT = "unitCount";
    /** The element variable of {@code Task_StartUnitReviews}: the number of the batch of units it starts. */
    public static final String UNIT_BATCH = "unitBatch";
    public static final String GUIDANCE_NUMBER = "guidanceNumber";
    public static final String GUIDANCE_DATE = "guidanceDate";
    public static final String GUIDANCE_NOTES = "guidanceNotes";
    public static final String PROVINCIAL_DECISION = "provincialDecision";
    public static final String PROVINCIAL_COMMENT = "provincialComment";
    public static final String CONFERENCE_DATE = "conferenceDate";
    public static final String CONFERENCE_VENUE = "conferenceVenue";
    public static final String CONFERENCE_AGENDA = "conferenceAgenda";
    public static final String CONFERENCE_INVITEES = "conferenceInvitees";
    public static final String CONFERENCE_RESULTS_DUE_DATE = "conferenceResultsDueDate";
    public static final String ATTENDANCE = "attendance";
    public static final String CONFERENCE_CONCLUSIONS = "conferenceConclusions";
    public static final String CONFERENCE_COMMENDATIONS = "conferenceCommendations";
    public static final String CONFERENCE_FOLLOW_UP = "conferenceFollowUp";
    /** The ladder's durations in days (design section 5), kept with the campaign's record. */
    public static final String FIRST_REMINDER_DAYS = "firstReminderDays";
    public static final String SECOND_REMINDER_DAYS = "secondReminderDays";
    public static final String ESCALATION_INTERVAL_DAYS = "escalationIntervalDays";
    public static final String EVALUATION_DAYS = "evaluationDays";
    public static final String CONFERENCE_REMINDER_DAYS = "conferenceReminderDays";

    private Var() {}
  }

  /** Values of {@link Var#PROVINCIAL_DECISION}. */
  public static final String APPROVE = "APPROVE";
  public static final String RETURN = "RETURN";

  /** Default gap between the report deadline and the synthesis cut-off (design section 3). */
  public static final int DEFAULT_CUTOFF_DAYS = 14;
  /** Days after the conference by which its results should be recorded. */
  public static final int CONFERENCE_RESULTS_DAYS = 3;

  private CampaignProcess() {}
}
