package vn.nghean.review.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The {@code unitReview} process: its key, element ids and variable names. */
public final class UnitReviewProcess {

  public static final String KEY = "unitReview";
  /** The campaign's message the last unit to end sends: {@code ReceiveTask_UnitReviews} waits for it. */
  public static final String UNITS_CLOSED_MESSAGE = "UnitReviewsClosed";

  /** A unit review's business key (design section 4): {@code SK-2023-2024/VINH}. */
  public static String businessKey(String campaignCode, String unitCode) {
    return campaignCode + "/" + unitCode;
  }

  /**
   * Whose review an instance is: its campaign and unit, read from the business key the application
   * started it with (no user can change it), never from a variable (design section 9).
   */
  public record Key(String campaignCode, String unitCode) {

    public static Key of(String businessKey) {
      int slash = businessKey == null ? -1 : businessKey.lastIndexOf('/');
      if (slash <= 0 || slash == businessKey.length() - 1) {
        throw new IllegalStateException("Not the business key of a unit review: " + businessKey);
      }
      return new Key(businessKey.substring(0, slash), businessKey.substring(slash + 1));
    }

    /** The key of the unit review that an execution or a task belongs to. */
    public static Key of(VariableScope scope) {
      return of(ProcessKeys.businessKey(scope));
    }

    public String businessKey() {
      return UnitReviewProcess.businessKey(campaignCode, unitCode);
    }
  }

  /** Element ids. User task ids are the task definition keys of design section 4. */
  public static final class Element {
    public static final String START = "StartEvent_UnitReviewStarted";
    public static final String REVIEW = "SubProcess_Review";
    public static final String PREPARATION = "SubProcess_Preparation";
    public static final String FIRST_REMINDER = "Timer_FirstReminder";
    public static final String SECOND_REMINDER = "Timer_SecondReminder";
    public static final String REPORT_OVERDUE = "Timer_ReportOverdue";
    public static final String ESCALATION = "Timer_Escalation";
    public static final String EXPLANATION_REQUESTED = "Event_ExplanationRequested";
    public static final String PROVIDE_EXPLANATION = "ProvideExplanation";
    public static final String RECORD_EXPLANATION = "Task_RecordExplanation";
    public static final String EVALUATION_OVERDUE = "Timer_EvaluationOverdue";
    public static final String REMIND_EVALUATION = "Task_RemindEvaluation";
    public static final String CHOOSE_REVIEW_FORMAT = "ChooseReviewFormat";
    public static final String REVIEW_FORMAT = "Gateway_ReviewFormat";
    public static final String HOLD_UNIT_CONFERENCE = "HoldUnitConference";
    public static final String DRAFT_REPORT = "DraftReport";
    public static final String APPROVE_UNIT_REPORT = "ApproveUnitReport";
    public static final String LEADER_DECISION = "Gateway_LeaderDecision";
    public static final String SUBMIT_REPORT = "Task_SubmitReport";
    public static final String EVALUATE_REPORT = "EvaluateReport";
    public static final String EVALUATION_DECISION = "Gateway_EvaluationDecision";
    public static final String REQUEST_REVISION = "Task_RequestRevision";
    public static final String ACCEPT_REPORT = "Task_AcceptReport";
    public static final String REPORT_ACCEPTED = "EndEvent_ReportAccepted";
    public static final String SYNTHESIS_CUTOFF = "Timer_SynthesisCutoff";
    public static final String CLOSE_AT_CUTOFF = "Task_CloseAtCutoff";
    public static final String CLOSED_AT_CUTOFF = "EndEvent_ClosedAtCutoff";

    private Element() {}
  }

