package vn.nghean.review.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.WithoutAuthorization;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * End listener of the {@code reviewCampaign} process: when a manager cancels a campaign in Cockpit,
 * the reviews of its units still running are cancelled with it (in a batch, as Cockpit's own
 * "delete process instances" does), so that no unit keeps receiving tasks and reminders for it.
 */
@Component("campaignCancelled")
class CampaignCancelled implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      return;
    }
    String code = CampaignProcess.code(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    WithoutAuthorization.run(() -> {
      // Campaign codes are letters, digits and hyphens: nothing in them that LIKE reads as a wildcard.
      ProcessInstanceQuery units = runtime.createProcessInstanceQuery().processDefinitionKey(UnitReviewProcess.KEY)
          .processInstanceBusinessKeyLike(UnitReviewProcess.businessKey(code, "%"));
      if (units.count() > 0) {
        runtime.deleteProcessInstancesAsync(units, "Đợt sơ kết " + code + " đã bị hủy");
      }
    });
  }
}
