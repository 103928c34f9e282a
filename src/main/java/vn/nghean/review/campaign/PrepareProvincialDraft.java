package vn.nghean.review.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ProvincialReportService;

/** {@code Task_PrepareProvincialDraft}: builds the provincial draft from the unit reports. */
@Component("prepareProvincialDraft")
class PrepareProvincialDraft implements JavaDelegate {

  private final ProvincialReportService provincialReports;

  PrepareProvincialDraft(ProvincialReportService provincialReports) {
    this.provincialReports = provincialReports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    provincialReports.prepareDraft(CampaignProcess.code(execution));
  }
}
