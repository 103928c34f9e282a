package vn.nghean.review.campaign;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import vn.nghean.review.notification.NotificationService;
import vn.nghean.review.notification.NotificationTexts;
import vn.nghean.review.notification.Recipient;
import vn.nghean.review.notification.Recipients;
import vn.nghean.review.notification.TasklistLinks;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.UnitStatus;

/**
 * Create listener of every user task of both processes: tells the candidate groups there is new
 * work, with a link to it, naming the unit (or the campaign) as its record names it. It lives with
 * the campaign, the lowest package that sees both records it names (campaign, record); the unit
 * review's tasks reach it by its bean name.
 */
@Component("notifyNewTask")
class NotifyNewTask implements TaskListener {

  private final NotificationService notifications;
  private final Recipients recipients;
  private final TasklistLinks links;
  private final ReportService reports;
  private final CampaignService campaigns;

  NotifyNewTask(NotificationService notifications, Recipients recipients, TasklistLinks links,
      ReportService reports, CampaignService campaigns) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.links = links;
    this.reports = reports;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Recipient> to = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        to.addAll(recipients.candidates(link.getGroupId()));
      }
    }
    if (UnitReviewProcess.KEY.equals(processKey(task))) {
      UnitReviewProcess.Key key = UnitReviewProcess.Key.of(task);
      UnitReport report = reports.get(key.campaignCode(), key.unitCode());
      if (UnitReviewProcess.Element.DRAFT_REPORT.equals(task.getTaskDefinitionKey())
          && report.getStatus() == UnitStatus.UNDER_REVISION) {
        return; // the revision request itself tells the unit, with PV01's comments
      }
      notifications.send(NotificationTexts.newTask(task.getName(), report.getUnitName(), task.getDueDate(),
          links.task(task.getId()), key.campaignCode(), key.unitCode()), to);
    } else {
      Campaign campaign = campaigns.get(CampaignProcess.code(task));
      notifications.send(NotificationTexts.newTask(task.getName(), campaign.getTitle(), task.getDueDate(),
          links.task(task.getId()), campaign.getCode(), null), to);
    }
  }

  /** The key of the task's process: its definition id is {@code <key>:<version>:<id>}. */
  private static String processKey(DelegateTask task) {
    return task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
  }
}
