package vn.nghean.review.campaign;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.guard.TaskCheck;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;

/**
 * Complete listener of {@code PrepareConference}: the conference must fall before the conference
 * deadline; its date becomes the follow-up date of {@code RecordConferenceResults}.
 */
@Component("scheduleConference")
class ScheduleConference implements TaskCheck {

  private final CampaignService campaigns;

  ScheduleConference(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    Date conference;
    try {
      conference = VietnamTime.parse(values.get(Var.CONFERENCE_DATE)).orElse(null);
    } catch (IllegalArgumentException e) {
      return List.of(); // the form check reports it
    }
    Date deadline = Date.from(campaigns.get(CampaignProcess.code(task)).getConferenceDeadline());
    if (conference != null && !conference.before(deadline)) {
      return List.of("thời gian hội nghị (" + VietnamTime.formatDayTime(conference)
          + ") phải trước hạn hoàn thành hội nghị (" + VietnamTime.formatDayTime(deadline) + ")");
    }
    return List.of();
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
    Date conference = VietnamTime.parse(task.getVariable(Var.CONFERENCE_DATE)).orElseThrow();
    task.setVariable(Var.CONFERENCE_DATE, conference);
    task.setVariable(Var.CONFERENCE_RESULTS_DUE_DATE,
        VietnamTime.plusDays(conference, CampaignProcess.CONFERENCE_RESULTS_DAYS));
  }
}
