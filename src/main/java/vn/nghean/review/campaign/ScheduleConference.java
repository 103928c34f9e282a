package vn.nghean.review.campaign;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.nghean.review.campaign.CampaignProcess.Var;
import vn.nghean.review.deadline.VietnamTime;
import vn.nghean.review.form.InvalidInputException;

/**
 * Complete listener of {@code PrepareConference}: the conference must fall before the conference
 * deadline; its date becomes the follow-up date of {@code RecordConferenceResults}.
 */
@Component("scheduleConference")
public class ScheduleConference implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Date conference = VietnamTime.parse(task.getVariable(Var.CONFERENCE_DATE)).orElseThrow();
    Date deadline = (Date) task.getVariable(Var.CONFERENCE_DEADLINE);
    if (!conference.before(deadline)) {
      throw new InvalidInputException("thời gian hội nghị (" + VietnamTime.formatDayTime(conference)
          + ") phải trước hạn hoàn thành hội nghị (" + VietnamTime.formatDayTime(deadline) + ")");
    }
    task.setVariable(Var.CONFERENCE_DATE, conference);
    task.setVariable(Var.CONFERENCE_RESULTS_DUE_DATE,
        VietnamTime.plusDays(conference, CampaignProcess.CONFERENCE_RESULTS_DAYS));
  }
}
