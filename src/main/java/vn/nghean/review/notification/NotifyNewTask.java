package vn.nghean.review.notification;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.report.UnitStatus;

/** Create listener of every user task: tells the candidate groups there is new work, with a link to it. */
@Component("notifyNewTask")
public class NotifyNewTask implements TaskListener {

  private final NotificationService notifications;
  private final Recipients recipients;
  private final TasklistLinks links;

  public NotifyNewTask(NotificationService notifications, Recipients recipients, TasklistLinks links) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    if (UnitReviewProcess.Element.DRAFT_REPORT.equals(task.getTaskDefinitionKey())
        && UnitStatus.UNDER_REVISION.name().equals(task.getVariable(UnitReviewProcess.Var.UNIT_STATUS))) {
      return; // the revision request itself tells the unit, with PV01's comments
    }
    List<Recipient> to = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        to.addAll(recipients.candidates(link.getGroupId()));
      }
    }
    Object unitName = task.getVariable(UnitReviewProcess.Var.UNIT_NAME);
    String about = unitName != null ? unitName.toString() : String.valueOf(task.getVariable("campaignTitle"));
    notifications.send(NotificationTexts.newTask(task.getName(), about, (Date) task.getDueDate(),
        links.task(task.getId()), (String) task.getVariable("campaignCode"),
        (String) task.getVariable(UnitReviewProcess.Var.UNIT_CODE)), to);
  }
}
