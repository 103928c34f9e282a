package vn.nghean.review.unitreview;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import vn.nghean.review.form.InvalidInputException;

/** What the listeners that record a judgment (approve or return, accept or revise) share. */
public abstract class Decisions implements TaskListener {

  /** Maximum length of a comment, which stays a short process variable. */
  public static final int COMMENT_MAX_LENGTH = 4000;

  /** The decision, approve or return; a return needs a comment that says why. */
  protected static String requireApproveOrReturn(DelegateTask task, String decisionVar, String commentVar) {
    String decision = text(task, decisionVar);
    if (!List.of(UnitReviewProcess.APPROVE, UnitReviewProcess.RETURN).contains(decision)) {
      throw new InvalidInputException("phải chọn «Phê duyệt» hoặc «Trả lại»");
    }
    if (UnitReviewProcess.RETURN.equals(decision) && text(task, commentVar) == null) {
      throw new InvalidInputException("khi trả lại phải ghi ý kiến để đơn vị chỉnh sửa");
    }
    checkCommentLength(text(task, commentVar));
    return decision;
  }

  protected static void checkCommentLength(String comment) {
    if (comment != null && comment.length() > COMMENT_MAX_LENGTH) {
      throw new InvalidInputException("ý kiến dài quá " + COMMENT_MAX_LENGTH + " ký tự");
    }
  }

  /** The variable as trimmed text, or null when absent or blank. */
  protected static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  protected static String currentUser(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
