package vn.nghean.review.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.deadline.UnitDeadlines;
import vn.nghean.review.process.CampaignProcess.Var;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * {@code Task_StartUnitReviews}, one job per batch: starts the {@code unitReview} instance of each unit
 * of the batch, with business key {@code <campaign>/<unit>} and the campaign's deadlines. A batch that
 * fails rolls back whole and is retried whole: no unit is started twice.
 */
@Component("startUnitReviews")
public class StartUnitReviews implements JavaDelegate {

  /** The campaign's variables each unit's review starts with. */
  static final List<String> PASSED_ON = List.of(Var.CAMPAIGN_CODE, Var.REPORT_DEADLINE, Var.SYNTHESIS_CUTOFF,
      UnitDeadlines.FIRST_REMINDER_DAYS, UnitDeadlines.SECOND_REMINDER_DAYS, UnitDeadlines.ESCALATION_INTERVAL_DAYS,
      UnitDeadlines.EVALUATION_DAYS);

  private final CampaignParticipants participants;

  public StartUnitReviews(CampaignParticipants participants) {
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaign = (String) execution.getVariable(Var.CAMPAIGN_CODE);
    int batch = (Integer) execution.getVariable(CampaignProcess.Var.UNIT_BATCH);
    Map<String, Object> common = new HashMap<>();
    for (String name : PASSED_ON) {
      common.put(name, execution.getVariable(name));
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String unit : participants.batch(campaign, batch)) {
      Map<String, Object> variables = new HashMap<>(common);
      variables.put(UnitReviewProcess.Var.UNIT_CODE, unit);
      runtime.createProcessInstanceByKey(UnitReviewProcess.KEY).businessKey(UnitReviewProcess.businessKey(campaign, unit))
          .setVariables(variables).execute();
    }
  }
}