  /** Variable names; form field keys are the same names. */
  public static final class Var {
    public static final String CAMPAIGN_CODE = "campaignCode";
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_NAME = "unitName";
    public static final String UNIT_STATUS = "unitStatus";
    public static final String UNIT_STATUS_LABEL = "unitStatusLabel";
    public static final String REPORT_DEADLINE = "reportDeadline";
    public static final String SYNTHESIS_CUTOFF = "synthesisCutoff";
    /** Due date of drafting and approval: the report deadline, or the revision due date. */
    public static final String REPORT_DUE_DATE = "reportDueDate";
    /** 1 for the first preparation, 2 and more after each revision request. */
    public static final String ROUND = "round";
    public static final String REVIEW_FORMAT = "reviewFormat";
    public static final String PLANNED_DATE = "plannedDate";
    public static final String CONFERENCE_HELD_ON = "conferenceHeldOn";
    public static final String CONFERENCE_CHAIR = "conferenceChair";
    public static final String PARTICIPANT_COUNT = "participantCount";
    public static final String MINUTES_REFERENCE = "minutesReference";
    public static final String LEADER_DECISION = "leaderDecision";
    public static final String LEADER_COMMENT = "leaderComment";
    public static final String SUBMITTED_ON_TIME = "submittedOnTime";
    public static final String EVALUATION_DUE_DATE = "evaluationDueDate";
    public static final String EVALUATION_DECISION = "evaluationDecision";
    public static final String RATING = "rating";
    public static final String SELECTED_PRACTICES = "selectedPractices";
    public static final String REVISION_COMMENT = "revisionComment";
    public static final String REVISION_DUE_DATE = "revisionDueDate";
    /** True once the report deadline (or the revision's) has passed without a submission. */
    public static final String OVERDUE = "overdue";
    /** 0 before the deadline passes, then 1 and 2 as the escalation ladder climbs. */
    public static final String ESCALATION_LEVEL = "escalationLevel";
    /** PV01's request for an explanation of the delay, and when the answer is due. */
    public static final String EXPLANATION_REQUEST_NOTE = "explanationRequestNote";
    public static final String EXPLANATION_DUE_DATE = "explanationDueDate";
    /** The unit's explanation: why it is late, and the day it promises the report. */
    public static final String EXPLANATION_REASON = "explanationReason";
    public static final String EXPLANATION_COMMITTED_DATE = "explanationCommittedDate";
    /** The latest rung of the deadline ladder, in words, with its time. */
    public static final String LAST_DEADLINE_EVENT = "lastDeadlineEvent";
    /** Input of a reminder's step: the first or the second. */
    public static final String REMINDER_NUMBER = "reminderNumber";

    /**
     * What the application itself writes on a unit's instance as a copy of its record, of its campaign
     * or of a constant, for Cockpit to show (design section 9: the record is in the application's own
     * tables; variables are display copies). They live on the running instance only, the history keeps
     * none of them ({@code engine.DisplayCopiesHistoryPlugin}): the record keeps the changes (the unit's
     * status and deadline records, with who and when). No form of the unit's process has a field of
     * these names; what people enter keeps every change in the history.
     */
    public static final Set<String> DISPLAY_COPIES = Set.of(CAMPAIGN_CODE, UNIT_CODE, UNIT_NAME,
        UNIT_STATUS, UNIT_STATUS_LABEL, REPORT_DEADLINE, SYNTHESIS_CUTOFF, REPORT_DUE_DATE, ROUND, OVERDUE,
        ESCALATION_LEVEL, LAST_DEADLINE_EVENT, REMINDER_NUMBER);

    private Var() {}
  }

  /** Values of {@link Var#REVIEW_FORMAT}. */
  public static final String CONFERENCE = "CONFERENCE";
  public static final String WRITTEN = "WRITTEN";
  /** Values of {@link Var#LEADER_DECISION}. */
  public static final String APPROVE = "APPROVE";
  public static final String RETURN = "RETURN";
  /** Values of {@link Var#EVALUATION_DECISION}. */
  public static final String ACCEPT = "ACCEPT";
  public static final String REVISE = "REVISE";


  private UnitReviewProcess() {}
}
