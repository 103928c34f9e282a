package vn.nghean.review.unitreview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess.Var;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.Rating;
import vn.nghean.review.record.ReportDecision.Stage;
import vn.nghean.review.record.ReportDecision;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.record.Decisions;

/**
 * Complete listener of {@code EvaluateReport}: acceptance needs a rating; a revision request needs
 * comments and a future due date. The judgment is kept with the unit's record.
 */
@Component("recordEvaluation")
class RecordEvaluation extends Decisions {

  private final ReportService reports;

  RecordEvaluation(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    List<String> problems = new ArrayList<>();
    String decision = text(values, Var.EVALUATION_DECISION);
    if (UnitReviewProcess.ACCEPT.equals(decision)) {
      String rating = text(values, Var.RATING);
      if (rating == null || Arrays.stream(Rating.values()).noneMatch(r -> r.name().equals(rating))) {
        problems.add("khi tiếp nhận báo cáo phải chọn xếp loại");
      }
      commentLengthProblem(problems, text(values, Var.SELECTED_PRACTICES));
    } else if (UnitReviewProcess.REVISE.equals(decision)) {
      if (text(values, Var.REVISION_COMMENT) == null) {
        problems.add("khi yêu cầu chỉnh sửa phải ghi nội dung cần chỉnh sửa");
      }
      commentLengthProblem(problems, text(values, Var.REVISION_COMMENT));
      revisionDueProblem(values.get(Var.REVISION_DUE_DATE), problems);
    } else {
      problems.add("phải chọn «Tiếp nhận» hoặc «Yêu cầu chỉnh sửa»");
    }
    return problems;
  }

  private static void revisionDueProblem(Object value, List<String> problems) {
    try {
      Date due = VietnamTime.parse(value).orElse(null);
      if (due == null) {
        problems.add("khi yêu cầu chỉnh sửa phải cho hạn nộp lại");
      } else if (!due.after(VietnamTime.now())) {
        problems.add("hạn nộp lại (" + VietnamTime.formatDay(due) + ") phải sau hôm nay");
      }
    } catch (IllegalArgumentException e) {
      problems.add("hạn nộp lại không phải là ngày hợp lệ");
    }
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    String decision = text(task, Var.EVALUATION_DECISION);
    boolean accepted = UnitReviewProcess.ACCEPT.equals(decision);
    Date revisionDue = accepted ? null : VietnamTime.parse(task.getVariable(Var.REVISION_DUE_DATE)).orElseThrow();
    if (!accepted) {
      task.setVariable(Var.REVISION_DUE_DATE, revisionDue);
    }
    reports.recordDecision(new ReportDecision(UnitStatusTracker.campaign(task), UnitStatusTracker.unit(task),
        Stage.EVALUATION, decision, text(task, accepted ? Var.SELECTED_PRACTICES : Var.REVISION_COMMENT),
        currentUser(task), VietnamTime.nowInstant(), accepted ? null : revisionDue.toInstant()));
  }
}
