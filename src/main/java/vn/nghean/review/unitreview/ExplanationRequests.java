package vn.nghean.review.unitreview;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

import vn.nghean.review.deadline.DeadlineKind;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;
import vn.nghean.review.identity.Groups;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.report.UnitReport;

/**
 * PV01 asks an overdue unit to explain (yêu cầu giải trình): the unit's instance receives
 * {@code ExplanationRequested}, and the unit's leader gets the task {@code ProvideExplanation}.
 */
@Service
public class ExplanationRequests {

  public static final String MESSAGE = "ExplanationRequested";
  /** The leader answers within this many days. */
  static final int ANSWER_DAYS = 3;

  private final ReportService reports;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DeadlineRecords records;

  public ExplanationRequests(ReportService reports, RuntimeService runtimeService, IdentityService identityService,
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
    if (note != null && note.length() > 4000) {
      throw new InvalidInputException("nội dung yêu cầu dài quá 4000 ký tự");
    }
    // PV01 may not write to a unit's instance; the process, on PV01's checked request, may.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(UnitReviewProcess.businessKey(campaignCode, unitCode))
          .setVariable("explanationRequestNote", note == null ? "" : note)
          .setVariable("explanationDueDate", VietnamTime.plusDays(VietnamTime.now(), ANSWER_DAYS))
          .correlate();
      records.record(null, campaignCode, unitCode, DeadlineKind.EXPLANATION_REQUESTED, 0, List.of(), false,
          "Yêu cầu của " + user.id() + (note == null || note.isBlank() ? "" : ": " + note));
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw new InvalidInputException("đơn vị " + unitCode + " không còn ở bước chuẩn bị báo cáo (đã gửi hoặc đã khóa sổ)");
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
