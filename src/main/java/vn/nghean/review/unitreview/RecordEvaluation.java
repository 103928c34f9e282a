package vn.nghean.review.unitreview;

import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.form.InvalidInputException;
import vn.nghean.review.report.Rating;
import vn.nghean.review.report.ReportDecision;
import vn.nghean.review.report.ReportDecision.Stage;
import vn.nghean.review.report.ReportService;
import vn.nghean.review.unitreview.UnitReviewProcess.Var;

/**
 * Complete listener of {@code EvaluateReport}: acceptance needs a rating; a revision request needs
 * comments and a future due date. The judgment is kept with the unit's record.
 */
@Component("recordEvaluation")
public class RecordEvaluation extends Decisions {

  private final ReportService reports;

  public RecordEvaluation(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = text(task, Var.EVALUATION_DECISION);
    Date revisionDue = null;
    if (UnitReviewProcess.ACCEPT.equals(decision)) {
      String rating = text(task, Var.RATING);
      if (rating == null || Arrays.stream(Rating.values()).noneMatch(r -> r.name().equals(rating))) {
        throw new InvalidInputException("khi tiếp nhận báo cáo phải chọn xếp loại");
      }
      checkCommentLength(text(task, Var.SELECTED_PRACTICES));
    } else if (UnitReviewProcess.REVISE.equals(decision)) {
      if (text(task, Var.REVISION_COMMENT) == null) {
        throw new InvalidInputException("khi yêu cầu chỉnh sửa phải ghi nội dung cần chỉnh sửa");
      }
      checkCommentLength(text(task, Var.REVISION_COMMENT));
      revisionDue = revisionDueDate(task);
      task.setVariable(Var.REVISION_DUE_DATE, revisionDue);
    } else {
      throw new InvalidInputException("phải chọn «Tiếp nhận» hoặc «Yêu cầu chỉnh sửa»");
    }
    reports.recordDecision(new ReportDecision(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task),
        Stage.EVALUATION, decision, text(task, UnitReviewProcess.ACCEPT.equals(decision)
            ? Var.SELECTED_PRACTICES : Var.REVISION_COMMENT),
        currentUser(task), VietnamTime.nowInstant(), revisionDue == null ? null : revisionDue.toInstant()));
  }

  private static Date revisionDueDate(DelegateTask task) {
    Date due;
    try {
      due = VietnamTime.parse(task.getVariable(Var.REVISION_DUE_DATE)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("hạn nộp lại không phải là ngày hợp lệ");
    }
    if (due == null) {
      throw new InvalidInputException("khi yêu cầu chỉnh sửa phải cho hạn nộp lại");
    }
    if (!due.after(VietnamTime.now())) {
      throw new InvalidInputException("hạn nộp lại (" + VietnamTime.formatDay(due) + ") phải sau hôm nay");
    }
    return due;
  }
}
