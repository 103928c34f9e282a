package vn.nghean.review.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

import vn.nghean.review.engine.guard.TaskCheck;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.engine.EngineUsers;

/** What the listeners that record a judgment (approve or return, accept or revise) share. */
public abstract class Decisions implements TaskCheck {

  /** Maximum length of a comment, which stays a short process variable. */
  public static final int COMMENT_MAX_LENGTH = 4000;

  /** Problems of an approve-or-return decision; a return needs a comment that says why. */
  protected static List<String> approveOrReturnProblems(Map<String, Object> values, String decisionVar,
      String commentVar) {
    List<String> problems = new ArrayList<>();
    String decision = text(values, decisionVar);
    if (decision == null || !List.of(UnitReviewProcess.APPROVE, UnitReviewProcess.RETURN).contains(decision)) {
      problems.add("phải chọn «Phê duyệt» hoặc «Trả lại»");
    } else if (UnitReviewProcess.RETURN.equals(decision) && text(values, commentVar) == null) {
      problems.add("khi trả lại phải ghi ý kiến để đơn vị chỉnh sửa");
    }
    commentLengthProblem(problems, text(values, commentVar));
    return problems;
  }

  protected static void commentLengthProblem(List<String> problems, String comment) {
    if (comment != null && comment.length() > COMMENT_MAX_LENGTH) {
      problems.add("ý kiến dài quá " + COMMENT_MAX_LENGTH + " ký tự");
    }
  }

  /** The value as trimmed text, or null when absent or blank. */
  protected static String text(Map<String, Object> values, String name) {
    Object value = values.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  protected static String text(DelegateTask task, String name) {
    return text(task.getVariables(), name);
  }

  protected static String currentUser(DelegateTask task) {
    return EngineUsers.currentUserId(task.getProcessEngineServices().getIdentityService());
  }
}
