package vn.nghean.review.unitreview;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import vn.nghean.review.deadline.DeadlineEvent;
import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.engine.WithoutAuthorization;

/**
 * PV01 asks an overdue unit to explain (yêu cầu giải trình): the unit's instance receives
 * {@code ExplanationRequested}, and the unit's leader gets the task {@code ProvideExplanation}.
 */
@Service
class ExplanationRequests {

  public static final String MESSAGE = "ExplanationRequested";
  /** The leader answers within this many days. */
  static final int ANSWER_DAYS = 3;

  private final ReportService reports;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DeadlineRecords records;

  ExplanationRequests(ReportService reports, RuntimeService runtimeService, IdentityService identityService,
      DeadlineRecords records) {
    this.reports = reports;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.records = records;
  }

  public void request(CurrentUser user, String campaignCode, String unitCode, String note) {
    if (!user.isIn(Groups.PV01)) {
      throw new ForbiddenException("Chỉ cán bộ PV01 được yêu cầu đơn vị giải trình");
    }
    UnitReport report = reports.get(campaignCode, unitCode);
    if (!report.isOverdue()) {
      throw new InvalidInputException("chỉ yêu cầu giải trình khi đơn vị đã quá hạn mà chưa gửi báo cáo");
    }
    if (note != null && note.length() > DeadlineEvent.NOTE_MAX_LENGTH) {
      throw new InvalidInputException("nội dung yêu cầu dài quá " + DeadlineEvent.NOTE_MAX_LENGTH + " ký tự");
    }
    // PV01 may not write to a unit's instance; the process, on PV01's checked request, may.
    try {
      WithoutAuthorization.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(UnitReviewProcess.businessKey(campaignCode, unitCode))
          .setVariable(UnitReviewProcess.Var.EXPLANATION_REQUEST_NOTE, note == null ? "" : note)
          .setVariable(UnitReviewProcess.Var.EXPLANATION_DUE_DATE, VietnamTime.plusDays(VietnamTime.now(), ANSWER_DAYS))
          .correlate());
      records.recordAct(null, campaignCode, unitCode, DeadlineKind.EXPLANATION_REQUESTED, user.id(), null,
          note == null || note.isBlank() ? null : note);
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw new InvalidInputException("đơn vị " + unitCode + " không còn ở bước chuẩn bị báo cáo (đã gửi hoặc đã khóa sổ)");
    }
  }
}
